"""Who may do what in the admin: one permission per staff action, checked in one place.

Views (`@staff_action(...)`, `StaffPage.action`), menu items and listing buttons all ask
`user_can(user, action)`, as Wagtail's `get_forms_for_user` backs both its views and its
menu item. The codenames are plain strings, so surveys imports nothing of analytics;
cms/roles.py grants them to the seeded roles on every migrate.
"""

from functools import wraps

from django.db import models
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    """A staff action, named by the permission ("app_label.codename") it needs."""

    VIEW_ANSWERS = "surveys.view_answer", _("view answers")
    EDIT_QUESTIONNAIRES = "surveys.change_questionnaire", _("edit questionnaires")
    OPEN_CLOSE_WAVES = "surveys.open_close_wave", _("open and close waves")
    PRINT_CODES = "surveys.print_codes_and_posters", _("print code cards and posters")
    ENTER_PAPER = "surveys.enter_paper_answers", _("enter paper answers and enrol tablets")
    MODERATE = "analytics.moderate_quotes", _("moderate free-text answers")
    MARK_SAFEGUARDING = (
        "analytics.mark_safeguarding_concerns",
        _("mark safeguarding concerns"),
    )
    HANDLE_SAFEGUARDING = (
        "analytics.handle_safeguarding",
        _("receive and handle safeguarding concerns"),
    )
    EXPORT = "analytics.export_responses", _("export raw responses")
    VIEW_MONITOR = "analytics.view_field_monitor", _("view the field monitor")
    VIEW_AUDIT_LOG = "analytics.view_audit_log", _("view the audit log")
    MANAGE_STAFF = "auth.change_user", _("manage staff accounts")
    BUILD_REPORTS = "cms.build_reports", _("build printed reports")


def user_can(user, action: Action) -> bool:
    """Return whether `user` may do `action` (superusers may do everything)."""
    if user is None or not user.is_active or not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm(Action(action).value)


def refusal(request, *actions: Action):
    """Answer 403 with a plain sentence naming what the user may not do."""
    labels = ", ".join(str(Action(action).label) for action in actions)
    return render(request, "surveys/admin/refused.html", {"actions": labels}, status=403)


def staff_action(*actions: Action):
    """Let a view run only for users allowed one of `actions`; refuse others with a 403.

    The actions stay on the view as `staff_actions`, so a test can walk the URL conf
    and find any admin view without a permission check.
    """

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not any(user_can(request.user, action) for action in actions):
                return refusal(request, *actions)
            return view(request, *args, **kwargs)

        checked.staff_actions = tuple(actions)
        return checked

    return decorator


def safe_next(request, target: str | None, fallback: str) -> str:
    """Return `target` if it stays on this site, else the URL (or URL name) `fallback`.

    A `next` taken from a form or query string could send staff to another host.
    """
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
