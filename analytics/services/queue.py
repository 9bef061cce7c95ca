"""Deduplicate refreshes: one queued refresh per wave, kept in the database.

The flag lives in the wave's `AggregateState` row, so every web process and worker
sees the same one, and losing Redis loses no more than a queued message (the beat
sweep refreshes stale waves anyway).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from analytics.models import AggregateState

# A flag older than this belongs to a message that was lost; queue again.
STALE_FLAG = datetime.timedelta(minutes=2)


def claim_refresh(*, wave_id: int) -> bool:
    """Mark a refresh of the wave as queued; return False if one is already waiting."""
    now = timezone.now()
    fresh = Q(refresh_queued_at__gte=now - STALE_FLAG)
    # In a burst a refresh is nearly always waiting: one plain read answers, and no
    # submission queues behind another for the lock of the wave's row.
    if AggregateState.objects.filter(fresh, wave_id=wave_id).exists():
        return False
    waiting = Q(refresh_queued_at__isnull=True) | Q(refresh_queued_at__lt=now - STALE_FLAG)
    if AggregateState.objects.filter(waiting, wave_id=wave_id).update(refresh_queued_at=now):
        return True
    if AggregateState.objects.filter(wave_id=wave_id).exists():
        return False
    try:
        with transaction.atomic():
            AggregateState.objects.create(wave_id=wave_id, refresh_queued_at=now)
    except IntegrityError:
        return False  # Another process created it, and with it the claim, first.
    return True


def release_refresh(*, wave_id: int) -> None:
    """Clear the queued mark, so an answer arriving from now on queues another refresh."""
    AggregateState.objects.filter(wave_id=wave_id).update(refresh_queued_at=None)
