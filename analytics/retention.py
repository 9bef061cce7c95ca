"""Retention rules of analytics, found by name by the `purge_expired` command.

Each rule is a label, a function from "now" to a queryset of what must go, and
optionally a function called with that queryset just before it is deleted.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from analytics.exports.services import expired_exports
from analytics.file_jobs import discard_job_files
from analytics.models import AggregateState, Snapshot
from analytics.services.snapshots import stale_waves
from surveys.models import Response, Wave


def expired_raw_responses(now):
    """Return the responses of waves closed longer ago than the retention period.

    Only waves whose published figures already hold every response qualify: a wave
    still waiting for its snapshot keeps its answers until the next refresh.
    """
    closed_before = now - timedelta(days=settings.PART_RAW_RESPONSE_RETENTION_DAYS)
    waves = set(Wave.objects.filter(closes_at__lt=closed_before).values_list("pk", flat=True))
    waves &= set(Snapshot.objects.filter(wave_id__in=waves).values_list("wave_id", flat=True))
    waves -= {wave.pk for wave in stale_waves()}
    return Response.objects.filter(wave_id__in=waves)


def keep_counts_of(responses) -> None:
    """Mark the counts of the waves losing their responses as all that is left of them."""
    AggregateState.objects.filter(
        wave_id__in=responses.values("wave_id").distinct(), responses_purged_on__isnull=True
    ).update(responses_purged_on=timezone.localdate())


RETENTION_RULES = [
    ("export files", expired_exports, discard_job_files),
    ("raw responses", expired_raw_responses, keep_counts_of),
]
