"""Reads of public figures."""

from collections.abc import Iterable

from analytics.models import ComparisonSnapshot, Snapshot
from surveys.models import Answer, Wave


def published_snapshot(*, wave: Wave) -> Snapshot | None:
    """Return the newest snapshot of a wave whose results may be public now, or None."""
    if not wave.results_are_public():
        return None
    return Snapshot.objects.filter(wave=wave).order_by("-version").first()


def latest_snapshot(*, wave: Wave) -> Snapshot | None:
    return Snapshot.objects.filter(wave=wave).order_by("-version").first()


def paired_values(*, question_key: str, pairs: Iterable[tuple[int, int]]) -> list[tuple]:
    """Return (before, after) values of one question for linked pairs of response ids.

    A value is the number given or the score of the option chosen; a pair where either
    side did not answer, or declined, is left out. For services only: requests read
    snapshots.
    """
    pairs = list(pairs)
    ids = {response_id for pair in pairs for response_id in pair}
    rows = Answer.objects.filter(
        response_id__in=ids, question__key=question_key, declined=False
    ).values_list("response_id", "number", "option__score")
    values = {}
    for response_id, number, score in rows:
        value = number if number is not None else score
        if value is not None:
            values[response_id] = float(value)
    return [
        (values[before], values[after])
        for before, after in pairs
        if before in values and after in values
    ]


def published_comparison(*, before: Wave, after: Wave) -> ComparisonSnapshot | None:
    """Return the newest comparison of two waves if both waves' results may be public."""
    if not (before.results_are_public() and after.results_are_public()):
        return None
    return (
        ComparisonSnapshot.objects.filter(wave_before=before, wave_after=after)
        .order_by("-version")
        .first()
    )
