"""The variables of a wave's export: names, labels, codes and missing values.

Every format (CSV, XLSX, SPSS, the codebook) is built from the same `Codebook`, so a
researcher can read any file with the codebook beside it.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from surveys.models import Question, Questionnaire, Response, Scale, Wave

# "Prefer not to say": a user-missing value in SPSS, the same code in CSV and XLSX.
DECLINED_CODE = -9
DECLINED_TEXT = "-9"
# How a response came in, as a numeric code with the channel's name as its label.
CHANNEL_CODES = {value: code for code, value in enumerate(Response.Channel.values, start=1)}
# SPSS allows 64 bytes per variable name; we keep to ASCII, so 64 characters.
SPSS_NAME_LIMIT = 64
# Words SPSS reserves; a variable may not be called like them.
SPSS_RESERVED = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"}


class ExportError(Exception):
    """A wave that cannot be exported in the asked format; the message says why."""


@dataclass
class Variable:
    name: str
    label: str
    kind: str  # "id", "text", "number", "code", "flag", "date"
    question_key: str = ""
    question_text: str = ""
    codes: dict[int, str] = field(default_factory=dict)
    original_name: str = ""
    versions: list[int] = field(default_factory=list)

    @property
    def is_numeric(self) -> bool:
        return self.kind in ("id", "number", "code", "flag")

    @property
    def was_renamed(self) -> bool:
        return bool(self.original_name) and self.original_name != self.name

    @property
    def has_declined_code(self) -> bool:
        return bool(self.question_key)


@dataclass
class ScaleNote:
    name: str
    key: str
    scoring: str
    min_answered: int
    items: list[str]
    lookup: dict
    # (variable name, label, how it is scored) of the scale and each of its subscales
    scores: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Codebook:
    wave: Wave
    variables: list[Variable]
    versions: list[int]
    scales: list[ScaleNote]
    response_count: int
    # question id -> how its answers fill the row (see analytics.exports.rows)
    fillers: dict[int, tuple]
    # questionnaire version id -> its scored scale parts (see analytics.exports.scores)
    parts_by_version: dict[int, list] = field(default_factory=dict)

    def renamed(self) -> list[Variable]:
        return [variable for variable in self.variables if variable.was_renamed]


def spss_name(original: str, taken: set[str]) -> str:
    """Return a valid, unique SPSS variable name for `original`, the same on every run.

    Characters SPSS does not allow become "_"; a name that does not start with a
    letter gets a "v" in front; a name longer than 64 characters keeps its first 55
    and ends with "_" and 8 characters of its SHA-1, so two long names stay apart.
    """
    name = re.sub(r"[^A-Za-z0-9_.]", "_", original)
    if not name or not name[0].isalpha():
        name = f"v{name}"
    name = name.rstrip("._") or "v"
    if name.upper() in SPSS_RESERVED:
        name = f"{name}_v"
    if len(name) > SPSS_NAME_LIMIT:
        digest = hashlib.sha1(original.encode(), usedforsecurity=False).hexdigest()[:8]
        name = f"{name[:55]}_{digest}"
    candidate, number = name, 2
    while candidate.upper() in taken:
        suffix = f"_{number}"
        candidate = f"{name[: SPSS_NAME_LIMIT - len(suffix)]}{suffix}"
        number += 1
    taken.add(candidate.upper())
    return candidate


def _family(question: Question) -> str:
    if question.kind == Question.Kind.MULTIPLE_CHOICE:
        return "multi"
    if question.has_options:
        return "choice"
    if question.is_free_text:
        return "text"
    return "number"


def _codes_for(values: list[str]) -> dict[str, int]:
    """Return a numeric code per option value: the value itself where all are whole numbers."""
    try:
        numbers = {value: int(value) for value in values}
    except ValueError:
        numbers = None
    if numbers and DECLINED_CODE not in numbers.values():
        return numbers
    return {value: position for position, value in enumerate(values, start=1)}


def build_codebook(*, wave: Wave) -> Codebook:
    """Return the variables of a wave's export, over every questionnaire version it holds."""
    version_ids = set(
        Response.objects.filter(wave=wave).values_list("questionnaire_id", flat=True).distinct()
    )
    version_ids.add(wave.questionnaire_id)
    questionnaires = list(Questionnaire.objects.filter(pk__in=version_ids).order_by("-version"))
    questions = list(
        Question.objects.filter(questionnaire__in=questionnaires)
        .select_related("questionnaire")
        .prefetch_related("options")
        .order_by("-questionnaire__version", "sort_order")
    )
    # Newest version first: its order and wording lead; keys only in older versions follow.
    by_key: dict[str, list[Question]] = {}
    for question in questions:
        by_key.setdefault(question.key, []).append(question)

    taken: set[str] = set()
    variables = [
        Variable(spss_name("id", taken), _("Response number"), "id", original_name="id"),
        Variable(
            spss_name("version", taken),
            _("Questionnaire version"),
            "number",
            original_name="version",
        ),
        Variable(spss_name("language", taken), _("Language"), "text", original_name="language"),
        Variable(spss_name("day", taken), _("Day of the answer"), "date", original_name="day"),
        Variable(
            spss_name("channel", taken),
            _("Channel: how the answer came in"),
            "code",
            codes={CHANNEL_CODES[value]: str(label) for value, label in Response.Channel.choices},
            original_name="channel",
        ),
    ]
    fillers: dict[int, tuple] = {}
    for key, versions in by_key.items():
        families = {_family(question) for question in versions}
        if len(families) == 1:
            groups = [(key, versions)]
        else:
            # The same key changed its kind between versions: one variable per version.
            groups = [(f"{key}_v{q.questionnaire.version}", [q]) for q in versions]
        for original, group in groups:
            _add_question_variables(original, group, variables, fillers, taken)

    scale_objects = list(
        Scale.objects.filter(questionnaire__in=questionnaires).order_by(
            "-questionnaire__version", "key"
        )
    )
    parts_by_version, score_columns = _add_score_variables(scale_objects, variables, taken)
    scales = [
        ScaleNote(
            name=scale.name,
            key=scale.key,
            scoring=scale.get_scoring_display(),
            min_answered=scale.min_answered,
            items=[
                f"{item.question.key}{' (' + _('reversed') + ')' if item.is_reversed else ''}"
                + (f" [{item.subscale}]" if item.subscale else "")
                for item in scale.items.select_related("question")
            ],
            lookup=scale.lookup,
            scores=score_columns.get(scale.pk, []),
        )
        for scale in Scale.objects.filter(questionnaire__in=questionnaires).order_by("key")
    ]
    return Codebook(
        wave=wave,
        variables=variables,
        versions=sorted(q.version for q in questionnaires),
        scales=scales,
        response_count=Response.objects.filter(wave=wave).count(),
        fillers=fillers,
        parts_by_version=parts_by_version,
    )


def _add_score_variables(scales, variables, taken) -> tuple[dict, dict]:
    """Add a number variable per scale and subscale, shared by every version that has it.

    Return the scored parts per questionnaire version and, per scale, its
    (variable name, label, how it is scored) for the codebook.
    """
    from analytics.exports.scores import part_label, scale_parts, scoring_text

    columns: dict[tuple[str, str], int] = {}
    parts_by_version: dict[int, list] = {}
    notes: dict[int, list] = {}
    # Newest version first (see the ordering of `scales`): its names and labels lead.
    for part in scale_parts(scales):
        key = (part.scale.key, part.subscale)
        if key not in columns:
            columns[key] = len(variables)
            original = f"{part.scale.key}_{part.subscale or 'score'}"
            variables.append(
                Variable(
                    spss_name(original, taken), part_label(part), "number", original_name=original
                )
            )
        part.column = columns[key]
        parts_by_version.setdefault(part.scale.questionnaire_id, []).append(part)
        notes.setdefault(part.scale.pk, []).append(
            (variables[part.column].name, part_label(part), scoring_text(part))
        )
    return parts_by_version, notes


def _add_question_variables(original, group, variables, fillers, taken) -> None:
    newest = group[0]
    versions = sorted({question.questionnaire.version for question in group})
    common = {
        "question_key": newest.key,
        "question_text": newest.text,
        "versions": versions,
    }
    family = _family(newest)
    if family == "multi":
        values: list[str] = []
        labels: dict[str, str] = {}
        for question in group:
            for option in question.options.all():
                if option.value not in labels:
                    values.append(option.value)
                    labels[option.value] = option.label
        columns = {}
        for value in values:
            column = len(variables)
            columns[value] = column
            variables.append(
                Variable(
                    spss_name(f"{original}_{value}", taken),
                    f"{newest.text}: {labels[value]}",
                    "flag",
                    codes={
                        0: _("not chosen"),
                        1: _("chosen"),
                        DECLINED_CODE: _("prefer not to say"),
                    },
                    original_name=f"{original}_{value}",
                    **common,
                )
            )
        for question in group:
            option_columns = {option.pk: columns[option.value] for option in question.options.all()}
            fillers[question.pk] = ("multi", list(columns.values()), option_columns)
        return
    column = len(variables)
    if family == "choice":
        values, labels = [], {}
        for question in group:
            for option in question.options.all():
                if option.value not in labels:
                    values.append(option.value)
                    labels[option.value] = option.label
        codes = _codes_for(values)
        variable_codes = {codes[value]: labels[value] for value in values}
        variable_codes[DECLINED_CODE] = _("prefer not to say")
        variables.append(
            Variable(
                spss_name(original, taken),
                newest.text,
                "code",
                codes=variable_codes,
                original_name=original,
                **common,
            )
        )
        for question in group:
            option_codes = {option.pk: codes[option.value] for option in question.options.all()}
            fillers[question.pk] = ("choice", column, option_codes)
        return
    kind = "text" if family == "text" else "number"
    codes = {} if kind == "text" else {DECLINED_CODE: _("prefer not to say")}
    variables.append(
        Variable(
            spss_name(original, taken),
            newest.text,
            kind,
            codes=codes,
            original_name=original,
            **common,
        )
    )
    for question in group:
        fillers[question.pk] = (kind, column, None)
