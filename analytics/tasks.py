"""Celery entry points: take ids, call services, safe to run twice."""

import logging
import time

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError

from analytics import services
from analytics.services.queue import claim_refresh, release_refresh
from surveys.models import Wave

logger = logging.getLogger(__name__)

# A burst of answers queues one refresh per window instead of one per answer.
REFRESH_DELAY_SECONDS = 2

# After a failed publish, this process leaves the broker alone for a while: each try
# costs an answer seconds of connect timeouts, and the beat sweeps catch up anyway.
_broker_down_until = 0.0


def _publish(task, *args, **options) -> bool:
    """Queue `task` unless the broker failed a moment ago; return whether it was queued."""
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return False
    try:
        task.apply_async(args, **options)
    except Exception:
        _broker_down_until = time.monotonic() + settings.PART_CACHE_RETRY_SECONDS
        logger.warning("Could not reach the broker; answers are saved, the sweep will catch up.")
        return False
    return True


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=8,
)
def refresh_snapshot(wave_id: int) -> None:
    """Rebuild the public snapshot of one wave and its comparisons."""
    # Cleared before counting, so an answer arriving during the refresh queues another.
    release_refresh(wave_id=wave_id)
    # Answers that arrived while this refresh waited queued no look for concerns (run
    # eagerly, it did not wait).
    if not refresh_snapshot.request.is_eager:
        _publish(find_concerns, wave_id)
    wave = Wave.objects.select_related("questionnaire").filter(pk=wave_id).first()
    if wave is None:
        logger.info("Wave %s no longer exists; nothing to refresh.", wave_id)
        return
    # Comparisons follow the published versions, so they keep the same cadence.
    if services.refresh_snapshot(wave=wave) is not None:
        services.refresh_comparisons(wave=wave)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def refresh_stale_snapshots() -> int:
    """Count every wave with uncounted answers, publish where due (the beat sweep)."""
    waves = services.stale_waves()
    for wave in waves:
        release_refresh(wave_id=wave.pk)
        if services.refresh_snapshot(wave=wave) is not None:
            services.refresh_comparisons(wave=wave)
    return len(waves)


# Per process, by wave: until when (wall clock) the refresh waiting for that wave will
# still count an answer committed now. A queued refresh starts REFRESH_DELAY_SECONDS
# after it was queued, so until then a burst of answers needs no look at the flag: a
# query less per answer. Never in eager mode, where the refresh has run already.
_counted_until: dict[int, float] = {}
# Leeway for the clocks of web and worker machines and for a refresh that starts early.
COUNTED_MARGIN_SECONDS = 0.5


def queue_refresh(sender, wave_id: int, **kwargs) -> None:
    """Queue one refresh of a wave and a look for concerns, unless a refresh is waiting.

    The waiting refresh queues the look for concerns again when it starts, so answers
    that arrived meanwhile are looked at too: a burst of answers costs the broker a
    handful of messages, not two per answer.
    """
    if time.time() < _counted_until.get(wave_id, 0.0):
        return
    claim = claim_refresh(wave_id=wave_id)
    if claim.is_mine and not _publish(refresh_snapshot, wave_id, countdown=REFRESH_DELAY_SECONDS):
        # The answer is saved; the sweep will refresh this wave once the broker is back.
        release_refresh(wave_id=wave_id)
    elif claim.queued_at is not None and not settings.CELERY_TASK_ALWAYS_EAGER:
        _counted_until[wave_id] = (
            claim.queued_at.timestamp() + REFRESH_DELAY_SECONDS - COUNTED_MARGIN_SECONDS
        )
    if claim.is_mine:
        # The answer is saved either way; the beat sweep finds a concern the queue missed.
        _publish(find_concerns, wave_id)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=2,
    max_retries=8,
)
def find_concerns(wave_id: int) -> int:
    """List the answers of one wave that meet a safeguarding rule and notify the staff."""
    from analytics import safeguarding

    wave = Wave.objects.filter(pk=wave_id).first()
    if wave is None:
        return 0
    return len(safeguarding.find_concerns(wave=wave))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def find_concerns_everywhere() -> int:
    """Look for concerns in every wave (the beat sweep, for checks lost to a broker outage)."""
    from analytics import safeguarding

    return sum(len(safeguarding.find_concerns(wave=wave)) for wave in Wave.objects.all())
