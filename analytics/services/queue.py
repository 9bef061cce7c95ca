"""Deduplicate refreshes: one queued refresh per wave, kept in the database.

The flag lives in the wave's `AggregateState` row, so every web process and worker
sees the same one, and losing Redis loses no more than a queued message (the beat
sweep refreshes stale waves anyway).
"""

import datetime
from typing import NamedTuple

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from analytics.models import AggregateState
from surveys.prepared import fetch_one_prepared

# A flag older than this belongs to a message that was lost; queue again.
STALE_FLAG = datetime.timedelta(minutes=2)


class Claim(NamedTuple):
    """Whether this call queued the wave's refresh, and when the waiting one was queued."""

    is_mine: bool
    queued_at: datetime.datetime | None


def claim_refresh(*, wave_id: int) -> Claim:
    """Mark a refresh of the wave as queued, unless one is already waiting.

    Say whether this call marked it (then queue it), and when the waiting refresh was
    queued, where that is known.
    """
    now = timezone.now()
    # In a burst a refresh is nearly always waiting: one plain read answers, and no
    # submission queues behind another for the lock of the wave's row.
    waiting_since = _waiting_since(wave_id=wave_id, since=now - STALE_FLAG)
    if waiting_since is not None:
        return Claim(is_mine=False, queued_at=waiting_since)
    waiting = Q(refresh_queued_at__isnull=True) | Q(refresh_queued_at__lt=now - STALE_FLAG)
    if AggregateState.objects.filter(waiting, wave_id=wave_id).update(refresh_queued_at=now):
        return Claim(is_mine=True, queued_at=now)
    if AggregateState.objects.filter(wave_id=wave_id).exists():
        return Claim(is_mine=False, queued_at=None)
    try:
        with transaction.atomic():
            AggregateState.objects.create(wave_id=wave_id, refresh_queued_at=now)
    except IntegrityError:
        # Another process created it, and with it the claim, first.
        return Claim(is_mine=False, queued_at=None)
    return Claim(is_mine=True, queued_at=now)


# The read every answer of a burst makes once its process no longer knows that a refresh
# is waiting (see `analytics.tasks.queue_refresh`): prepared, as the submission's own
# statements are, since building it through the ORM cost more than the rest of the claim.
_WAITING_SINCE = """
SELECT refresh_queued_at FROM analytics_aggregatestate
WHERE wave_id = %(wave)s AND refresh_queued_at >= %(since)s
"""


def _waiting_since(*, wave_id: int, since: datetime.datetime) -> datetime.datetime | None:
    """Return when the refresh waiting for the wave was queued, if one queued since `since`."""
    if connection.vendor == "postgresql":
        found = fetch_one_prepared(_WAITING_SINCE, {"wave": wave_id, "since": since})
        return found[0] if found else None
    rows = AggregateState.objects.filter(wave_id=wave_id, refresh_queued_at__gte=since)
    return rows.values_list("refresh_queued_at", flat=True).first()


def release_refresh(*, wave_id: int) -> None:
    """Clear the queued mark, so an answer arriving from now on queues another refresh."""
    AggregateState.objects.filter(wave_id=wave_id).update(refresh_queued_at=None)
