"""Admin wiring of the staff data tools: the "Answers" menu, its pages, audit actions."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from analytics import audit
from analytics.models import Export, SafeguardingRule
from analytics.views import exports, moderation
from analytics.views.audit import AuditLogView
from analytics.views.file_jobs import hold_job_files_of_waves, remove_held_job_files
from analytics.views.monitor import FieldMonitorView
from surveys.wagtail_hooks import WaveViewSet


def _unpublished(wave) -> int:
    from analytics.selectors import unpublished_responses

    return unpublished_responses(wave=wave)


# Counted but not yet in a public version: the publication cadence holds them back.
WaveViewSet.list_display.append(
    Column("unpublished", label=_("Not yet published"), accessor=_unpublished)
)


@hooks.register("before_delete_snippet")
def hold_export_files_of_waves(request, instances):
    """Note the export files a wave deletion takes along; `remove_export_files` removes them."""
    hold_job_files_of_waves(request, instances, Export)


@hooks.register("after_delete_snippet")
def remove_export_files(request, instances):
    """Remove the files held for this deletion (exports here, printed reports in cms)."""
    remove_held_job_files(request)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    audit.register_actions(actions)


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [
        path("data/exports/", exports.ExportsView.as_view(), name="analytics_exports"),
        path(
            "data/exports/<int:pk>/download/",
            exports.download_export,
            name="analytics_export_download",
        ),
        path(
            "data/moderation/",
            moderation.ModerationQueueView.as_view(),
            name="analytics_moderation",
        ),
        path(
            "data/moderation/<int:pk>/",
            moderation.decide,
            name="analytics_moderation_decide",
        ),
        path(
            "data/concerns/<int:pk>/handled/",
            moderation.handle_concern,
            name="analytics_concern_handled",
        ),
        path(
            "data/quotes/<int:pk>/withdraw/",
            moderation.withdraw,
            name="analytics_quote_withdraw",
        ),
        path("data/monitor/", FieldMonitorView.as_view(), name="analytics_monitor"),
        path("data/audit/", AuditLogView.as_view(), name="analytics_audit"),
    ]


class PermissionMenuItem(MenuItem):
    """A menu item shown only to the users its page lets in."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


class QuestionSelect(forms.Select):
    """Name each question with its questionnaire and version, as texts repeat across versions."""

    def create_option(self, name, value, label, *args, **kwargs):
        question = getattr(value, "instance", None)
        if question is not None:
            label = f"{question.questionnaire} – {question.text}"
        return super().create_option(name, value, label, *args, **kwargs)


class RadioWithoutBlank(forms.RadioSelect):
    """Radio buttons without Django's "---------" choice for a field without a default."""

    def optgroups(self, name, value, attrs=None):
        return [
            group
            for group in super().optgroups(name, value, attrs)
            if any(option["value"] != "" for option in group[1])
        ]


class SafeguardingRuleViewSet(SnippetViewSet):
    model = SafeguardingRule
    icon = "help"
    menu_label = _("Safeguarding rules")
    add_to_admin_menu = False
    list_display = ["question", "kind", "threshold", "is_active"]
    panels = [
        FieldPanel("question", widget=QuestionSelect),
        FieldPanel("kind", widget=RadioWithoutBlank),
        FieldPanel("threshold"),
        FieldPanel("words"),
        FieldPanel("is_active"),
    ]


register_snippet(SafeguardingRuleViewSet)


@hooks.register("register_admin_menu_item")
def register_answers_menu():
    items = [
        (_("Check free text"), "analytics_moderation", "comment", moderation.ModerationQueueView),
        (_("Field monitor"), "analytics_monitor", "view", FieldMonitorView),
        (_("Export data"), "analytics_exports", "download", exports.ExportsView),
        (_("Audit log"), "analytics_audit", "history", AuditLogView),
    ]
    menu_items = [
        PermissionMenuItem(
            label,
            reverse(url_name),
            name=url_name,
            icon_name=icon,
            order=100 * position,
            allowed=view.allowed,
        )
        for position, (label, url_name, icon, view) in enumerate(items, start=1)
    ]
    menu_items.append(
        PermissionMenuItem(
            _("Safeguarding rules"),
            reverse("wagtailsnippets_analytics_safeguardingrule:list"),
            name="safeguarding_rules",
            icon_name="help",
            order=500,
            allowed=lambda user: user.has_perm("analytics.change_safeguardingrule"),
        )
    )
    return SubmenuMenuItem(
        _("Answers"), Menu(items=menu_items), name="answers", icon_name="list-ul", order=250
    )
