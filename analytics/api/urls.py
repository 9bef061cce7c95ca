from django.urls import path

from analytics.api.views import WaveOpenDataApi, WaveResultsApi

app_name = "analytics_api"

urlpatterns = [
    path("waves/<str:slug>/results/", WaveResultsApi.as_view(), name="results"),
    path("waves/<str:slug>/open-data/", WaveOpenDataApi.as_view(), name="open-data"),
]
