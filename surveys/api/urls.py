from django.urls import path

from surveys.api.views import ChallengeApi, ResponseCreateApi, WaveListApi, WaveQuestionnaireApi

app_name = "surveys_api"

urlpatterns = [
    path("responses/", ResponseCreateApi.as_view(), name="responses"),
    path("challenge/", ChallengeApi.as_view(), name="challenge"),
    path("waves/", WaveListApi.as_view(), name="waves"),
    path("waves/<str:slug>/questionnaire/", WaveQuestionnaireApi.as_view(), name="questionnaire"),
]
