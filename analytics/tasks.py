"""Celery entry points: take ids, call one service, safe to run twice."""

import logging

from celery import shared_task
from django.core.cache import cache

from analytics import services
from surveys.models import Wave

logger = logging.getLogger(__name__)

# A burst of answers queues one refresh per window instead of one per answer.
REFRESH_DELAY_SECONDS = 2
QUEUED_FLAG_TIMEOUT = 120


def _queued_flag(wave_id: int) -> str:
    return f"analytics:refresh-queued:{wave_id}"


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def refresh_snapshot(wave_id: int) -> None:
    """Rebuild the public snapshot of one wave."""
    # Cleared before reading, so an answer arriving during the refresh queues another.
    cache.delete(_queued_flag(wave_id))
    wave = Wave.objects.filter(pk=wave_id).first()
    if wave is None:
        logger.info("Wave %s no longer exists; nothing to refresh.", wave_id)
        return
    services.refresh_snapshot(wave=wave)


@shared_task(acks_late=True)
def refresh_stale_snapshots() -> int:
    """Refresh every wave with answers newer than its snapshot (the beat sweep)."""
    waves = services.stale_waves()
    for wave in waves:
        services.refresh_snapshot(wave=wave)
    return len(waves)


def queue_refresh(sender, wave_id: int, **kwargs) -> None:
    """Queue one refresh of a wave unless one is already waiting."""
    if cache.add(_queued_flag(wave_id), "1", timeout=QUEUED_FLAG_TIMEOUT):
        try:
            refresh_snapshot.apply_async((wave_id,), countdown=REFRESH_DELAY_SECONDS)
        except Exception:
            # The answer is saved; the sweep will refresh this wave once the broker is back.
            cache.delete(_queued_flag(wave_id))
            raise
