"""Reads of public figures."""

from collections.abc import Iterable
from dataclasses import dataclass

from analytics.models import ComparisonSnapshot, Snapshot
from surveys.models import Answer, Segment, Wave


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


@dataclass(frozen=True)
class ReachGroup:
    dimension: str
    label: str
    # (value label, count); a count of None was withheld as too small.
    rows: list[tuple[str, int | None]]


@dataclass(frozen=True)
class Reach:
    response_count: int | None
    min_cell_size: int
    groups: list[ReachGroup]


REACH_DIMENSIONS = [Segment.QUARTER, Segment.AGE_BAND, Segment.HOME_LANGUAGE]


def reach_of(*, snapshot: Snapshot) -> Reach:
    """Return how many a snapshot reached, in all and by quarter, age band and language."""
    data = snapshot.data
    groups = []
    for dimension in REACH_DIMENSIONS:
        labels = {s["value"]: s["label"] for s in data.get("segments", {}).get(dimension, [])}
        counts = data.get("participation", {}).get(dimension, [])
        rows = [(labels.get(row["values"][0], row["values"][0]), row["count"]) for row in counts]
        if rows:
            groups.append(ReachGroup(dimension, Segment(dimension).label, rows))
    return Reach(
        data.get("response_count"), data.get("min_cell_size", snapshot.min_cell_size), groups
    )


def published_snapshot_version(*, wave: Wave) -> int | None:
    """Return the newest snapshot version of a wave whose results may be public, or None.

    Reads one integer, so a cache keyed by it is checked without loading the figures.
    """
    if not wave.results_are_public():
        return None
    return (
        Snapshot.objects.filter(wave=wave)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
