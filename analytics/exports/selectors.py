"""Reads of exports."""

from django.db.models import QuerySet

from analytics.exports.storage import export_root
from analytics.models import Export


def recent_exports(*, limit: int = 20) -> QuerySet[Export]:
    return Export.objects.select_related("wave", "requested_by")[:limit]


def export_file_path(*, export: Export):
    """Return the path of a finished export's file, or None if it is not (or no longer) there."""
    if export.status != Export.Status.DONE or not export.file_name:
        return None
    path = export_root() / export.file_name
    return path if path.exists() else None
