"""Build public snapshots: count in the database, roll up, withhold small cells, store."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from analytics.models import AggregateCell, AggregateState, Snapshot
from analytics.perturbation import perturb
from analytics.services.aggregation import (
    ALL,
    GROUPINGS,
    POSITION,
    SEGMENTS,
    CountedCells,
    Rollup,
    count_responses,
    without_cycle_collection,
)
from analytics.signals import announce_results_published
from analytics.snapshot_schema import SCHEMA_VERSION
from analytics.statistics import summarise_histogram, wilson_interval
from analytics.suppression import withhold_linked_cells
from surveys.models import Condition, Question, Scale, Wave

# How many old snapshot versions stay beside the newest (for a reader mid-request).
KEPT_VERSIONS = 2


class Status:
    """Why a snapshot, question or scale shows no figure; said plainly by figures.py."""

    OK = "ok"
    NO_RESPONSES = "no_responses"
    TOO_FEW = "too_few"
    ALL_WITHHELD = "all_withheld"
    FREE_TEXT = "free_text"


def min_cell_size() -> int:
    """Return k for this site: the setting, never below 3."""
    return max(3, int(settings.PART_MIN_CELL_SIZE))


def publish_interval() -> datetime.timedelta:
    """Return how long a running wave waits between two published versions (setting)."""
    return datetime.timedelta(seconds=max(0, int(settings.PART_PUBLISH_INTERVAL_SECONDS)))


def publication_hour(moment: datetime.datetime) -> datetime.datetime:
    """Return the public time of a version: the hour it was published in, nothing finer."""
    return moment.replace(minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class PublicationRule:
    """Whether a wave's counted responses may be published as a new version now, and why."""

    may_publish: bool
    unpublished: int  # Responses counted since the newest version with figures.
    reason: str


def publication_rule(
    *, wave: Wave, state: AggregateState, newest: Snapshot | None, now=None
) -> PublicationRule:
    """Decide whether a new public version may appear (the cadence of DESIGN.md, issue 13).

    A version with figures needs at least k responses in all, and at least k that the
    newest version with figures does not hold; while the wave runs, also at least the
    publication interval since that version (a closed wave publishes what is left at
    once). A change of k counts from the newest version of any kind, so lowering k
    never shows a figure that was withheld under the old k without k new responses.
    """
    now = now or timezone.now()
    k = min_cell_size()
    total = state.response_count
    unpublished = total - state.published_count
    if total < k:
        return PublicationRule(False, unpublished, "too_few")
    if unpublished < k:
        return PublicationRule(False, unpublished, "too_few_new")
    if newest is not None and newest.min_cell_size != k and total - newest.response_count < k:
        return PublicationRule(False, unpublished, "too_few_new")
    is_running = state.published_at is not None and not wave.has_closed(now)
    if is_running and now - state.published_at < publish_interval():
        return PublicationRule(False, unpublished, "interval")
    return PublicationRule(True, unpublished, "due")


def refresh_snapshot(*, wave: Wave, rebuild: bool = False) -> Snapshot | None:
    """Count new responses of a wave; publish a new version if the publication rule allows.

    Returns the version published now, or None when nothing new was published. Below k
    responses the wave gets a version that publishes nothing and says so.
    """
    k = min_cell_size()
    counted = count_responses(wave=wave, rebuild=rebuild)
    state = AggregateState.objects.get(wave=wave)
    newest = Snapshot.objects.filter(wave=wave).order_by("-version").first()
    rule = publication_rule(wave=wave, state=state, newest=newest)
    if not rule.may_publish:
        # Until a version with figures exists, a notice says why there are none.
        if state.published_at is None and (
            newest is None or newest.data.get("status") != _notice_status(counted)
        ):
            notice = build_figures(wave=wave, counted=counted, min_cell_size=k)
            if notice["status"] in (Status.NO_RESPONSES, Status.TOO_FEW):
                return _publish(wave, notice, counted, k, has_figures=False)
        elif state.published_at is None and newest.min_cell_size == k:
            # The notice publishes nothing; it keeps the count it stands for, so a
            # lower k later needs k responses more than were withheld under this one.
            Snapshot.objects.filter(pk=newest.pk).update(response_count=counted.response_count)
        return None
    data = build_figures(wave=wave, counted=counted, min_cell_size=k)
    return _publish(wave, data, counted, k, has_figures=True)


def _notice_status(counted: CountedCells) -> str:
    return Status.NO_RESPONSES if counted.response_count == 0 else Status.TOO_FEW


def _publish(wave, data, counted, k, *, has_figures: bool) -> Snapshot:
    for _attempt in range(3):
        try:
            return _store(wave, data, counted, k, has_figures=has_figures)
        except IntegrityError:
            # Another worker published the same version number first; take the next.
            continue
    raise RuntimeError(f"Could not store a snapshot for wave {wave.pk}")


@transaction.atomic
def _store(wave: Wave, data: dict, counted: CountedCells, k: int, *, has_figures) -> Snapshot:
    now = timezone.now()
    newest = Snapshot.objects.filter(wave=wave).aggregate(v=Max("version"))["v"] or 0
    snapshot = Snapshot.objects.create(
        wave=wave,
        version=newest + 1,
        built_at=publication_hour(now),
        response_count=counted.response_count,
        min_cell_size=k,
        data=data,
    )
    Snapshot.objects.filter(wave=wave, version__lte=newest + 1 - KEPT_VERSIONS).delete()
    if has_figures:
        AggregateState.objects.filter(wave=wave).update(
            published_at=now, published_count=counted.response_count
        )
    announce_results_published(wave_ids=[wave.pk])
    return snapshot


def stale_waves() -> list[Wave]:
    """Return the waves with responses not yet counted, or counted and due for publication.

    Reads the counting state only: nothing public says which response a version holds.
    """
    from surveys.selectors import latest_response_ids

    latest = latest_response_ids()
    states = {state.wave_id: state for state in AggregateState.objects.filter(wave_id__in=latest)}
    stale_ids = []
    for wave_id, last in latest.items():
        state = states.get(wave_id)
        if state is None or state.last_response_id < last:
            stale_ids.append(wave_id)
    k = min_cell_size()
    waiting = [
        state.wave_id
        for state in states.values()
        if state.wave_id not in stale_ids and state.response_count - state.published_count >= k
    ]
    if waiting:
        newest = {
            snapshot.wave_id: snapshot
            for snapshot in Snapshot.objects.filter(wave_id__in=waiting).order_by("version")
        }
        for wave in Wave.objects.filter(pk__in=waiting):
            rule = publication_rule(wave=wave, state=states[wave.pk], newest=newest.get(wave.pk))
            if rule.may_publish:
                stale_ids.append(wave.pk)
    return list(Wave.objects.filter(pk__in=stale_ids))


# Building the figures ----------------------------------------------------------------
#
# Every count is rolled up with the sum of its responses' record keys; suppression
# decides on true counts which cells are withheld, and every cell shown is published
# perturbed (analytics/perturbation.py), so figures in every channel are the same.

TOOK_PART = "took_part"
REST = "rest"
DECLINED = "declined"


@without_cycle_collection
def build_figures(*, wave: Wave, counted: CountedCells, min_cell_size: int) -> dict:
    """Return the suppressed, perturbed public figures of a wave from its counted cells."""
    k = min_cell_size
    questionnaire = wave.questionnaire
    questions = list(
        questionnaire.questions.select_related("questionnaire")
        .prefetch_related("options", "questionnaire__pages")
        .order_by("sort_order")
    )
    scales = list(questionnaire.scales.prefetch_related("items__question__options").order_by("pk"))
    response_count = counted.response_count
    data = {
        "schema_version": SCHEMA_VERSION,
        "wave": {"slug": wave.slug, "title": wave.title, "label": wave.label},
        "questionnaire": {"key": questionnaire.key, "version": questionnaire.version},
        "min_cell_size": k,
        "response_count": None,
        "status": Status.OK,
        "is_perturbed": True,
        "segments": {},
        "participation": {},
        "questions": [],
        "scales": [],
    }
    if response_count < k:
        # Below k nothing at all is published, not even which questions were asked.
        data["status"] = Status.NO_RESPONSES if response_count == 0 else Status.TOO_FEW
        data["questions"] = [_bare(question, data["status"]) for question in questions]
        data["scales"] = [{"key": s.key, "name": s.name, "status": data["status"]} for s in scales]
        return data

    cells = _Cells(counted.rollup)
    segments = _segment_values(questions, cells)
    groupings = [g for g in GROUPINGS if all(dim in segments for dim in g)]
    data["segments"] = {
        dim: [{"value": value, "label": label} for value, label in labels.items()]
        for dim, labels in segments.items()
    }
    took = _TookPart(cells, segments, groupings, k)
    took.segment_of = {q.key: q.segment for q in questions if q.segment and q.has_options}
    data["response_count"] = took.shown((ALL, ALL, None))
    data["participation"] = took.tables()
    for question in questions:
        if question.is_free_text:
            # Free text never enters a snapshot; moderated quotes are published elsewhere.
            data["questions"].append(_bare(question, Status.FREE_TEXT))
        elif question.has_options:
            data["questions"].append(_choice_figures(question, cells, segments, groupings, took))
        else:
            data["questions"].append(_number_figures(question, cells, segments, groupings, took))
    for scale in scales:
        data["scales"].append(_scale_figures(scale, cells, segments, groupings, took))
    return data


class _Cells:
    """The rolled-up cells of one wave, indexed by kind and item.

    Each cell is a tuple laid out like a stored cell's detail (kind, item, subscale,
    option, value, items, declined), then its grouping and group key, key sum and
    count: everyone (grouping ()) and every breakdown hold one cell each.
    """

    def __init__(self, rollup: Rollup):
        self.by_item = defaultdict(list)
        self.seen = {segment: set() for segment in SEGMENTS}
        for (detail, (grouping, key)), (count, key_sum) in rollup.totals.items():
            self.by_item[(detail[0], detail[1])].append((*detail, grouping, key, key_sum, count))
            if detail[0] == AggregateCell.Kind.RESPONSES and len(grouping) == 1:
                self.seen[grouping[0]].add(key[0])

    def of(self, kind: int, item_id: int = 0) -> list[tuple]:
        return self.by_item.get((kind, item_id), [])


def _everyone(rows: list[tuple]) -> list[tuple]:
    """Return the cells of everyone (each count once), leaving out the breakdowns."""
    return [row for row in rows if not row[7]]


class _Tally:
    """True counts and record-key sums of published keys, and what of them is shown."""

    def __init__(self, k: int, wave_key: int = 0):
        self.k, self.wave_key = k, wave_key
        self.counts = defaultdict(int)
        self.keys = defaultdict(int)
        self.withheld = set()

    def add(self, key, count: int, key_sum: int) -> None:
        self.counts[key] += count
        self.keys[key] += key_sum

    def shown(self, key) -> int | None:
        """Return the published value of a key: None if withheld, else perturbed."""
        if key in self.withheld:
            return None
        return perturb(
            self.counts.get(key, 0),
            self.keys.get(key, 0),
            wave_key=self.wave_key,
            at_least=self.k,
        )


def _segment_values(questions: list[Question], cells: _Cells) -> dict[str, dict[str, str]]:
    """Return each breakdown dimension asked in this questionnaire: value → label."""
    segments = {}
    for question in questions:
        if question.segment and question.has_options:
            labels = {option.value: option.label for option in question.options.all()}
            for value in sorted(cells.seen[question.segment] - set(labels) - {""}):
                labels[value] = value
            if "" in cells.seen[question.segment]:
                labels[""] = ""  # Not stated: figures.py names it in the reader's language.
            segments[question.segment] = labels
    return segments


def _group_keys(grouping: tuple, segments: dict) -> list[tuple]:
    if len(grouping) == 1:
        return [(value,) for value in segments[grouping[0]]]
    first, second = grouping
    return [(a, b) for a in segments[first] for b in segments[second]]


def _published_groups(groupings, segments) -> list[tuple]:
    """Return (grouping, key) of everyone and of every published group."""
    groups = [(ALL, ALL)]
    for grouping in groupings:
        groups += [(grouping, key) for key in _group_keys(grouping, segments)]
    return groups


def _relations(groupings, segments, columns, *, rows_add_up: bool) -> list:
    """Return every sum a reader can check between the published tables of one figure."""
    relations = []
    for column in columns:
        for grouping in groupings:
            parts = [(grouping, key, column) for key in _group_keys(grouping, segments)]
            relations.append(((ALL, ALL, column), parts))
            if len(grouping) == 2:
                first, second = grouping
                for a in segments[first]:
                    parts = [(grouping, (a, b), column) for b in segments[second]]
                    relations.append((((first,), (a,), column), parts))
                for b in segments[second]:
                    parts = [(grouping, (a, b), column) for a in segments[first]]
                    relations.append((((second,), (b,), column), parts))
    if rows_add_up:
        for grouping, key in _published_groups(groupings, segments):
            parts = [(grouping, key, column) for column in columns if column is not None]
            relations.append(((grouping, key, None), parts))
    return relations


def _tally(cells, rows, groupings, column_of, tally: _Tally) -> _Tally:
    """Add rolled-up cells of everyone and each grouping; column_of(row) → column."""
    wanted = set(groupings)
    for row in rows:
        grouping = row[7]
        if grouping and grouping not in wanted:
            continue
        tally.add((grouping, row[8], column_of(row)), row[-1], row[-2])
    return tally


def _fill(tally: _Tally, groupings, segments, columns) -> dict:
    """Return true counts for every published key, zero where nobody is."""
    return {
        (grouping, key, column): tally.counts.get((grouping, key, column), 0)
        for grouping, key in _published_groups(groupings, segments)
        for column in columns
    }


class _TookPart:
    """The participation tables: who took part, per group, shared by every question.

    "Took part", "answered" and "skipped or declined" are one linked system: each
    question's suppression gets the took-part counts as fixed totals of
    answered + the rest, so "12 took part, 11 answered" never shows.
    """

    def __init__(self, cells, segments, groupings, k):
        self.segments, self.groupings, self.k = segments, groupings, k
        self.segment_of = {}
        responses = cells.of(AggregateCell.Kind.RESPONSES)
        # The wave key: every response's record key (analytics/perturbation.py).
        self.wave_key = sum(row[-2] for row in _everyone(responses))
        self.tally = _tally(cells, responses, groupings, lambda row: None, _Tally(k, self.wave_key))
        counts = _fill(self.tally, groupings, segments, [None])
        self.tally.withheld = withhold_linked_cells(
            counts, _relations(groupings, segments, [None], rows_add_up=False), min_cell_size=k
        )
        self.counts = counts

    def shown(self, key) -> int | None:
        return self.tally.shown(key)

    def tables(self) -> dict:
        return {
            _grouping_name(grouping): [
                {"values": list(key), "count": self.shown((grouping, key, None))}
                for key in _group_keys(grouping, self.segments)
            ]
            for grouping in self.groupings
        }

    def link(self, counts: dict, *, answered: dict, declined: int | None = None) -> tuple:
        """Add took part and the rest to a question's counts; return (relations, fixed).

        `answered` maps (grouping, key) to the key of the question's answered count.
        In every published group, took part = answered + the rest (skipped or declined),
        so a rest of 1 to k - 1 withholds the group's answered count. Everyone is left
        out: there, a few who skipped are no small group of anyone in particular, the
        two totals get independent noise (their people differ), and withholding the
        total would hide every figure of the question. `declined` ("prefer not to
        say"), published for everyone only, is withheld below k.
        """
        relations, fixed = [], {}
        if declined is not None:
            counts[(DECLINED,)] = declined
        for group in _published_groups(self.groupings, self.segments):
            if group == (ALL, ALL):
                continue
            took_key = (TOOK_PART, *group)
            rest_key = (REST, *group)
            counts[took_key] = self.counts[(*group, None)]
            fixed[took_key] = (*group, None) in self.tally.withheld
            counts[rest_key] = max(0, counts[took_key] - counts[answered[group]])
            relations.append((took_key, [answered[group], rest_key]))
        return relations, fixed

    def alias(self, grouping: tuple, key: tuple, dimension: str, value: str):
        """Return the participation key counting the same people as a segment option cell.

        The people who chose `value` for the segment `dimension` within a group are
        the people of the group with that segment value: a participation cell, if
        that breakdown is published, so the two always show alike.
        """
        merged = dict(zip(grouping, key, strict=True)) | {dimension: value}
        target = tuple(sorted(merged, key=POSITION.get))
        if target not in self.groupings:
            return None
        return (target, tuple(merged[dim] for dim in target), None)


def _participation_state(took: _TookPart, key) -> bool:
    return key in took.tally.withheld


def _grouping_name(grouping: tuple) -> str:
    return "__".join(grouping)


def _bare(question: Question, status: str) -> dict:
    return {
        "key": question.key,
        "text": question.text,
        "kind": question.kind,
        "status": status,
        "answered": None,
        "options": [
            {"value": option.value, "label": option.label, "count": None}
            for option in question.options.all()
        ]
        if question.has_options
        else [],
    } | _range_entry(answer_range(question))


def answer_range(question: Question) -> dict | None:
    """Return the lowest and highest points an answer can score, with their labels.

    An agreement item runs from its lowest to its highest option score, a 0 to 10
    question from 0 to 10, a number between the limits staff set; anything else has
    no range (None), and its chart starts at zero.
    """
    if question.has_options:
        scored = [option for option in question.options.all() if option.score is not None]
        if question.kind != Question.Kind.AGREEMENT or not scored:
            return None
        low = min(scored, key=lambda option: option.score)
        high = max(scored, key=lambda option: option.score)
        return {
            "low": low.score,
            "high": high.score,
            "low_label": low.label,
            "high_label": high.label,
        }
    if question.kind == Question.Kind.SCALE_0_10:
        return {"low": 0, "high": 10, "low_label": "", "high_label": ""}
    if question.kind == Question.Kind.NUMBER and None not in (
        question.min_value,
        question.max_value,
    ):
        return {
            "low": question.min_value,
            "high": question.max_value,
            "low_label": "",
            "high_label": "",
        }
    return None


def scale_range(scale: Scale, items: list) -> dict | None:
    """Return the lowest and highest score of a scale (or a part of it) from its items."""
    ranges = [answer_range(item.question) for item in items]
    if not ranges or None in ranges:
        return None
    if scale.scoring == Scale.Scoring.LOOKUP:
        scores = [float(score) for score in scale.lookup.values()]
        if not scores:
            return None
        return {"low": min(scores), "high": max(scores), "low_label": "", "high_label": ""}
    low, high = min(r["low"] for r in ranges), max(r["high"] for r in ranges)
    # Items that share one answer scale lend the scale its labels (a reversed item too:
    # its points are turned round, the scale's ends mean the same).
    same = len({(r["low"], r["high"], r["low_label"], r["high_label"]) for r in ranges}) == 1
    labels = (ranges[0]["low_label"], ranges[0]["high_label"]) if same else ("", "")
    if scale.scoring == Scale.Scoring.SUM:
        low, high = low * len(items), high * len(items)
        labels = ("", "")
    return {"low": low, "high": high, "low_label": labels[0], "high_label": labels[1]}


def _range_entry(found: dict | None) -> dict:
    return {"range": found} if found is not None else {}


def _share(count: int | None, answered: int | None) -> dict:
    """Return the share of perturbed figures, with its Wilson interval."""
    if count is None or not answered:
        return {"share": None, "share_low": None, "share_high": None}
    count = min(count, answered)
    low, high = wilson_interval(count, answered)
    return {
        "share": round(count / answered, 4),
        "share_low": round(low, 4),
        "share_high": round(high, 4),
    }


def _declined_tally(question: Question, cells: _Cells) -> tuple[int, int]:
    kind = AggregateCell.Kind.ANSWERS
    if question.kind == Question.Kind.MULTIPLE_CHOICE:
        kind = AggregateCell.Kind.RESPONDENTS
    rows = [row for row in _everyone(cells.of(kind, question.pk)) if row[6]]
    return sum(row[-1] for row in rows), sum(row[-2] for row in rows)


def _shown_only_to(question: Question, segment_of: dict[str, str]) -> tuple[str, str] | None:
    """Return (dimension, value) if a "show only if" rule limits a question to one segment.

    The rule of the question, or else of its page, that asks a segment question to
    equal one value: in every other group of that dimension nobody can have answered.
    """
    rules = [(question.condition_question, question.condition_operator, question.condition_value)]
    page = next((p for p in question.questionnaire.pages.all() if p.number == question.page), None)
    if page is not None:
        rules.append((page.condition_question, page.condition_operator, page.condition_value))
    for key, operator, value in rules:
        if key in segment_of and operator == Condition.EQUALS and value:
            return segment_of[key], value
    return None


def _impossible_cells(question, columns, groups, counts, segment_of) -> set:
    """Return the cells a show-if rule on a segment makes empty: public knowledge."""
    limit = _shown_only_to(question, segment_of)
    if limit is None:
        return set()
    dimension, value = limit
    impossible = set()
    for grouping, key in groups:
        if dimension in grouping and key[grouping.index(dimension)] not in (value, ""):
            impossible |= {(grouping, key, column) for column in columns}
    # A cell with someone in it is no structural zero (an older version had no rule).
    return {cell for cell in impossible if counts.get(cell, 0) == 0}


def _segment_zeros_and_aliases(question, options, columns, groups, took) -> tuple[set, dict]:
    """Return the structurally empty cells of a segment question, and its shared cells.

    A segment question broken down by its own dimension has a zero wherever the option
    is not the group's value (nobody from Altenhagen answered "Wehringhausen"), and
    nobody of the "not stated" group answered it: public knowledge, never protection.
    """
    known_zeros, aliases = set(), {}
    dimension = question.segment
    if not dimension:
        return known_zeros, aliases
    values = {option.pk: option.value for option in options}
    for grouping, key in groups:
        position = grouping.index(dimension) if dimension in grouping else None
        if position is not None and key[position] == "":
            known_zeros.add((grouping, key, None))
        for column in columns:
            value = values.get(column)
            if value is None or (position is not None and key[position] != value):
                known_zeros.add((grouping, key, column))
                continue
            target = took.alias(grouping, key, dimension, value)
            if target is not None:
                aliases[(grouping, key, column)] = target
    return known_zeros, aliases


def _choice_figures(question, cells, segments, groupings, took) -> dict:
    k = took.k
    options = list(question.options.all())
    rows = [row for row in cells.of(AggregateCell.Kind.ANSWERS, question.pk) if not row[6]]
    known = {option.pk for option in options}
    # An option deleted after it was answered still counts, under a plain name.
    gone = sorted({row[3] for row in rows} - known)
    columns = [option.pk for option in options] + gone
    tally = _tally(cells, rows, groupings, lambda row: row[3], _Tally(k, took.wave_key))
    is_multiple = question.kind == Question.Kind.MULTIPLE_CHOICE
    if is_multiple:
        respondents = [
            row for row in cells.of(AggregateCell.Kind.RESPONDENTS, question.pk) if not row[6]
        ]
        _tally(cells, respondents, groupings, lambda row: None, tally)
    else:
        for (grouping, key, _column), count in list(tally.counts.items()):
            tally.add((grouping, key, None), count, tally.keys[(grouping, key, _column)])
    counts = _fill(tally, groupings, segments, columns + [None])
    groups = _published_groups(groupings, segments)
    relations = _relations(groupings, segments, columns + [None], rows_add_up=not is_multiple)
    declined, declined_keys = _declined_tally(question, cells)
    linked, fixed = took.link(
        counts,
        answered={group: (*group, None) for group in groups},
        declined=declined if question.allows_decline else None,
    )
    tally.add((DECLINED,), declined, declined_keys)
    known_zeros, aliases = _segment_zeros_and_aliases(question, options, columns, groups, took)
    # A cell with someone in it is no structural zero, whatever the rules say.
    known_zeros = {cell for cell in known_zeros if counts.get(cell, 0) == 0}
    known_zeros |= _impossible_cells(question, columns + [None], groups, counts, took.segment_of)
    for cell, target in aliases.items():
        fixed[cell] = _participation_state(took, target)
    tally.withheld = withhold_linked_cells(
        counts, relations + linked, min_cell_size=k, known_zeros=known_zeros, fixed=fixed
    )

    values = {column: _option_value(column, options) for column in columns}

    def option_cells(grouping, key):
        answered = tally.shown((grouping, key, None))
        result = []
        for column in columns:
            count = tally.shown((grouping, key, column))
            result.append({"value": values[column], "count": count})
            result[-1] |= _share(count, answered)
        return result

    answered = tally.shown((ALL, ALL, None))
    figures = _bare(question, Status.OK)
    figures |= {
        "answered": answered,
        "declined": tally.shown((DECLINED,)) if question.allows_decline else None,
        "is_share_of_respondents": is_multiple,
        "options": [
            cell | {"label": _option_label(column, options)}
            for cell, column in zip(option_cells(ALL, ALL), columns, strict=True)
        ],
        "breakdowns": {
            _grouping_name(grouping): [
                {
                    "values": list(key),
                    "answered": tally.shown((grouping, key, None)),
                    "options": option_cells(grouping, key),
                }
                for key in _group_keys(grouping, segments)
            ]
            for grouping in groupings
        },
    }
    figures |= _score_summary(question, options, tally)
    if not answered:
        figures["status"] = Status.TOO_FEW
    elif all(option["count"] is None for option in figures["options"]):
        figures["status"] = Status.ALL_WITHHELD
    if gone:
        figures["has_removed_options"] = True
    return figures


def _score_summary(question, options, tally: _Tally) -> dict:
    """Return the mean option score of an agreement item, if every score's count is shown.

    With a withheld count, the mean and the published total would give two equations
    for two hidden cells, so the mean is then withheld too. The mean is taken over the
    perturbed counts, so mean × n is no sum of true answers.
    """
    scored = [option for option in options if option.score is not None]
    if question.kind != Question.Kind.AGREEMENT or not scored:
        return {}
    keys = [(ALL, ALL, option.pk) for option in scored]
    if (ALL, ALL, None) in tally.withheld or any(key in tally.withheld for key in keys):
        return {"score": None}
    histogram = defaultdict(int)
    for option, key in zip(scored, keys, strict=True):
        histogram[option.score] += tally.shown(key)
    result = summarise_histogram(histogram)
    if result is None:
        return {"score": None}
    return {
        "score": {
            "answered": result.count,
            "mean": round(result.mean, 4),
            "sd": None if result.sd is None else round(result.sd, 4),
            "mean_low": None if result.mean_low is None else round(result.mean_low, 4),
            "mean_high": None if result.mean_high is None else round(result.mean_high, 4),
        }
    }


def _option_value(column: int, options) -> str:
    option = next((o for o in options if o.pk == column), None)
    return option.value if option else f"removed-{column}"


def _option_label(column: int, options) -> str:
    option = next((o for o in options if o.pk == column), None)
    return option.label if option else ""


def _histograms(cells, rows, groupings, value_of) -> dict:
    """Sum rolled-up cells into value → [count, key sum] per published group."""
    wanted = set(groupings)
    histograms = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        grouping = row[7]
        if grouping and grouping not in wanted:
            continue
        value = value_of(row)
        if value is None:
            continue
        entry = histograms[(grouping, row[8], None)][value]
        entry[0] += row[-1]
        entry[1] += row[-2]
    return histograms


def _summary_figures(histograms, segments, groupings, took, declined=None, question=None) -> dict:
    """Return mean, SD, median and t interval for everyone and each published group.

    Suppression decides on the true numbers who answered; the figures shown are
    computed from the perturbed count of each value, never from true ones.
    """
    k = took.k
    tally = _Tally(k, took.wave_key)
    for key, histogram in histograms.items():
        for count, key_sum in histogram.values():
            tally.add(key, count, key_sum)
    counts = _fill(tally, groupings, segments, [None])
    groups = _published_groups(groupings, segments)
    linked, fixed = took.link(
        counts,
        answered={group: (*group, None) for group in groups},
        declined=None if declined is None else declined[0],
    )
    if declined is not None:
        tally.add((DECLINED,), *declined)
    known_zeros = set()
    if question is not None:
        known_zeros = _impossible_cells(question, [None], groups, counts, took.segment_of)
    tally.withheld = withhold_linked_cells(
        counts,
        _relations(groupings, segments, [None], rows_add_up=False) + linked,
        min_cell_size=k,
        known_zeros=known_zeros,
        fixed=fixed,
    )

    def summary(key):
        if key in tally.withheld:
            return {"answered": None, "mean": None}
        perturbed = {
            value: perturb(count, key_sum, wave_key=took.wave_key)
            for value, (count, key_sum) in histograms[key].items()
        }
        result = summarise_histogram(perturbed)
        if result is None:
            return {"answered": 0, "mean": None}
        return {
            "answered": tally.shown(key),
            "mean": round(result.mean, 4),
            "sd": None if result.sd is None else round(result.sd, 4),
            "median": result.median,
            "mean_low": None if result.mean_low is None else round(result.mean_low, 4),
            "mean_high": None if result.mean_high is None else round(result.mean_high, 4),
        }

    figures = summary((ALL, ALL, None))
    figures["status"] = Status.OK if figures["answered"] else Status.TOO_FEW
    figures["breakdowns"] = {
        _grouping_name(grouping): [
            {"values": list(key)} | summary((grouping, key, None))
            for key in _group_keys(grouping, segments)
        ]
        for grouping in groupings
    }
    figures["_declined"] = tally.shown((DECLINED,)) if declined is not None else None
    return figures


def _number_figures(question, cells, segments, groupings, took) -> dict:
    rows = [row for row in cells.of(AggregateCell.Kind.ANSWERS, question.pk) if not row[6]]
    histograms = _histograms(cells, rows, groupings, lambda row: row[4])
    figures = {"key": question.key, "text": question.text, "kind": question.kind}
    figures |= _range_entry(answer_range(question))
    declined = _declined_tally(question, cells) if question.allows_decline else None
    figures |= _summary_figures(histograms, segments, groupings, took, declined, question)
    figures["declined"] = figures.pop("_declined")
    return figures


def _scale_score(scale: Scale, item_count: int, raw_sum: float, answered: int, needed: int):
    """Return the score of one response from its raw sum, or None if too few items."""
    if answered < max(1, needed):
        return None
    if scale.scoring == Scale.Scoring.MEAN:
        return round(raw_sum / answered, 4)
    # A sum over fewer items is prorated to all items, so it stays on the same range.
    prorated = raw_sum * item_count / answered
    if scale.scoring == Scale.Scoring.SUM:
        return round(prorated, 4)
    score = scale.lookup.get(str(round(prorated)))
    return None if score is None else float(score)


def _scale_figures(scale: Scale, cells, segments, groupings, took) -> dict:
    items = list(scale.items.all())
    rows = cells.of(AggregateCell.Kind.SCALE_SCORES, scale.pk)
    figures = {
        "key": scale.key,
        "name": scale.name,
        "scoring": scale.scoring,
        "item_count": len(items),
        "min_answered": scale.min_answered,
    }
    figures |= _range_entry(scale_range(scale, items))
    figures |= _part_figures(
        scale, cells, rows, "", len(items), scale.min_answered, segments, groupings, took
    )
    figures["subscales"] = []
    for subscale in sorted({item.subscale for item in items if item.subscale}):
        count = sum(1 for item in items if item.subscale == subscale)
        # A subscale needs the same share of its items answered as the whole scale.
        needed = -(-scale.min_answered * count // max(1, len(items)))
        part = _part_figures(scale, cells, rows, subscale, count, needed, segments, groupings, took)
        part |= _range_entry(
            scale_range(scale, [item for item in items if item.subscale == subscale])
        )
        figures["subscales"].append({"key": subscale, "item_count": count} | part)
    return figures


def _part_figures(
    scale, cells, rows, subscale, item_count, needed, segments, groupings, took
) -> dict:
    rows = [row for row in rows if row[2] == subscale]
    histograms = _histograms(
        cells, rows, groupings, lambda row: _scale_score(scale, item_count, row[4], row[5], needed)
    )
    unscored = [
        row
        for row in _everyone(rows)
        if _scale_score(scale, item_count, row[4], row[5], needed) is None
    ]
    # Too few items answered: a part of its own beside the scored and the rest.
    figures = _summary_figures(
        histograms,
        segments,
        groupings,
        took,
        (sum(row[-1] for row in unscored), sum(row[-2] for row in unscored)),
    )
    figures["too_few_items"] = figures.pop("_declined")
    return figures
