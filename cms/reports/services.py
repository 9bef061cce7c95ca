"""Writes of printed reports: ask for one, build it in a Celery task, hand it out."""

from django.db import transaction
from django.utils.translation import gettext as _

from analytics import audit, file_jobs
from analytics.reports.pdf import write_report_pdf
from cms.models import DashboardPage, Report
from cms.reports import assembly
from cms.sharing import live_dashboard
from surveys.models import Wave


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

    def write(path):
        document = _document(report)
        file_jobs.record_progress(report, total=document.chart_count)
        with path.open("wb") as output:
            write_report_pdf(
                document,
                output,
                progress=lambda done, _total: file_jobs.record_progress(report, done=done),
            )

    return file_jobs.build_job_file(
        report,
        name=file_jobs.file_name(report, prefix="report", suffix="pdf"),
        write=write,
        expected_errors=(assembly.NothingPublished,),
        failure_message=_(
            "The report could not be built. Please try again or tell your administrator."
        ),
        is_public=is_public,
    )


def record_download(*, report: Report, user) -> None:
    """Note in the audit log that a staff member downloaded a report."""
    audit.record(
        report,
        audit.REPORT_DOWNLOADED,
        user=user,
        report=str(report),
        language=report.get_language_display(),
    )
