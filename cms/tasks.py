from celery import shared_task

from cms.services import retention


@shared_task
def purge_expired() -> None:
    """Delete what the retention rules say must go (Celery beat runs it nightly)."""
    retention.purge_expired()


@shared_task(acks_late=True)
def build_report(report_id: int) -> None:
    """Build the PDF of one printed report."""
    from cms.models import Report
    from cms.reports import services

    report = Report.objects.select_related("dashboard", "wave").filter(pk=report_id).first()
    if report is None:
        return
    services.build_report(report=report)
