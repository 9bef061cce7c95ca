"""Admin wiring: questionnaires and waves as snippets in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from surveys import selectors
from surveys.models import Questionnaire, Wave


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Questionnaires")
    list_display = ["title", "key", "version", "created_at"]


class WaveViewSet(SnippetViewSet):
    model = Wave
    icon = "date"
    menu_label = _("Waves")
    list_display = ["title", "label", "slug", "opens_at", "closes_at", "response_count"]

    def get_queryset(self, request):
        return selectors.waves_with_response_counts()


class SurveyViewSetGroup(SnippetViewSetGroup):
    items = (QuestionnaireViewSet, WaveViewSet)
    menu_icon = "form"
    menu_label = _("Surveys")
    menu_name = "surveys"


register_snippet(SurveyViewSetGroup)
