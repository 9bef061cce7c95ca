"""Reads of public figures."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from analytics.models import AggregateState, ComparisonSnapshot, Snapshot
from analytics.snapshot_schema import is_withheld
from surveys.models import Answer, Segment, Wave


def published_snapshot(*, wave: Wave) -> Snapshot | None:
    """Return the newest snapshot of a wave whose results may be public now, or None."""
    if not wave.results_are_public():
        return None
    return Snapshot.objects.filter(wave=wave).order_by("-version").first()


def published_snapshots(*, waves: Iterable[Wave]) -> dict[int, Snapshot]:
    """Return the newest public snapshot of each wave, by wave id, in one query.

    A wave whose results are not public yet, or that has no snapshot, is left out.
    """
    public_ids = {wave.pk for wave in waves if wave is not None and wave.results_are_public()}
    if not public_ids:
        return {}
    newest = Snapshot.objects.filter(wave=OuterRef("wave")).order_by("-version").values("version")
    found = Snapshot.objects.filter(wave_id__in=public_ids, version=Subquery(newest[:1]))
    return {snapshot.wave_id: snapshot for snapshot in found}


def unpublished_responses(*, wave: Wave) -> int:
    """Return how many counted responses of a wave no public version holds yet (for staff)."""
    state = AggregateState.objects.filter(wave=wave).first()
    return 0 if state is None else max(0, state.response_count - state.published_count)


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


class ReachRow(NamedTuple):
    """How many of one group took part: a number, or withheld as too small."""

    label: str
    count: int | None

    @property
    def is_withheld(self) -> bool:
        return is_withheld(self.count)


@dataclass(frozen=True)
class ReachGroup:
    dimension: str
    label: str
    rows: list[ReachRow]


@dataclass(frozen=True)
class Reach:
    response_count: int | None
    min_cell_size: int
    groups: list[ReachGroup]

    @property
    def is_withheld(self) -> bool:
        """Return whether the number of all who took part is withheld (fewer than k)."""
        return is_withheld(self.response_count)


REACH_DIMENSIONS = [Segment.QUARTER, Segment.AGE_BAND, Segment.HOME_LANGUAGE]


def reach_of(*, snapshot: Snapshot) -> Reach:
    """Return how many a snapshot reached, in all and by quarter, age band and language."""
    figures = snapshot.figures
    groups = []
    for dimension in REACH_DIMENSIONS:
        rows = [
            ReachRow(figures.segment_label(dimension, row.values[0]) or row.values[0], row.count)
            for row in figures.participation.get(dimension, ())
        ]
        if rows:
            groups.append(ReachGroup(dimension, Segment(dimension).label, rows))
    return Reach(figures.response_count, figures.min_cell_size or snapshot.min_cell_size, groups)


# Asked on every call of the results API, so it is plain SQL: building it through the ORM
# cost more than running it.
PUBLIC_RESULTS_VERSION_SQL = f"""
    SELECT wave.id, (SELECT MAX(snapshot.version) FROM {Snapshot._meta.db_table} snapshot
        WHERE snapshot.wave_id = wave.id)
    FROM {Wave._meta.db_table} wave
    WHERE wave.slug = %s AND wave.opens_at <= %s
        AND (wave.results_policy = %s OR (wave.closes_at IS NOT NULL AND wave.closes_at <= %s))
"""  # noqa: S608 - table names come from our models; every value is a parameter


def public_results_version(*, slug: str) -> tuple[int, int] | None:
    """Return (wave id, newest snapshot version) of an opened wave whose results are public.

    None when there is no such wave, its results are hidden until it closes, or it has
    no snapshot yet.
    """
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(PUBLIC_RESULTS_VERSION_SQL, [slug, now, Wave.ResultsPolicy.LIVE.value, now])
        row = cursor.fetchone()
    if row is None or row[1] is None:
        return None
    return row[0], row[1]
