from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    path("s/<slug:slug>/", views.answer_survey, name="answer"),
    path("s/<slug:slug>/done/", views.survey_done, name="done"),
    path("code/", views.enter_code, name="code"),
]
