"""Reads of exports."""

from django.db.models import QuerySet

from analytics.models import Export


def recent_exports(*, limit: int = 20) -> QuerySet[Export]:
    return Export.objects.select_related("wave", "requested_by")[:limit]
