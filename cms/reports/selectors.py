"""Reads of printed reports: the staff list and the public download."""

from django.db.models import QuerySet

from cms.models import Report
from cms.sharing import live_dashboard


def recent_reports(limit: int = 20) -> QuerySet[Report]:
    return Report.objects.select_related("dashboard", "wave", "requested_by")[:limit]


def public_report(*, page_id: int, language: str) -> Report | None:
    """Return the newest finished public report of a live public dashboard, or None.

    In `language` if there is one, else in any language (German first).
    """
    if live_dashboard(page_id=page_id) is None:
        return None
    reports = Report.objects.filter(
        dashboard_id=page_id, is_public=True, status=Report.Status.DONE
    ).order_by("-finished_at", "-pk")
    for report in [*reports.filter(language=language), *reports.filter(language="de"), *reports]:
        if report.file_path() is not None:
            return report
    return None
