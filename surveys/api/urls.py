from django.urls import path

from surveys.api.views import ResponseCreateApi

app_name = "surveys_api"

urlpatterns = [
    path("responses/", ResponseCreateApi.as_view(), name="responses"),
]
