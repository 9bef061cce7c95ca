"""Count responses in the database, at the finest grain, into mergeable partial counts.

One GROUP BY per kind of figure runs over the raw answers of a range of responses
(PostgreSQL may run it with parallel workers, which GROUPING SETS never do); every
breakdown a snapshot publishes is then a roll-up of these few thousand cells, kept
per wave beside them (AggregateRollup). New responses are counted alone: their cells
are appended, and their roll-up is added to the stored one, so a refresh after 100
new answers reads 100 responses and a few thousand rolled-up cells, not a million
responses or every cell.
"""

import functools
import gc
import json
import logging
import math
import zlib
from collections import defaultdict
from dataclasses import dataclass

from django.db import OperationalError, connection, transaction
from django.db.models import Count, Max

from analytics.models import AggregateCell, AggregateRollup, AggregateState
from surveys.models import Question, Response, Scale, Segment, Wave

logger = logging.getLogger(__name__)

SEGMENTS = ("quarter", "age_band", "gender", "home_language")
# Each breakdown dimension alone, and quarter × age band (DESIGN.md, data flow 4).
GROUPINGS = [
    (Segment.QUARTER,),
    (Segment.AGE_BAND,),
    (Segment.GENDER,),
    (Segment.HOME_LANGUAGE,),
    (Segment.QUARTER, Segment.AGE_BAND),
]
ALL = ()
# Everyone first, then each breakdown: the groups every cell is rolled up into.
ROLLED_UP = [ALL, *GROUPINGS]
POSITION = {segment: index for index, segment in enumerate(SEGMENTS)}
WORK_MEM = "64MB"
# First key of the advisory lock that serialises counting per wave ("PaRT" in ASCII).
COUNTING_LOCK = 0x50615254
CELL_COLUMNS = (
    "kind",
    "item_id",
    "subscale",
    "option_id",
    "value",
    "items",
    "declined",
    "quarter",
    "age_band",
    "gender",
    "home_language",
    "key_sum",
    "count",
)
SEGMENT_SQL = "r.quarter, r.age_band, r.gender, r.home_language"
RANGE_SQL = "r.wave_id = %s AND r.id > %s AND r.id <= %s"

RESPONSES_SQL = f"""
    SELECT 1, 0, '', 0, NULL, 0, FALSE, {SEGMENT_SQL}, SUM(r.record_key), COUNT(*)
    FROM surveys_response r
    WHERE {RANGE_SQL}
    GROUP BY {SEGMENT_SQL}
"""  # noqa: S608 - constants only; ids in it are int()-cast
# Free text is never counted: a text answer has no option, no number and is not declined.
ANSWERS_SQL = f"""
    SELECT 2, a.question_id, '', COALESCE(a.option_id, 0), a.number, 0, a.declined,
           {SEGMENT_SQL}, SUM(r.record_key), COUNT(*)
    FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
    WHERE {RANGE_SQL} AND a.response_id > %s AND a.response_id <= %s
      AND (a.option_id IS NOT NULL OR a.number IS NOT NULL OR a.declined)
    GROUP BY a.question_id, a.option_id, a.number, a.declined, {SEGMENT_SQL}
"""  # noqa: S608 - constants only; ids in it are int()-cast
# Multiple choice has one answer per chosen option: count people, not answers.
RESPONDENTS_SQL = f"""
    SELECT 3, d.question_id, '', 0, NULL, 0, d.declined, {SEGMENT_SQL}, SUM(r.record_key), COUNT(*)
    FROM (
        SELECT DISTINCT a.response_id, a.question_id, a.declined
        FROM surveys_answer a
        WHERE a.response_id > %s AND a.response_id <= %s AND a.question_id IN ({{questions}})
    ) d JOIN surveys_response r ON r.id = d.response_id
    WHERE {RANGE_SQL}
    GROUP BY d.question_id, d.declined, {SEGMENT_SQL}
"""  # noqa: S608 - constants only; ids in it are int()-cast
# One raw sum and item count per response and (sub)scale, then counted per segment.
# The VALUES list maps (question, option) to points: column5 + column6 * number.
# Grouping by integers first and joining the segments after keeps the big sort small.
SCALES_SQL = f"""
    SELECT 4, s.scale_id, s.part, 0, s.raw_sum, s.items, FALSE, {SEGMENT_SQL}, SUM(r.record_key),
           COUNT(*)
    FROM (
        SELECT a.response_id, m.column1 AS scale_id, m.column2 AS part,
               SUM(m.column5 + m.column6 * COALESCE(a.number, 0)) AS raw_sum,
               COUNT(*) AS items
        FROM surveys_answer a
        JOIN (VALUES {{points}}) AS m
          ON m.column3 = a.question_id AND m.column4 = COALESCE(a.option_id, 0)
        WHERE a.response_id > %s AND a.response_id <= %s AND NOT a.declined
        GROUP BY a.response_id, m.column1, m.column2
    ) s JOIN surveys_response r ON r.id = s.response_id
    WHERE {RANGE_SQL}
    GROUP BY s.scale_id, s.part, s.raw_sum, s.items, {SEGMENT_SQL}
"""  # noqa: S608 - constants only; ids in it are int()-cast
READ_SQL = f"""
    SELECT {", ".join(CELL_COLUMNS)} FROM analytics_aggregatecell WHERE wave_id = %s
"""  # noqa: S608 - constants only


def without_cycle_collection(function):
    """Run `function` with CPython's cycle collector paused, and restore it after.

    Counting and building make tens of thousands of small tuples, lists and dicts,
    enough to set off a full collection, which walks every object of a Django worker
    (some 200,000) and took 0.1 s: half a refresh after a few new responses. They
    hold no reference cycles, so reference counting frees them all the same.
    """

    @functools.wraps(function)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


class Rollup:
    """Counted cells summed per detail and published group: what figures are built from.

    A detail is (kind, item, subscale, option, value, items, declined) of a cell; a
    group is (grouping, key), with grouping () and key () for everyone. Counts and
    record-key sums are integers, so adding the roll-up of new responses gives
    exactly the roll-up of all of them, in any order.
    """

    def __init__(self, totals: dict | None = None):
        self.totals = totals if totals is not None else {}

    def add_rows(self, rows) -> None:
        """Add finest-grain cells (CELL_COLUMNS) to everyone and to every breakdown."""
        totals = self.totals
        group_keys = {}
        for row in rows:
            detail = _detail(row)
            segments = tuple(row[7:11])
            keys = group_keys.get(segments)
            if keys is None:
                keys = group_keys[segments] = [
                    (grouping, tuple(segments[POSITION[dim]] for dim in grouping))
                    for grouping in ROLLED_UP
                ]
            count, key_sum = row[-1], row[-2]
            for group in keys:
                total = totals.get((detail, group))
                if total is None:
                    totals[(detail, group)] = [count, key_sum]
                else:
                    total[0] += count
                    total[1] += key_sum

    def pack(self) -> bytes:
        """Return the roll-up as zlib-compressed JSON, for AggregateRollup.packed_cells."""
        cells = [
            [*detail, ROLLED_UP.index(grouping), *key, count, key_sum]
            for (detail, (grouping, key)), (count, key_sum) in self.totals.items()
        ]
        # Level 1: a few milliseconds for a fifth of the size; more saves little.
        return zlib.compress(json.dumps(cells, separators=(",", ":")).encode(), 1)

    @classmethod
    def unpack(cls, packed: bytes) -> "Rollup":
        totals = {}
        for cell in json.loads(zlib.decompress(packed)) if packed else []:
            grouping = ROLLED_UP[cell[7]]
            key = tuple(cell[8 : 8 + len(grouping)])
            detail = (cell[0], cell[1], cell[2], cell[3], cell[4], cell[5], cell[6])
            totals[(detail, (grouping, key))] = [cell[-2], cell[-1]]
        return cls(totals)


def _detail(row) -> tuple:
    """Return a cell's kind, item, subscale, option, value, items and declined, normalised.

    Values are read back from a float column, so a value counted just now is made a
    float the same way: a merged roll-up then equals one built from stored cells.
    """
    value = row[VALUE]
    if value is not None:
        value = float(value)
        if not math.isfinite(value):
            value = None
    return (int(row[0]), int(row[1]), row[2], int(row[3]), value, int(row[5]), bool(row[6]))


@dataclass(frozen=True)
class CountedCells:
    rollup: Rollup
    response_count: int
    last_response_id: int


@without_cycle_collection
def count_responses(*, wave: Wave, rebuild: bool = False) -> CountedCells:
    """Count the responses not yet counted (or, with `rebuild`, all) and return the roll-up.

    Runs in one transaction holding the wave's counting lock, so two workers never
    count the same response twice, and a killed worker leaves the counts as they were.
    Only responses up to a settled id are counted (see `settled_newest`); a response
    deleted or changed since the last count (the database notes it in the roll-up's
    row) makes it compare every stored response with the counts, and count all again
    if they differ.
    """
    settled = None if rebuild else settled_newest(wave)
    with transaction.atomic():
        _lock_counting(wave)
        state, _created = AggregateState.objects.get_or_create(wave=wave)
        stored = _stored_rollup(wave)
        if state.responses_purged_on is not None:
            return _count_after_purge(wave, state, stored, rebuild)
        newest = settled
        if newest is None:
            newest = Response.objects.filter(wave=wave).aggregate(newest=Max("id"))["newest"] or 0
        changes = stored.model.responses_changed
        is_unchanged = settled is not None and stored.model.changes_seen == changes
        if rebuild or newest < state.last_response_id:
            if not rebuild:
                logger.info(
                    "Wave %s: its newest counted response is gone; counting all again.", wave.slug
                )
            _forget(state, stored)
        if newest > state.last_response_id:
            state.response_count += _count_range(wave, state.last_response_id, newest, stored)
            state.last_response_id = newest
        if not is_unchanged:
            _check_every_response(wave, state, stored, newest)
        stored.model.changes_seen = changes
        _save_rollup(wave, stored)
        # Saved last: the row lock this takes would hold up submissions queueing a refresh.
        state.save(update_fields=["last_response_id", "response_count"])
        return CountedCells(stored.rollup, state.response_count, state.last_response_id)


def _check_every_response(wave, state: AggregateState, stored, newest: int) -> None:
    """Count the stored responses up to `newest`; if the counts hold another number, recount.

    A response deleted or changed, or one committed late with a lower id than one
    counted before it, would make the appended counts drift: one count on the
    (wave, id) index catches all of them.
    """
    present = Response.objects.filter(wave=wave, id__lte=newest).aggregate(n=Count("id"))["n"]
    if present == state.response_count:
        return
    logger.info(
        "Wave %s: %s responses stored up to #%s, %s counted (deleted, changed or "
        "committed late); counting all again.",
        wave.slug,
        present,
        newest,
        state.response_count,
    )
    _forget(state, stored)
    state.response_count = _count_range(wave, 0, newest, stored)
    state.last_response_id = newest


# How long a refresh waits for inserts under way before it checks every response instead.
SETTLE_LOCK_TIMEOUT = "200ms"


def settled_newest(wave: Wave) -> int | None:
    """Return the wave's newest response id below which no response can still appear.

    On PostgreSQL an INSERT locks the table (ROW EXCLUSIVE) before it draws its id and
    keeps the lock until it commits or rolls back. A SHARE lock, held for one SELECT
    in a transaction of its own, waits for every insert under way and lets no new one
    start, so no response with a lower id than the newest seen under it is still to
    come: a refresh that counts up to it never needs to look for late ones. Returns
    None when the lock cannot be had within SETTLE_LOCK_TIMEOUT (a long load or a
    manual VACUUM holds the table): the refresh then counts every response instead.
    SQLite lets one writer in at a time, so its newest id is always settled.
    """
    newest_sql = "SELECT MAX(id) FROM surveys_response WHERE wave_id = %s"
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(newest_sql, [wave.pk])
            return cursor.fetchone()[0] or 0
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{SETTLE_LOCK_TIMEOUT}'")
            cursor.execute("LOCK TABLE surveys_response IN SHARE MODE")
            cursor.execute(newest_sql, [wave.pk])
            return cursor.fetchone()[0] or 0
    except OperationalError:
        logger.info("Wave %s: inserts under way held the responses; checking them all.", wave.slug)
        return None


class CountsArePermanent(Exception):
    """The raw responses of a wave were deleted: its counts cannot be built again."""


def _count_after_purge(
    wave: Wave, state: AggregateState, stored: "_StoredRollup", rebuild: bool
) -> CountedCells:
    """Keep the counts of purged responses; only answers stored since are added."""
    if rebuild:
        raise CountsArePermanent(
            f"The raw responses of wave '{wave.slug}' were deleted on "
            f"{state.responses_purged_on:%Y-%m-%d} by the retention rules; its counts are "
            "all that is left of them and cannot be built again."
        )
    newest = Response.objects.filter(wave=wave).aggregate(newest=Max("id"))["newest"] or 0
    if newest > state.last_response_id:
        state.response_count += _count_range(wave, state.last_response_id, newest, stored)
        state.last_response_id = newest
        state.save(update_fields=["last_response_id", "response_count"])
    _save_rollup(wave, stored)
    return CountedCells(stored.rollup, state.response_count, state.last_response_id)


def _lock_counting(wave: Wave) -> None:
    """Hold the wave's counting lock until the transaction ends (SQLite locks on write)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # Sorts and hashes of a full count fit in memory instead of spilling to disk.
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        # An advisory lock, not a row lock: submissions flag the state row meanwhile.
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [COUNTING_LOCK, wave.pk])


def _forget(state: AggregateState, stored: "_StoredRollup") -> None:
    AggregateCell.objects.filter(wave_id=state.wave_id).delete()
    state.response_count = 0
    state.last_response_id = 0
    stored.rollup = Rollup()
    stored.model.compacted_rows = stored.model.stored_rows = 0
    stored.is_changed = True


def _count_range(wave: Wave, after_id: int, up_to_id: int, stored: "_StoredRollup") -> int:
    """Append the cells of the responses in (after_id, up_to_id] and add their roll-up.

    Returns how many responses there were.
    """
    multiple = list(
        Question.objects.filter(
            questionnaire__key=wave.questionnaire.key, kind=Question.Kind.MULTIPLE_CHOICE
        ).values_list("id", flat=True)
    )
    range_params = [wave.pk, after_id, up_to_id]
    answer_params = range_params + [after_id, up_to_id]
    rows = []
    with connection.cursor() as cursor:
        cursor.execute(RESPONSES_SQL, range_params)
        rows += cursor.fetchall()
        cursor.execute(ANSWERS_SQL, answer_params)
        rows += cursor.fetchall()
        if multiple:
            sql = RESPONDENTS_SQL.format(questions=", ".join(str(int(q)) for q in multiple))
            cursor.execute(sql, [after_id, up_to_id] + range_params)
            rows += cursor.fetchall()
        points, parts = scale_points(wave)
        if points:
            cursor.execute(SCALES_SQL.format(points=points), [after_id, up_to_id] + range_params)
            rows += [row[:2] + (parts[row[2]],) + row[3:] for row in cursor.fetchall()]
    _insert_cells(wave, rows)
    stored.rollup.add_rows(rows)
    stored.model.stored_rows += len(rows)
    stored.is_changed = True
    return sum(row[-1] for row in rows if row[0] == AggregateCell.Kind.RESPONSES)


def scale_points(wave: Wave) -> tuple[str, dict[int, str]]:
    """Return the VALUES rows mapping answers to points for every scale of the wave's versions.

    A reversed agreement item scores min + max − score of its options; a reversed
    0–10 item scores 10 − number. Each item counts for its scale and its subscale.
    """
    # Every version of the wave's questionnaire: a wave's responses keep their version.
    scales = Scale.objects.filter(questionnaire__key=wave.questionnaire.key)
    rows = []
    parts = {0: ""}
    for scale in scales.prefetch_related("items__question__options"):
        for item in scale.items.all():
            question = item.question
            targets = [0]
            if item.subscale:
                part = next((k for k, v in parts.items() if v == item.subscale), len(parts))
                parts[part] = item.subscale
                targets.append(part)
            if question.has_options:
                scores = [o.score for o in question.options.all() if o.score is not None]
                if not scores:
                    continue
                low, high = min(scores), max(scores)
                for option in question.options.all():
                    if option.score is None:
                        continue
                    score = low + high - option.score if item.is_reversed else option.score
                    for part in targets:
                        rows.append((scale.pk, part, question.pk, option.pk, int(score), 0))
            elif question.is_numeric:
                offset, sign = (10, -1) if item.is_reversed else (0, 1)
                for part in targets:
                    rows.append((scale.pk, part, question.pk, 0, offset, sign))
    values = ", ".join("(" + ", ".join(str(int(x)) for x in row) + ")" for row in rows)
    return values, parts


# The column types of CELL_COLUMNS, for a binary COPY (no text escaping on either side).
COPY_TYPES = [
    "int8",  # wave_id
    "int2",  # kind
    "int8",  # item_id
    "text",  # subscale
    "int8",  # option_id
    "float8",  # value
    "int2",  # items
    "bool",  # declined
    "text",  # quarter
    "text",  # age_band
    "text",  # gender
    "text",  # home_language
    "int8",  # key_sum
    "int8",  # count
]
VALUE = CELL_COLUMNS.index("value")


def _insert_cells(wave: Wave, rows: list[tuple]) -> None:
    if not rows:
        return
    if connection.vendor == "postgresql":
        columns = ", ".join(("wave_id",) + CELL_COLUMNS)
        sql = f"COPY analytics_aggregatecell ({columns}) FROM STDIN (FORMAT BINARY)"
        wave_id = wave.pk
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            copy.set_types(COPY_TYPES)
            write_row = copy.write_row
            for row in rows:
                value = row[VALUE]
                if value is not None:
                    value = float(value)
                    if not math.isfinite(value):
                        value = None
                write_row((wave_id, *row[:VALUE], value, *row[VALUE + 1 :]))
        return
    AggregateCell.objects.bulk_create(
        (AggregateCell(wave=wave, **dict(zip(CELL_COLUMNS, row, strict=True))) for row in rows),
        batch_size=500,
    )


def _read_cells(wave: Wave) -> list[tuple]:
    # Summed here, not with GROUP BY: a hash of a few ten thousand rows is quicker
    # than the database sorting them by eleven columns under a linguistic collation.
    # Key sums add up like counts (analytics/perturbation.py).
    totals = defaultdict(lambda: [0, 0])
    with connection.cursor() as cursor:
        cursor.execute(READ_SQL, [wave.pk])
        for row in cursor.fetchall():
            total = totals[row[:-2]]
            total[0] += row[-2]
            total[1] += row[-1]
    return [key + (key_sum, count) for key, (key_sum, count) in totals.items()]


class _StoredRollup:
    """The stored roll-up of a wave while it is counted, and whether it changed."""

    def __init__(self, model: AggregateRollup, rollup: Rollup, *, is_changed: bool):
        self.model, self.rollup, self.is_changed = model, rollup, is_changed


def _stored_rollup(wave: Wave) -> _StoredRollup:
    """Return the wave's stored roll-up; roll up its stored cells if it has none yet."""
    model = AggregateRollup.objects.filter(wave=wave).first()
    if model is not None:
        return _StoredRollup(model, Rollup.unpack(bytes(model.packed_cells)), is_changed=False)
    # Counted before roll-ups were stored (or never): roll up what is stored once.
    rows = _read_cells(wave)
    rollup = Rollup()
    rollup.add_rows(rows)
    # Responses deleted before this row existed went unnoticed: check them all once.
    model = AggregateRollup(
        wave=wave, compacted_rows=len(rows), stored_rows=len(rows), changes_seen=-1
    )
    stored = _StoredRollup(model, rollup, is_changed=True)
    _compact_cells(wave, stored, rows)
    return stored


def _compact_cells(wave: Wave, stored: _StoredRollup, rows: list[tuple] | None = None) -> None:
    """Keep one stored cell per key instead of one per merge."""
    if rows is None:
        rows = _read_cells(wave)
    AggregateCell.objects.filter(wave=wave).delete()
    _insert_cells(wave, rows)
    stored.model.compacted_rows = stored.model.stored_rows = len(rows)
    stored.is_changed = True


def _save_rollup(wave: Wave, stored: _StoredRollup) -> None:
    model = stored.model
    if model.stored_rows > 2 * model.compacted_rows + 1000:
        # Many small merges have piled up: reading them all once now and then keeps
        # the table the size of one full count (the roll-up holds the same sums).
        _compact_cells(wave, stored)
    fields = ["changes_seen", "compacted_rows", "stored_rows"]
    if stored.is_changed:
        model.packed_cells = stored.rollup.pack()
        fields.append("packed_cells")
    if model._state.adding:
        model.save()
    else:
        # Never responses_changed: the database counts changes there meanwhile.
        model.save(update_fields=fields)
