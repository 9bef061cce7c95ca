"""Reads of public figures."""

from analytics.models import Snapshot
from surveys.models import Wave


def published_snapshot(*, wave: Wave) -> Snapshot | None:
    """Return the newest snapshot of a wave whose results may be public now, or None."""
    if not wave.results_are_public():
        return None
    return Snapshot.objects.filter(wave=wave).order_by("-version").first()


def latest_snapshot(*, wave: Wave) -> Snapshot | None:
    return Snapshot.objects.filter(wave=wave).order_by("-version").first()
