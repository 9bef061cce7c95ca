"""Writes of printed reports: ask for one, build it in a Celery task, hand it out."""

import logging
import secrets
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from analytics import audit
from analytics.exports.services import export_root
from analytics.reports.pdf import write_report_pdf
from cms.models import DashboardPage, Report
from cms.reports import assembly
from cms.sharing import live_dashboard
from surveys.models import Wave

logger = logging.getLogger(__name__)


def report_root() -> Path:
    """Return the folder report files live in, beside the exports; it is never served."""
    root = export_root() / "reports"
    root.mkdir(parents=True, exist_ok=True)
    return root


def request_report(
    *, user, language: str, dashboard: DashboardPage | None = None, wave: Wave | None = None
) -> Report:
    """Record a staff member's request for a printed report and queue the task that builds it."""
    from cms.tasks import build_report as build_report_task

    with transaction.atomic():
        report = Report.objects.create(
            dashboard=dashboard, wave=wave, language=language, requested_by=user
        )
        audit.record(
            report,
            audit.REPORT_REQUESTED,
            user=user,
            report=str(report),
            language=report.get_language_display(),
        )
        transaction.on_commit(lambda: build_report_task.delay(report.pk))
    return report


def _document(report: Report):
    if report.dashboard_id is not None:
        return assembly.dashboard_document(page=report.dashboard.specific, language=report.language)
    return assembly.wave_document(wave=report.wave, language=report.language)


def build_report(*, report: Report) -> Report:
    """Write the report's PDF, counting the charts drawn as its progress."""
    if report.status == Report.Status.DONE:
        return report
    # Public only if every figure in it is public now: a live dashboard open to everyone.
    is_public = report.dashboard_id is not None and (
        live_dashboard(page_id=report.dashboard_id) is not None
    )
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RUNNING, charts_done=0)
    name = f"report-{report.pk}-{secrets.token_hex(8)}.pdf"
    final = report_root() / name
    partial = final.with_name(f".{name}.partial")
    try:
        document = _document(report)
        Report.objects.filter(pk=report.pk).update(charts_total=document.chart_count)
        with partial.open("wb") as output:
            write_report_pdf(
                document,
                output,
                progress=lambda done, _total: Report.objects.filter(pk=report.pk).update(
                    charts_done=done
                ),
            )
        partial.rename(final)
    except assembly.NothingPublished as error:
        partial.unlink(missing_ok=True)
        return _finish(report, status=Report.Status.FAILED, error=str(error))
    except Exception:
        partial.unlink(missing_ok=True)
        logger.exception("Report %s failed", report.pk)
        _finish(
            report,
            status=Report.Status.FAILED,
            error=_("The report could not be built. Please try again or tell your administrator."),
        )
        raise
    return _finish(report, status=Report.Status.DONE, file_name=name, is_public=is_public)


def _finish(report: Report, **changes) -> Report:
    Report.objects.filter(pk=report.pk).update(finished_at=timezone.now(), **changes)
    report.refresh_from_db()
    return report


def record_download(*, report: Report, user) -> None:
    """Note in the audit log that a staff member downloaded a report."""
    audit.record(
        report,
        audit.REPORT_DOWNLOADED,
        user=user,
        report=str(report),
        language=report.get_language_display(),
    )
