from django.urls import path

from analytics.api.views import WaveResultsApi

app_name = "analytics_api"

urlpatterns = [
    path("waves/<str:slug>/results/", WaveResultsApi.as_view(), name="results"),
]
