"""The published figures of a snapshot as typed, read-only objects: one parse for every reader.

`services/snapshots.py` writes `Snapshot.data` as JSON in the layout the public API and the
open data publish; `parse` reads it once into the frozen dataclasses below, so readers use
attributes, not string keys. A stored snapshot says which layout it has
(`schema_version`); one stored before the version was kept is version 1 and is upgraded
here, when it is read.

A withheld figure is None in the stored JSON, and `is_withheld` is the only place that
says so. `reworded` gives the same figures in another language's wording, and
`parse_comparison` reads the stored comparison of two waves (`services/comparisons.py`)
into typed changes. Nothing outside this module and the two writers reads the stored
layout by its keys.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# 1: no version stored, no ranges. 2: `schema_version`, and each average's `range`.
SCHEMA_VERSION = 2


def is_withheld(count: int | None) -> bool:
    """Return whether a published count was withheld to protect a small group."""
    return count is None


@dataclass(frozen=True)
class ScoreRange:
    """The lowest and highest points of an answer or a score, with the words at each end."""

    low: float
    high: float
    low_label: str = ""
    high_label: str = ""


@dataclass(frozen=True)
class OptionCell:
    """One answer's count in a group: a number, or withheld (None)."""

    value: str
    label: str
    count: int | None
    share: float | None = None
    share_low: float | None = None
    share_high: float | None = None

    @property
    def is_withheld(self) -> bool:
        return is_withheld(self.count)


@dataclass(frozen=True)
class Average:
    """How many answered and their average with its 95 % range; answered None is withheld."""

    answered: int | None
    mean: float | None = None
    sd: float | None = None
    median: float | None = None
    mean_low: float | None = None
    mean_high: float | None = None

    @property
    def is_withheld(self) -> bool:
        return is_withheld(self.answered)


@dataclass(frozen=True)
class GroupFigures:
    """The figures of one group of a breakdown, e.g. ("altenhagen", "14-17")."""

    values: tuple[str, ...]
    average: Average
    options: tuple[OptionCell, ...] = ()

    @property
    def answered(self) -> int | None:
        return self.average.answered

    @property
    def is_withheld(self) -> bool:
        return self.average.is_withheld


@dataclass(frozen=True)
class ItemFigures:
    """The published figures of one question, scale or subscale."""

    key: str
    text: str
    kind: str
    status: str
    average: Average
    options: tuple[OptionCell, ...] = ()
    breakdowns: Mapping[str, tuple[GroupFigures, ...]] = field(default_factory=dict)
    declined: int | None = None
    is_share_of_respondents: bool = False
    # The average option score of an agreement item; None when it is withheld.
    score: Average | None = None
    range: ScoreRange | None = None
    subscales: tuple["ItemFigures", ...] = ()
    # Whether an average is published at all (a choice question publishes none).
    has_average: bool = False
    # How a scale is scored and of how many items; compared between two waves.
    scoring: str | None = None
    item_count: int | None = None
    # The stored JSON of this item, exactly as the API and the open data publish it.
    source: Mapping = field(default_factory=dict, repr=False, compare=False)

    @property
    def answered(self) -> int | None:
        return self.average.answered

    @property
    def is_withheld(self) -> bool:
        return self.average.is_withheld

    def group(self, grouping: str, values: list[str] | tuple[str, ...]) -> GroupFigures | None:
        """Return one group's figures of a breakdown, or None if it has none."""
        wanted = tuple(values)
        return next((g for g in self.breakdowns.get(grouping, ()) if g.values == wanted), None)


@dataclass(frozen=True)
class SegmentValue:
    value: str
    label: str


@dataclass(frozen=True)
class Participation:
    """How many of one group took part; count None is withheld."""

    values: tuple[str, ...]
    count: int | None

    @property
    def is_withheld(self) -> bool:
        return is_withheld(self.count)


@dataclass(frozen=True)
class WaveInfo:
    slug: str
    title: str
    label: str


@dataclass(frozen=True)
class SnapshotFigures:
    """Everything one published snapshot shows, typed."""

    schema_version: int
    wave: WaveInfo
    questionnaire_key: str
    questionnaire_version: int | None
    min_cell_size: int | None
    response_count: int | None
    status: str
    is_perturbed: bool
    segments: Mapping[str, tuple[SegmentValue, ...]]
    participation: Mapping[str, tuple[Participation, ...]]
    questions: tuple[ItemFigures, ...]
    scales: tuple[ItemFigures, ...]
    source: Mapping = field(default_factory=dict, repr=False, compare=False)

    def question(self, key: str) -> ItemFigures | None:
        return next((question for question in self.questions if question.key == key), None)

    def scale(self, key: str) -> ItemFigures | None:
        return next((scale for scale in self.scales if scale.key == key), None)

    def segment_label(self, dimension: str, value: str) -> str | None:
        """Return the stored label of a segment value; None for "not stated" or unknown."""
        return next(
            (item.label for item in self.segments.get(dimension, ()) if item.value == value),
            None,
        )

    def as_json(self) -> dict:
        """Return the figures in the published layout (the API, the open data), upgraded."""
        return dict(self.source)

    # Each part in the published layout, as the API and the open data copy it.
    @property
    def wave_json(self) -> Mapping:
        return self.source.get("wave") or {}

    @property
    def segments_json(self) -> Mapping:
        return self.source.get("segments") or {}

    @property
    def participation_json(self) -> Mapping:
        return self.source.get("participation") or {}

    @property
    def questions_json(self) -> list:
        return list(self.source.get("questions") or [])

    @property
    def scales_json(self) -> list:
        return list(self.source.get("scales") or [])


def parse(data: Mapping) -> SnapshotFigures:
    """Return the typed figures of a stored snapshot, upgrading an older layout."""
    version = data.get("schema_version", 1)
    if version > SCHEMA_VERSION:
        raise ValueError(f"Snapshot layout {version} is newer than this code ({SCHEMA_VERSION}).")
    data = upgrade(data)
    wave = data.get("wave") or {}
    questionnaire = data.get("questionnaire") or {}
    return SnapshotFigures(
        schema_version=SCHEMA_VERSION,
        wave=WaveInfo(wave.get("slug", ""), wave.get("title", ""), wave.get("label", "")),
        questionnaire_key=questionnaire.get("key", ""),
        questionnaire_version=questionnaire.get("version"),
        min_cell_size=data.get("min_cell_size"),
        response_count=data.get("response_count"),
        status=data.get("status", "ok"),
        is_perturbed=bool(data.get("is_perturbed")),
        segments=MappingProxyType(
            {
                dimension: tuple(SegmentValue(item["value"], item["label"]) for item in items)
                for dimension, items in (data.get("segments") or {}).items()
            }
        ),
        participation=MappingProxyType(
            {
                grouping: tuple(
                    Participation(tuple(row.get("values", [])), row.get("count")) for row in rows
                )
                for grouping, rows in (data.get("participation") or {}).items()
            }
        ),
        questions=tuple(_item(question) for question in data.get("questions", [])),
        scales=tuple(_scale(scale) for scale in data.get("scales", [])),
        source=MappingProxyType(data),
    )


def upgrade(data: Mapping) -> dict:
    """Return stored figures in the newest layout; older versions gain what they lacked."""
    data = dict(data)
    if data.get("schema_version", 1) < 2:
        data["questions"] = [_with_range(question) for question in data.get("questions", [])]
    data["schema_version"] = SCHEMA_VERSION
    return data


def _with_range(question: dict) -> dict:
    if "range" in question:
        return question
    found = range_by_kind(question)
    if found is None:
        return question
    return question | {"range": _range_json(found)}


def range_by_kind(question: Mapping) -> ScoreRange | None:
    """Return the range of a version-1 question, which did not store it, by its kind.

    An agreement item ran from 1 to 5, from its first to its last option; a 0 to 10
    question from 0 to 10. Version 1 kept no range for a scale or a bounded number.
    """
    if question.get("kind") == "agreement":
        options = question.get("options") or [{}]
        return ScoreRange(1, 5, options[0].get("label", ""), options[-1].get("label", ""))
    if question.get("kind") == "scale_0_10":
        return ScoreRange(0, 10)
    return None


def range_of(item: Mapping) -> ScoreRange | None:
    """Return the stored range of a question's or scale's figures, or the one by kind."""
    stored = item.get("range")
    if stored:
        return ScoreRange(
            stored["low"], stored["high"], stored.get("low_label", ""), stored.get("high_label", "")
        )
    return range_by_kind(item)


def _range_json(found: ScoreRange) -> dict:
    return {
        "low": found.low,
        "high": found.high,
        "low_label": found.low_label,
        "high_label": found.high_label,
    }


def _average(entry: Mapping) -> Average:
    return Average(
        entry.get("answered"),
        entry.get("mean"),
        entry.get("sd"),
        entry.get("median"),
        entry.get("mean_low"),
        entry.get("mean_high"),
    )


def _options(cells, labels: Mapping[str, str]) -> tuple[OptionCell, ...]:
    return tuple(
        OptionCell(
            cell["value"],
            cell.get("label") or labels.get(cell["value"], ""),
            cell.get("count"),
            cell.get("share"),
            cell.get("share_low"),
            cell.get("share_high"),
        )
        for cell in cells or []
    )


def _breakdowns(entry: Mapping, labels: Mapping[str, str]) -> Mapping:
    return MappingProxyType(
        {
            grouping: tuple(
                GroupFigures(
                    tuple(group.get("values", [])),
                    _average(group),
                    _options(group.get("options"), labels),
                )
                for group in groups
            )
            for grouping, groups in (entry.get("breakdowns") or {}).items()
        }
    )


def _item(question: Mapping) -> ItemFigures:
    labels = {option["value"]: option.get("label", "") for option in question.get("options", [])}
    score = question.get("score")
    return ItemFigures(
        key=question["key"],
        text=question.get("text", ""),
        kind=question.get("kind", ""),
        status=question.get("status", "ok"),
        average=_average(question),
        options=_options(question.get("options"), labels),
        breakdowns=_breakdowns(question, labels),
        declined=question.get("declined"),
        is_share_of_respondents=bool(question.get("is_share_of_respondents")),
        score=_average(score) if score else None,
        range=range_of(question),
        has_average="mean" in question,
        source=MappingProxyType(question),
    )


def _scale(scale: Mapping, *, key: str | None = None, name: str = "") -> ItemFigures:
    return ItemFigures(
        key=key or scale["key"],
        text=name or scale.get("name", ""),
        kind="scale",
        status=scale.get("status", "ok"),
        average=_average(scale),
        breakdowns=_breakdowns(scale, {}),
        declined=scale.get("too_few_items"),
        range=range_of(scale),
        has_average="mean" in scale,
        scoring=scale.get("scoring"),
        item_count=scale.get("item_count"),
        subscales=tuple(
            _scale(part, key=part["key"], name=scale.get("name", ""))
            for part in scale.get("subscales", [])
        ),
        source=MappingProxyType(scale),
    )


@dataclass(frozen=True)
class Change:
    """How an average changed between two waves: the difference, its 95 % range, its effect.

    Only a change with status "ok" has figures. A paired change (the same people in both
    waves) counts its `pairs`; an independent one may carry the paired one beside it.
    """

    status: str
    difference: float | None = None
    low: float | None = None
    high: float | None = None
    effect_size: float | None = None
    effect_low: float | None = None
    effect_high: float | None = None
    pairs: int | None = None
    paired: "Change | None" = None
    # The stored JSON of this change, exactly as it was written.
    source: Mapping = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class ComparisonFigures:
    """The published comparison of two waves, typed: one change per question and scale."""

    questions: Mapping[str, Change]
    scales: Mapping[str, Change]

    def question(self, key: str) -> Change | None:
        return self.questions.get(key)

    def scale(self, key: str) -> Change | None:
        return self.scales.get(key)


def parse_comparison(data: Mapping) -> ComparisonFigures:
    """Return the typed changes of a stored comparison of two waves."""
    return ComparisonFigures(
        questions=MappingProxyType(
            {entry["key"]: _change(entry) for entry in data.get("questions", [])}
        ),
        scales=MappingProxyType({entry["key"]: _change(entry) for entry in data.get("scales", [])}),
    )


def _change(entry: Mapping) -> Change:
    paired = entry.get("paired")
    return Change(
        status=entry.get("status", ""),
        difference=entry.get("difference"),
        low=entry.get("low"),
        high=entry.get("high"),
        effect_size=entry.get("effect_size"),
        effect_low=entry.get("effect_low"),
        effect_high=entry.get("effect_high"),
        pairs=entry.get("pairs"),
        paired=_change(paired) if paired else None,
        source=MappingProxyType(entry),
    )


def reworded(
    figures: SnapshotFigures, wording, *, isolate: Callable[[str], str] | None = None
) -> SnapshotFigures:
    """Return the figures with every text the questionnaire words replaced; counts stay.

    `wording` gives `question_texts`, `option_labels` (question key → code → label),
    `scale_names`, `segment_labels` (dimension → code → label) and `labels_by_german` for
    the ends of a range; a text it lacks stays as stored. `isolate`, if given, wraps the
    wave's title and label (for a right-to-left language).
    """
    data = figures.as_json()
    wave = data.get("wave")
    if isolate is not None and wave:
        data["wave"] = {
            **wave,
            **{name: isolate(wave[name]) for name in ("title", "label") if wave.get(name)},
        }
    data["questions"] = [_reworded_question(entry, wording) for entry in data.get("questions", [])]
    data["scales"] = [_reworded_scale(entry, wording) for entry in data.get("scales", [])]
    data["segments"] = {
        dimension: [
            item | {"label": wording.segment_labels.get(dimension, {}).get(item["value"])}
            if wording.segment_labels.get(dimension, {}).get(item["value"])
            else item
            for item in items
        ]
        for dimension, items in (data.get("segments") or {}).items()
    }
    return parse(data)


def _reworded_question(entry: Mapping, wording) -> dict:
    key = entry.get("key")
    labels = wording.option_labels.get(key, {})
    found = dict(entry)
    if wording.question_texts.get(key):
        found["text"] = wording.question_texts[key]
    if entry.get("options"):
        found["options"] = [
            option | {"label": labels[option["value"]]}
            if labels.get(option.get("value"))
            else option
            for option in entry["options"]
        ]
    if entry.get("range"):
        found["range"] = _reworded_range(entry["range"], wording)
    return found


def _reworded_scale(entry: Mapping, wording) -> dict:
    found = dict(entry)
    if wording.scale_names.get(entry.get("key")):
        found["name"] = wording.scale_names[entry["key"]]
    if entry.get("range"):
        found["range"] = _reworded_range(entry["range"], wording)
    if entry.get("subscales"):
        found["subscales"] = [
            part | {"range": _reworded_range(part["range"], wording)} if part.get("range") else part
            for part in entry["subscales"]
        ]
    return found


def _reworded_range(stored: Mapping, wording) -> dict:
    return dict(stored) | {
        end: wording.labels_by_german.get(stored.get(end) or "", stored.get(end) or "")
        for end in ("low_label", "high_label")
    }
