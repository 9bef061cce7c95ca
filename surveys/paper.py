"""The paper entry form: every question of a questionnaire on one page, typed by keyboard.

Options are typed as their number on the sheet ("2", or "1 3" for several), "x" for
"prefer not to say" (on every question, grid rows included), nothing for "not
answered". What is typed becomes the same `RawAnswer`s the runner sends, checked by
`surveys.validation.check` with `on_paper=True`: required applies online only.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from surveys.models import Question
from surveys.validation import DECLINED, RawAnswer, Structure

SHEET_FIELD = "_sheet"
DECLINE_MARK = "x"
_SEPARATORS = re.compile(r"[\s,;/]+")


@dataclass
class PaperField:
    """What the template needs to draw one question of the paper form."""

    question: Question
    number: str
    label: str
    legend: str
    value: str
    other: str
    error: str
    rows: list["PaperField"] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def input_id(self) -> str:
        return f"q-{self.key}"

    @property
    def is_numeric(self) -> bool:
        return self.question.has_options or self.question.is_numeric

    @property
    def asks_for_text(self) -> bool:
        return any(option.asks_for_text for option in self.question._prefetched_options)

    @property
    def takes_answers(self) -> bool:
        return self.question.takes_answers


def _legend(question: Question, options) -> str:
    parts = []
    if question.has_options:
        parts = [f"{place} = {option.label}" for place, option in enumerate(options, start=1)]
        if question.is_multiple:
            parts.append(_("several: numbers with spaces"))
    elif question.kind == Question.Kind.SCALE_0_10:
        parts = [_("a number from 0 to 10")]
    elif question.kind == Question.Kind.NUMBER:
        parts = [_("a number")]
    return " · ".join(parts)


def paper_fields(
    structure: Structure, typed: dict[str, tuple[str, str]], errors: dict[str, str]
) -> list[PaperField]:
    """Return every question of the questionnaire, matrix rows under their heading."""
    fields: list[PaperField] = []
    heading: PaperField | None = None
    count = 0
    for question in structure.questions:
        options = structure.options.get(question.pk, [])
        value, other = typed.get(question.key, ("", ""))
        item = PaperField(
            question=question,
            number="",
            label=question.text,
            legend=_legend(question, options) if question.takes_answers else "",
            value=value,
            other=other,
            error=errors.get(question.key, ""),
        )
        if question.kind == Question.Kind.MATRIX_ROW and heading is not None:
            item.number = f"{heading.number}.{len(heading.rows) + 1}"
            item.legend = ""
            heading.rows.append(item)
            continue
        count += 1
        item.number = str(count)
        if question.kind == Question.Kind.MATRIX:
            item.legend = _legend(Question(kind=Question.Kind.SINGLE_CHOICE), options)
            heading = item
        else:
            heading = None
        fields.append(item)
    return fields


def read_paper(
    structure: Structure, post
) -> tuple[dict[str, RawAnswer], dict[str, tuple[str, str]], dict[str, str]]:
    """Return the raw answers, what was typed (to show again) and typing errors."""
    raw: dict[str, RawAnswer] = {}
    typed: dict[str, tuple[str, str]] = {}
    errors: dict[str, str] = {}
    for question in structure.questions:
        if not question.takes_answers:
            continue
        value = post.get(question.key, "")[:5000]
        other = post.get(f"{question.key}__other", "")[:5000]
        typed[question.key] = (value, other)
        if value.strip().lower() == DECLINE_MARK:
            raw[question.key] = RawAnswer(values=[DECLINED], other=other)
            continue
        if not question.has_options:
            raw[question.key] = RawAnswer(values=[value], other=other)
            continue
        options = structure.options.get(question.pk, [])
        tokens = [token for token in _SEPARATORS.split(value.strip()) if token]
        values, problem = [], False
        for token in tokens:
            if token.lower() == DECLINE_MARK:
                values.append(DECLINED)
            elif token.isdigit() and 1 <= int(token) <= len(options):
                values.append(options[int(token) - 1].value)
            else:
                problem = True
        if problem:
            errors[question.key] = _(
                "Please type the number of an answer, from 1 to %(count)s."
            ) % {"count": len(options)}
        raw[question.key] = RawAnswer(values=values, other=other)
    return raw, typed, errors
