"""Admin wiring: questionnaires, scales and waves in the Wagtail admin, and staff views."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from surveys import admin_views, selectors
from surveys.models import CodeBatch, Questionnaire, Scale, Wave
from surveys.permissions import Action, user_can
from surveys.services.code_batches import discard_unclaimed_code_sheets
from surveys.services.questionnaires import complete_questionnaire


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Questionnaires")
    list_display = [
        "title",
        "key",
        "version",
        # Which version is asked, and which is answered (and so may not be removed).
        Column(
            "waves",
            label=_("Asked by"),
            accessor=lambda questionnaire: ", ".join(map(str, questionnaire.waves.all())) or "–",
        ),
        Column("response_count", label=_("Responses")),
        "created_at",
    ]

    def get_queryset(self, request):
        return selectors.questionnaires_with_response_counts()


class ScaleViewSet(SnippetViewSet):
    model = Scale
    icon = "table"
    menu_label = _("Scales")
    list_display = ["name", "key", "questionnaire", "scoring"]


def wave_status_column() -> StatusTagColumn:
    """Return a column saying whether a wave is planned, open or closed, with its dates."""
    return StatusTagColumn(
        "status",
        label=_("Status"),
        accessor=lambda wave: wave.status_text(),
        primary=lambda wave: wave.is_open(),
    )


class WaveChoiceColumnsMixin:
    @property
    def columns(self):
        # Waves often share a title and label: the status and dates tell them apart.
        return [*super().columns, wave_status_column()]


class WaveChooseView(WaveChoiceColumnsMixin, ChooseView):
    pass


class WaveChooseResultsView(WaveChoiceColumnsMixin, ChooseResultsView):
    pass


class WaveChooserViewSet(SnippetChooserViewSet):
    choose_view_class = WaveChooseView
    choose_results_view_class = WaveChooseResultsView


class WaveDeleteView(DeleteView):
    """Deleting a wave takes its never-downloaded code sheets and their codes with it."""

    def delete_action(self):
        with transaction.atomic():
            discard_unclaimed_code_sheets(batches=CodeBatch.objects.filter(wave=self.object))
            super().delete_action()


@hooks.register("register_bulk_action", order=100)  # After Wagtail's own, so it wins for waves.
class WaveDeleteBulkAction(DeleteBulkAction):
    """Deleting several waves at once does the same as deleting one."""

    models = [Wave]

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        with transaction.atomic():
            discard_unclaimed_code_sheets(
                batches=CodeBatch.objects.filter(wave__in=[wave.pk for wave in objects])
            )
            return super().execute_action(objects, user=user, **kwargs)


class WaveViewSet(SnippetViewSet):
    model = Wave
    delete_view_class = WaveDeleteView
    icon = "date"
    menu_label = _("Waves")
    chooser_viewset_class = WaveChooserViewSet
    list_display = [
        "title",
        "label",
        wave_status_column(),
        "slug",
        Column("response_count", label=_("Responses")),
        # analytics/wagtail_hooks.py adds how many are not yet published.
    ]

    def get_queryset(self, request):
        return selectors.waves_with_response_counts()


class SurveyViewSetGroup(SnippetViewSetGroup):
    items = (QuestionnaireViewSet, ScaleViewSet, WaveViewSet)
    menu_icon = "form"
    menu_label = _("Surveys")
    menu_name = "surveys"


register_snippet(SurveyViewSetGroup)


def _questionnaire_of(instance) -> Questionnaire | None:
    if isinstance(instance, Questionnaire):
        return instance
    if isinstance(instance, Scale):
        return instance.questionnaire
    return None


@hooks.register("before_edit_snippet")
def refuse_to_edit_an_answered_questionnaire(request, instance):
    # Answers must keep the wording they were given: offer a new version instead.
    questionnaire = _questionnaire_of(instance)
    if questionnaire is not None and selectors.is_frozen(questionnaire=questionnaire):
        return redirect("surveys_admin:new_version", pk=questionnaire.pk)
    return None


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def fill_in_standard_options(request, instance):
    if isinstance(instance, Questionnaire):
        complete_questionnaire(questionnaire=instance)
        # Saved all the same, so no work is lost; the warning says what to fix.
        for problem in selectors.rule_problems(questionnaire=instance):
            messages.warning(request, problem)


@hooks.register("register_snippet_listing_buttons")
def survey_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Questionnaire) and user_can(user, Action.EDIT_QUESTIONNAIRES):
        yield ListingButton(
            _("Preview"), reverse("surveys_admin:preview", args=[snippet.pk]), priority=5
        )
        yield ListingButton(
            _("New version"), reverse("surveys_admin:new_version", args=[snippet.pk]), priority=15
        )
        if not selectors.why_version_is_needed(questionnaire=snippet):
            yield ListingButton(
                _("Remove this version"),
                reverse("surveys_admin:remove_version", args=[snippet.pk]),
                priority=16,
            )
    if not isinstance(snippet, Wave):
        return
    if user_can(user, Action.OPEN_CLOSE_WAVES):
        if snippet.is_open():
            label, url = _("Close now"), reverse("surveys_admin:close_wave", args=[snippet.pk])
        else:
            label, url = _("Open now"), reverse("surveys_admin:open_wave", args=[snippet.pk])
        yield ListingButton(label, url, priority=5)
    if user_can(user, Action.EDIT_QUESTIONNAIRES):
        yield ListingButton(
            _("Preview"),
            reverse("surveys_admin:preview", args=[snippet.questionnaire_id]),
            priority=6,
        )
        if selectors.other_versions(questionnaire=snippet.questionnaire).exists():
            yield ListingButton(
                _("Switch the version"),
                reverse("surveys_admin:switch_version", args=[snippet.pk]),
                priority=8,
            )
    if user_can(user, Action.PRINT_CODES) and snippet.code_policy != Wave.CodePolicy.OPEN:
        yield ListingButton(
            _("Codes by venue"),
            reverse("surveys_admin:code_overview") + f"?wave={snippet.pk}",
            priority=7,
        )


admin_patterns = [
    path("preview/<int:pk>/", admin_views.preview_questionnaire, name="preview"),
    path("new-version/<int:pk>/", admin_views.new_version, name="new_version"),
    path("waves/<int:pk>/version/", admin_views.switch_wave_version, name="switch_version"),
    path(
        "versions/<int:pk>/remove/",
        admin_views.remove_questionnaire_version,
        name="remove_version",
    ),
    path("waves/<int:pk>/open/", admin_views.change_wave, {"action": "open"}, name="open_wave"),
    path("waves/<int:pk>/close/", admin_views.change_wave, {"action": "close"}, name="close_wave"),
    path("instruments/", admin_views.instrument_library, name="instruments"),
    path("codes/", admin_views.card_sheet, name="card_sheet"),
    path("codes/progress/", admin_views.code_batch_progress, name="code_batch_progress"),
    path("codes/<int:pk>/download/", admin_views.download_code_sheet, name="code_sheet_download"),
    path("codes/by-venue/", admin_views.code_overview, name="code_overview"),
    path("paper/", admin_views.paper_batches, name="paper_batches"),
    path("paper/<int:pk>/", admin_views.paper_entry, name="paper_entry"),
    path("paper/print/", admin_views.paper_questionnaire, name="paper_questionnaire"),
    path("posters/", admin_views.poster, name="poster"),
    path("tablets/", admin_views.tablets, name="tablets"),
    path("tablets/<int:pk>/revoke/", admin_views.revoke_tablet_view, name="tablet_revoke"),
]


@hooks.register("register_admin_urls")
def survey_admin_urls():
    return [path("surveys/", include((admin_patterns, "surveys_admin")))]


class ActionMenuItem(MenuItem):
    """A menu item shown only to users allowed its action."""

    def __init__(self, *args, action: Action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def is_shown(self, request):
        return user_can(request.user, self.action)


@hooks.register("register_admin_menu_item")
def instrument_library_menu_item():
    return ActionMenuItem(
        _("Instrument library"),
        reverse("surveys_admin:instruments"),
        icon_name="list-ul",
        order=310,
        action=Action.EDIT_QUESTIONNAIRES,
    )


@hooks.register("register_admin_menu_item")
def card_sheet_menu_item():
    return ActionMenuItem(
        _("Access code cards"),
        reverse("surveys_admin:card_sheet"),
        icon_name="key",
        order=320,
        action=Action.PRINT_CODES,
    )


@hooks.register("register_admin_menu_item")
def paper_entry_menu_item():
    return ActionMenuItem(
        _("Paper questionnaires"),
        reverse("surveys_admin:paper_batches"),
        icon_name="doc-full",
        order=325,
        action=Action.ENTER_PAPER,
    )


@hooks.register("register_admin_menu_item")
def poster_menu_item():
    return ActionMenuItem(
        _("QR posters"),
        reverse("surveys_admin:poster"),
        icon_name="image",
        order=330,
        action=Action.PRINT_CODES,
    )


@hooks.register("register_admin_menu_item")
def tablet_menu_item():
    return ActionMenuItem(
        _("Tablets"),
        reverse("surveys_admin:tablets"),
        icon_name="mobile-alt",
        order=327,
        action=Action.ENTER_PAPER,
    )
