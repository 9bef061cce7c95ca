"""The runner's form: signed answers carried from page to page, and fields to render.

No session holds a half-answered survey: everything answered so far travels in one
hidden field, signed so nobody can change it unseen, and checked again on sending.
"""

import uuid
from dataclasses import dataclass, field

from django.core import signing
from django.utils.translation import gettext_lazy as _

from surveys.models import Question
from surveys.validation import DECLINED, RawAnswer, Structure

STATE_SALT = "surveys.runner.state"
# A phone left on a bus for a day can still be sent; a form from last month cannot.
STATE_MAX_AGE = 60 * 60 * 48


class StateError(Exception):
    """The carried answers cannot be used; `message` tells the person why."""

    def __init__(self, code: str, message):
        super().__init__(str(message))
        self.code = code
        self.message = message


@dataclass
class RunnerState:
    wave_id: int
    questionnaire_id: int
    token: uuid.UUID
    page: int
    answers: dict[str, RawAnswer] = field(default_factory=dict)
    # The access code from a card, checked on the way in and spent on sending.
    code: str = ""
    # The furthest page sent without errors, so the field monitor counts each page once.
    furthest: int = 0

    @classmethod
    def start(cls, *, wave, first_page: int, code: str = "") -> "RunnerState":
        return cls(wave.pk, wave.questionnaire_id, uuid.uuid4(), first_page, code=code)

    def sign(self) -> str:
        answers = {
            key: [raw.values, raw.other, int(raw.declined)] for key, raw in self.answers.items()
        }
        payload = [self.wave_id, self.questionnaire_id, self.token.hex, self.page, answers]
        if self.code or self.furthest:
            payload.append(self.code)
        if self.furthest:
            payload.append(self.furthest)
        return signing.dumps(payload, salt=STATE_SALT, compress=True)

    @classmethod
    def load(cls, signed: str, *, wave) -> "RunnerState":
        """Return the state carried in a form, or raise `StateError` saying what is wrong."""
        try:
            payload = signing.loads(signed or "", salt=STATE_SALT, max_age=STATE_MAX_AGE)
        except signing.SignatureExpired:
            raise StateError(
                "expired", _("This form is too old to be sent. Please start the survey again.")
            ) from None
        except signing.BadSignature:
            raise StateError(
                "unreadable", _("Your answers could not be read. Please start the survey again.")
            ) from None
        # A form from before codes existed carries five items; one with a code six, and
        # one that has passed a page seven (the code may then be empty).
        wave_id, questionnaire_id, token, page, answers, *rest = payload
        if wave_id != wave.pk:
            raise StateError(
                "other_survey", _("Your answers belong to another survey. Please start again.")
            )
        if questionnaire_id != wave.questionnaire_id:
            raise StateError(
                "changed", _("This survey has been changed since you began. Please start again.")
            )
        raw = {
            key: RawAnswer(values=list(values), other=other, declined=bool(declined))
            for key, (values, other, declined) in answers.items()
        }
        return cls(
            wave_id,
            questionnaire_id,
            uuid.UUID(hex=token),
            page,
            raw,
            code=rest[0] if rest else "",
            furthest=int(rest[1]) if len(rest) > 1 else 0,
        )


def read_page(post, questions: list[Question]) -> dict[str, RawAnswer]:
    """Return what was posted for the questions shown on one page."""
    raw = {}
    for question in questions:
        if not question.takes_answers:
            continue
        values = [value[:5000] for value in post.getlist(question.key)]
        raw[question.key] = RawAnswer(
            values=values,
            other=post.get(f"{question.key}__other", "")[:5000],
            declined=post.get(f"{question.key}__declined") == "1",
        )
    return raw


@dataclass
class Choice:
    value: str
    label: str
    id: str
    checked: bool
    asks_for_text: bool = False


@dataclass
class QuestionField:
    """What the template needs to draw one question."""

    question: Question
    label: str
    hint: str
    error: str
    choices: list[Choice]
    value: str
    other: str
    declined: bool
    first_id: str
    rows: list["QuestionField"] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def input_type(self) -> str:
        return "checkbox" if self.question.is_multiple else "radio"

    @property
    def described_by(self) -> str:
        ids = []
        if self.hint:
            ids.append(f"q-{self.key}-hint")
        if self.error:
            ids.append(f"q-{self.key}-error")
        return " ".join(ids)

    @property
    def asks_for_text(self) -> bool:
        return any(choice.asks_for_text for choice in self.choices)

    @property
    def other_label(self) -> str:
        labels = [choice.label.rstrip(" .…:") for choice in self.choices if choice.asks_for_text]
        return " / ".join(labels)


def _choices(question, options, raw: RawAnswer, language) -> list[Choice]:
    chosen = set(raw.values)
    if question.kind == Question.Kind.SCALE_0_10:
        items = [(str(point), str(point), False) for point in range(11)]
    else:
        items = [
            (option.value, option.translated("label", language), option.asks_for_text)
            for option in options
        ]
    choices = [
        Choice(value, label, f"q-{question.key}-{index}", value in chosen, asks)
        for index, (value, label, asks) in enumerate(items)
    ]
    if question.allows_decline and question.kind != Question.Kind.MULTIPLE_CHOICE:
        choices.append(
            Choice(
                DECLINED,
                str(_("Prefer not to say")),
                f"q-{question.key}-declined",
                raw.declined or DECLINED in chosen,
            )
        )
    return choices


def page_fields(
    structure: Structure,
    shown: list[Question],
    answers: dict[str, RawAnswer],
    errors: dict[str, str],
    language: str,
) -> list[QuestionField]:
    """Return the fields of one page, matrix rows gathered under their heading."""
    fields: list[QuestionField] = []
    heading: QuestionField | None = None
    for question in shown:
        raw = answers.get(question.key) or RawAnswer()
        options = structure.options.get(question.pk, [])
        choices = _choices(question, options, raw, language) if _has_choices(question) else []
        value = raw.values[0] if raw.values and not choices else ""
        first_id = choices[0].id if choices else f"q-{question.key}"
        item = QuestionField(
            question=question,
            label=question.translated("text", language),
            hint=question.translated("help_text", language),
            error=errors.get(question.key, ""),
            choices=choices,
            value=value,
            other=raw.other,
            declined=raw.declined,
            first_id=first_id,
        )
        if question.kind == Question.Kind.MATRIX:
            heading = item
            fields.append(item)
        elif question.kind == Question.Kind.MATRIX_ROW and heading is not None:
            heading.rows.append(item)
        else:
            heading = None
            fields.append(item)
    return fields


def _has_choices(question: Question) -> bool:
    return question.has_options or question.kind == Question.Kind.SCALE_0_10
