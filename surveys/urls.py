from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    path("s/<slug:slug>/", views.answer_survey, name="answer"),
    path("s/<slug:slug>/done/", views.survey_done, name="done"),
    path("s/<slug:slug>/tablet/", views.tablet, name="tablet"),
    path("s/<slug:slug>/tablet/worker.js", views.tablet_worker, name="tablet_worker"),
    path("code/", views.enter_code, name="code"),
]
