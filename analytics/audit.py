"""The audit log: staff actions on data, recorded as Wagtail log entries.

Services of analytics record through `record()`. surveys may not import analytics,
so it logs through Wagtail alone, with one of the action names below, e.g.
`wagtail.log_actions.log(instance=wave, action="part.wave_opened", user=user,
data={"wave": wave.slug})` (and `"count"` for generated codes). The actions are
registered with Wagtail in `analytics/wagtail_hooks.py`, so they show in the admin's
audit log and in Wagtail's site history report.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry

PREFIX = "part."
EXPORT_REQUESTED = "part.export_requested"
EXPORT_DOWNLOADED = "part.export_downloaded"
QUOTE_APPROVED = "part.quote_approved"
QUOTE_REJECTED = "part.quote_rejected"
QUOTE_SAFEGUARDING = "part.quote_safeguarding"
CONCERN_HANDLED = "part.concern_handled"
WAVE_OPENED = "part.wave_opened"
WAVE_CLOSED = "part.wave_closed"
CODES_GENERATED = "part.codes_generated"
CODES_DOWNLOADED = "part.codes_downloaded"
PAPER_BATCH_CREATED = "part.paper_batch_created"
QUESTIONNAIRE_VERSIONED = "part.questionnaire_versioned"
INSTRUMENT_LOADED = "part.instrument_loaded"
POSTER_PRINTED = "part.poster_printed"
TABLET_ENROLLED = "part.tablet_enrolled"
TABLET_REVOKED = "part.tablet_revoked"
SECOND_FACTOR_RESET = "part.second_factor_reset"
WAVE_ACCEPTS_CODES = "part.wave_accepts_codes"
WAVE_VERSION_SWITCHED = "part.wave_version_switched"
QUESTIONNAIRE_VERSION_REMOVED = "part.questionnaire_version_removed"
REPORT_REQUESTED = "part.report_requested"
REPORT_DOWNLOADED = "part.report_downloaded"


class _Formatter(LogFormatter):
    """Say what happened, with the wave and format or count from the entry's data."""

    template = ""

    def format_message(self, log_entry):
        data = dict.fromkeys(
            ("wave", "format", "count", "venue", "batch", "questionnaire", "version"), ""
        )
        data |= {"instrument": "", "device": "", "staff": "", "report": "", "language": ""}
        data |= log_entry.data or {}
        return str(self.template) % data


def _formatter(label, template):
    return type("PartLogFormatter", (_Formatter,), {"label": label, "template": template})


ACTIONS = {
    EXPORT_REQUESTED: _formatter(_("Export requested"), _("Exported wave %(wave)s as %(format)s")),
    EXPORT_DOWNLOADED: _formatter(
        _("Export downloaded"), _("Downloaded the %(format)s export of wave %(wave)s")
    ),
    QUOTE_APPROVED: _formatter(_("Quote approved"), _("Approved a quote from wave %(wave)s")),
    QUOTE_REJECTED: _formatter(_("Quote rejected"), _("Rejected a quote from wave %(wave)s")),
    QUOTE_SAFEGUARDING: _formatter(
        _("Safeguarding concern"), _("Marked a safeguarding concern in wave %(wave)s")
    ),
    CONCERN_HANDLED: _formatter(
        _("Safeguarding concern handled"), _("Handled a safeguarding concern in wave %(wave)s")
    ),
    WAVE_OPENED: _formatter(_("Wave opened"), _("Opened wave %(wave)s")),
    WAVE_CLOSED: _formatter(_("Wave closed"), _("Closed wave %(wave)s")),
    CODES_GENERATED: _formatter(
        _("Access codes generated"), _("Generated %(count)s access codes for wave %(wave)s")
    ),
    CODES_DOWNLOADED: _formatter(
        _("Code cards downloaded"),
        _("Downloaded the sheet of %(count)s code cards for wave %(wave)s (%(venue)s)"),
    ),
    PAPER_BATCH_CREATED: _formatter(
        _("Paper batch started"),
        _("Started the paper batch “%(batch)s” for wave %(wave)s"),
    ),
    QUESTIONNAIRE_VERSIONED: _formatter(
        _("Questionnaire version created"),
        _("Created version %(version)s of questionnaire %(questionnaire)s"),
    ),
    INSTRUMENT_LOADED: _formatter(
        _("Instrument loaded"),
        _("Added instrument %(instrument)s to questionnaire %(questionnaire)s"),
    ),
    POSTER_PRINTED: _formatter(
        _("Poster printed"), _("Printed a QR poster for wave %(wave)s (%(venue)s)")
    ),
    TABLET_ENROLLED: _formatter(
        _("Tablet enrolled"), _("Enrolled tablet “%(device)s” for wave %(wave)s")
    ),
    TABLET_REVOKED: _formatter(
        _("Tablet revoked"), _("Revoked tablet “%(device)s” for wave %(wave)s")
    ),
    SECOND_FACTOR_RESET: _formatter(
        _("Second factor reset"), _("Reset the second login factor of %(staff)s")
    ),
    WAVE_ACCEPTS_CODES: _formatter(
        _("Wave accepts codes"), _("Wave %(wave)s accepts access codes from now on")
    ),
    WAVE_VERSION_SWITCHED: _formatter(
        _("Wave switched to another version"),
        _("Switched wave %(wave)s to version %(version)s of questionnaire %(questionnaire)s"),
    ),
    QUESTIONNAIRE_VERSION_REMOVED: _formatter(
        _("Questionnaire version removed"),
        _("Removed the unanswered version %(version)s of questionnaire %(questionnaire)s"),
    ),
    REPORT_REQUESTED: _formatter(
        _("Printed report requested"),
        _("Asked for the printed report of %(report)s (%(language)s)"),
    ),
    REPORT_DOWNLOADED: _formatter(
        _("Printed report downloaded"),
        _("Downloaded the printed report of %(report)s (%(language)s)"),
    ),
}


def register_actions(actions) -> None:
    """Register PaRT's audit actions with Wagtail's log action registry."""
    for action, formatter in ACTIONS.items():
        actions.register_action(action)(formatter)


def record(instance, action: str, *, user, **data) -> ModelLogEntry | None:
    """Write one audit entry: who did `action` to `instance`, with what details.

    Call it from a service, e.g. `record(wave, audit.WAVE_OPENED, user=user, wave=wave.slug)`.
    """
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}; add it to analytics.audit.ACTIONS.")
    return log(instance=instance, action=action, user=user, data=data)


def audit_entries() -> QuerySet[ModelLogEntry]:
    """Return PaRT's audit entries, newest first."""
    return (
        ModelLogEntry.objects.filter(action__startswith=PREFIX)
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk")
    )
