"""Build public snapshots: count in the database, roll up, withhold small cells, store."""

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max

from analytics.models import AggregateCell, Snapshot
from analytics.services.aggregation import SEGMENTS, CountedCells, count_responses
from analytics.statistics import summarise_histogram, wilson_interval
from analytics.suppression import withhold_linked_cells
from surveys.models import Question, Scale, Segment, Wave

# How many old snapshot versions stay beside the newest (for a reader mid-request).
KEPT_VERSIONS = 2
ALL = ()
# Each breakdown dimension alone, and quarter × age band (DESIGN.md, data flow 4).
GROUPINGS = [
    (Segment.QUARTER,),
    (Segment.AGE_BAND,),
    (Segment.GENDER,),
    (Segment.HOME_LANGUAGE,),
    (Segment.QUARTER, Segment.AGE_BAND),
]
POSITION = {segment: index for index, segment in enumerate(SEGMENTS)}


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


def refresh_snapshot(*, wave: Wave, rebuild: bool = False) -> Snapshot:
    """Count new responses of a wave, rebuild its public figures and publish a new version."""
    k = min_cell_size()
    counted = count_responses(wave=wave, rebuild=rebuild)
    data = build_figures(wave=wave, counted=counted, min_cell_size=k)
    for _attempt in range(3):
        try:
            return _store(wave, data, counted, k)
        except IntegrityError:
            # Another worker published the same version number first; take the next.
            continue
    raise RuntimeError(f"Could not store a snapshot for wave {wave.pk}")


@transaction.atomic
def _store(wave: Wave, data: dict, counted: CountedCells, k: int) -> Snapshot:
    newest = Snapshot.objects.filter(wave=wave).aggregate(v=Max("version"))["v"] or 0
    snapshot = Snapshot.objects.create(
        wave=wave,
        version=newest + 1,
        response_count=counted.response_count,
        last_response_id=counted.last_response_id,
        min_cell_size=k,
        data=data,
    )
    Snapshot.objects.filter(wave=wave, version__lte=newest + 1 - KEPT_VERSIONS).delete()
    return snapshot


def stale_waves() -> list[Wave]:
    """Return the waves whose newest response is not in their newest snapshot."""
    from surveys.selectors import latest_response_ids

    latest = latest_response_ids()
    covered = dict(
        Snapshot.objects.filter(wave_id__in=latest)
        .values("wave_id")
        .annotate(last=Max("last_response_id"))
        .values_list("wave_id", "last")
    )
    stale_ids = [wave_id for wave_id, last in latest.items() if covered.get(wave_id, 0) < last]
    return list(Wave.objects.filter(pk__in=stale_ids))


# Building the figures ----------------------------------------------------------------


def build_figures(*, wave: Wave, counted: CountedCells, min_cell_size: int) -> dict:
    """Return the suppressed public figures of a wave from its counted cells."""
    k = min_cell_size
    questionnaire = wave.questionnaire
    questions = list(questionnaire.questions.prefetch_related("options").order_by("sort_order"))
    scales = list(questionnaire.scales.prefetch_related("items").order_by("pk"))
    response_count = counted.response_count
    data = {
        "wave": {"slug": wave.slug, "title": wave.title, "label": wave.label},
        "questionnaire": {"key": questionnaire.key, "version": questionnaire.version},
        "min_cell_size": k,
        "response_count": response_count if response_count >= k else None,
        "status": Status.OK,
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

    cells = _Cells(counted.rows)
    segments = _segment_values(questions, cells)
    groupings = [g for g in GROUPINGS if all(dim in segments for dim in g)]
    data["segments"] = {
        dim: [{"value": value, "label": label} for value, label in labels.items()]
        for dim, labels in segments.items()
    }
    data["participation"] = _participation(cells, segments, groupings, k)
    for question in questions:
        if question.is_free_text:
            # Free text never enters a snapshot; moderated quotes are published elsewhere.
            data["questions"].append(_bare(question, Status.FREE_TEXT))
        elif question.has_options:
            data["questions"].append(_choice_figures(question, cells, segments, groupings, k))
        else:
            data["questions"].append(_number_figures(question, cells, segments, groupings, k))
    for scale in scales:
        data["scales"].append(_scale_figures(scale, cells, segments, groupings, k))
    return data


class _Cells:
    """The counted cells of one wave, indexed by kind and item."""

    def __init__(self, rows: Iterable[tuple]):
        self.by_item = defaultdict(list)
        self.seen = {segment: set() for segment in SEGMENTS}
        self.group_keys = {}
        for row in rows:
            kind, item_id = row[0], row[1]
            self.by_item[(kind, item_id)].append(row)
            segments = row[7:11]
            if segments not in self.group_keys:
                self.group_keys[segments] = {
                    grouping: tuple(segments[POSITION[dim]] for dim in grouping)
                    for grouping in GROUPINGS
                }
            if kind == AggregateCell.Kind.RESPONSES:
                for segment in SEGMENTS:
                    self.seen[segment].add(row[7 + POSITION[segment]])

    def of(self, kind: int, item_id: int = 0) -> list[tuple]:
        return self.by_item.get((kind, item_id), [])


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
        for grouping in [ALL, *groupings]:
            keys = [ALL] if grouping == ALL else _group_keys(grouping, segments)
            for key in keys:
                parts = [(grouping, key, column) for column in columns if column is not None]
                relations.append(((grouping, key, None), parts))
    return relations


def _tally(cells, rows, groupings, column_of) -> dict:
    """Roll finest-grain rows up to everyone and each grouping; column_of(row) → column."""
    counts = defaultdict(int)
    for row in rows:
        column = column_of(row)
        count = row[-1]
        counts[(ALL, ALL, column)] += count
        keys = cells.group_keys[row[7:11]]
        for grouping in groupings:
            counts[(grouping, keys[grouping], column)] += count
    return counts


def _fill(counts: dict, groupings, segments, columns) -> dict:
    """Return counts for every published key, zero where nobody is."""
    full = {(ALL, ALL, column): counts.get((ALL, ALL, column), 0) for column in columns}
    for grouping in groupings:
        for key in _group_keys(grouping, segments):
            for column in columns:
                full[(grouping, key, column)] = counts.get((grouping, key, column), 0)
    return full


def _participation(cells, segments, groupings, k) -> dict:
    counts = _fill(
        _tally(cells, cells.of(AggregateCell.Kind.RESPONSES), groupings, lambda row: None),
        groupings,
        segments,
        [None],
    )
    withheld = withhold_linked_cells(
        counts, _relations(groupings, segments, [None], rows_add_up=False), min_cell_size=k
    )
    return {
        _grouping_name(grouping): [
            {
                "values": list(key),
                "count": None
                if (grouping, key, None) in withheld
                else counts[(grouping, key, None)],
            }
            for key in _group_keys(grouping, segments)
        ]
        for grouping in groupings
    }


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
    }


def _share(count: int | None, answered: int | None) -> dict:
    if count is None or not answered:
        return {"share": None, "share_low": None, "share_high": None}
    low, high = wilson_interval(count, answered)
    return {
        "share": round(count / answered, 4),
        "share_low": round(low, 4),
        "share_high": round(high, 4),
    }


def _declined(question: Question, cells: _Cells, k: int) -> int | None:
    declined = sum(row[-1] for row in cells.of(AggregateCell.Kind.ANSWERS, question.pk) if row[6])
    return declined if declined >= k else None


def _choice_figures(question, cells, segments, groupings, k) -> dict:
    options = list(question.options.all())
    rows = [row for row in cells.of(AggregateCell.Kind.ANSWERS, question.pk) if not row[6]]
    known = {option.pk for option in options}
    # An option deleted after it was answered still counts, under a plain name.
    gone = sorted({row[3] for row in rows} - known)
    columns = [option.pk for option in options] + gone
    counts = _tally(cells, rows, groupings, lambda row: row[3])
    is_multiple = question.kind == Question.Kind.MULTIPLE_CHOICE
    if is_multiple:
        respondents = [
            row for row in cells.of(AggregateCell.Kind.RESPONDENTS, question.pk) if not row[6]
        ]
        counts.update(_tally(cells, respondents, groupings, lambda row: None))
    else:
        totals = defaultdict(int)
        for (grouping, key, _column), count in counts.items():
            totals[(grouping, key, None)] += count
        counts.update(totals)
    counts = _fill(counts, groupings, segments, columns + [None])
    relations = _relations(groupings, segments, columns + [None], rows_add_up=not is_multiple)
    withheld = withhold_linked_cells(counts, relations, min_cell_size=k)

    def shown(key):
        return None if key in withheld else counts[key]

    def option_cells(grouping, key):
        answered = shown((grouping, key, None))
        result = []
        for column in columns:
            count = shown((grouping, key, column))
            result.append({"value": _option_value(column, options), "count": count})
            result[-1] |= _share(count, answered)
        return result

    answered = shown((ALL, ALL, None))
    figures = _bare(question, Status.OK)
    figures |= {
        "answered": answered,
        "declined": _declined(question, cells, k) if question.allows_decline else None,
        "is_share_of_respondents": is_multiple,
        "options": [
            cell | {"label": _option_label(column, options)}
            for cell, column in zip(option_cells(ALL, ALL), columns, strict=True)
        ],
        "breakdowns": {
            _grouping_name(grouping): [
                {
                    "values": list(key),
                    "answered": shown((grouping, key, None)),
                    "options": option_cells(grouping, key),
                }
                for key in _group_keys(grouping, segments)
            ]
            for grouping in groupings
        },
    }
    figures |= _score_summary(question, options, counts, withheld)
    if not answered:
        figures["status"] = Status.TOO_FEW
    elif all(option["count"] is None for option in figures["options"]):
        figures["status"] = Status.ALL_WITHHELD
    if gone:
        figures["has_removed_options"] = True
    return figures


def _score_summary(question, options, counts, withheld) -> dict:
    """Return the mean option score of an agreement item, if every score's count is shown.

    With a withheld count, the mean and the published total would give two equations
    for two hidden cells, so the mean is then withheld too.
    """
    scored = [option for option in options if option.score is not None]
    if question.kind != Question.Kind.AGREEMENT or not scored:
        return {}
    keys = [(ALL, ALL, option.pk) for option in scored]
    if (ALL, ALL, None) in withheld or any(key in withheld for key in keys):
        return {"score": None}
    histogram = defaultdict(int)
    for option, key in zip(scored, keys, strict=True):
        histogram[option.score] += counts[key]
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
    """Roll finest-grain rows up into value → count histograms per published group."""
    histograms = defaultdict(lambda: defaultdict(int))
    for row in rows:
        value = value_of(row)
        if value is None:
            continue
        count = row[-1]
        histograms[(ALL, ALL, None)][value] += count
        keys = cells.group_keys[row[7:11]]
        for grouping in groupings:
            histograms[(grouping, keys[grouping], None)][value] += count
    return histograms


def _summary_figures(histograms, segments, groupings, k) -> dict:
    """Return mean, SD, median and t interval for everyone and each published group."""
    counts = _fill(
        {key: sum(histogram.values()) for key, histogram in histograms.items()},
        groupings,
        segments,
        [None],
    )
    withheld = withhold_linked_cells(
        counts, _relations(groupings, segments, [None], rows_add_up=False), min_cell_size=k
    )

    def summary(key):
        if key in withheld:
            return {"answered": None, "mean": None}
        result = summarise_histogram(histograms[key])
        if result is None:
            return {"answered": 0, "mean": None}
        return {
            "answered": result.count,
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
    return figures


def _number_figures(question, cells, segments, groupings, k) -> dict:
    rows = [row for row in cells.of(AggregateCell.Kind.ANSWERS, question.pk) if not row[6]]
    histograms = _histograms(cells, rows, groupings, lambda row: row[4])
    figures = {"key": question.key, "text": question.text, "kind": question.kind}
    figures |= _summary_figures(histograms, segments, groupings, k)
    figures["declined"] = _declined(question, cells, k) if question.allows_decline else None
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


def _scale_figures(scale: Scale, cells, segments, groupings, k) -> dict:
    items = list(scale.items.all())
    rows = cells.of(AggregateCell.Kind.SCALE_SCORES, scale.pk)
    figures = {
        "key": scale.key,
        "name": scale.name,
        "scoring": scale.scoring,
        "item_count": len(items),
        "min_answered": scale.min_answered,
    }
    figures |= _part_figures(
        scale, cells, rows, "", len(items), scale.min_answered, segments, groupings, k
    )
    figures["subscales"] = []
    for subscale in sorted({item.subscale for item in items if item.subscale}):
        count = sum(1 for item in items if item.subscale == subscale)
        # A subscale needs the same share of its items answered as the whole scale.
        needed = -(-scale.min_answered * count // max(1, len(items)))
        part = _part_figures(scale, cells, rows, subscale, count, needed, segments, groupings, k)
        figures["subscales"].append({"key": subscale, "item_count": count} | part)
    return figures


def _part_figures(scale, cells, rows, subscale, item_count, needed, segments, groupings, k) -> dict:
    rows = [row for row in rows if row[2] == subscale]
    histograms = _histograms(
        cells, rows, groupings, lambda row: _scale_score(scale, item_count, row[4], row[5], needed)
    )
    figures = _summary_figures(histograms, segments, groupings, k)
    unscored = sum(
        row[-1] for row in rows if _scale_score(scale, item_count, row[4], row[5], needed) is None
    )
    figures["too_few_items"] = unscored if unscored >= k else None
    return figures
