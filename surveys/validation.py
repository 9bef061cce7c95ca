"""Turn raw answers (from the runner's form or the JSON API) into answers to store.

Both entry points hand over the same shape, `{question key: RawAnswer}`, so a rule is
checked in one place. Conditions are evaluated here too: a question whose page or own
rule hides it is never required and never stored.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from surveys.models import Answer, Condition, Option, Question, Questionnaire, SurveyPage

DECLINED = "_declined"
DEFAULT_MAX_LENGTH = {Question.Kind.SHORT_TEXT: 200, Question.Kind.LONG_TEXT: 2000}
OTHER_MAX_LENGTH = 200
SINGLE_KINDS = {
    Question.Kind.SINGLE_CHOICE,
    Question.Kind.AGREEMENT,
    Question.Kind.MATRIX_ROW,
    Question.Kind.YES_NO,
}


@dataclass
class RawAnswer:
    """What a person sent for one question, before any check."""

    values: list[str] = field(default_factory=list)
    other: str = ""
    declined: bool = False

    def is_empty(self) -> bool:
        return not self.declined and not any(value.strip() for value in self.values)


@dataclass
class Given:
    """A checked answer, as conditions of later questions compare it."""

    options: list[Option] = field(default_factory=list)
    number: float | None = None
    text: str = ""


@dataclass
class Structure:
    """A questionnaire version with its pages, questions and options, read once."""

    questionnaire: Questionnaire
    questions: list[Question]
    options: dict[int, list[Option]]
    page_rules: dict[int, SurveyPage]

    @property
    def page_numbers(self) -> list[int]:
        return sorted({question.page for question in self.questions})

    def questions_on(self, page: int) -> list[Question]:
        return [question for question in self.questions if question.page == page]

    def by_key(self) -> dict[str, Question]:
        return {question.key: question for question in self.questions}


@dataclass
class Checked:
    answers: list[Answer]
    segments: dict[str, str]
    errors: dict[str, str]
    visible_keys: list[str]
    visible_pages: list[int]
    shown_by_page: dict[int, list[Question]]
    # The page of each question key with an error, so one check serves a page and the whole.
    error_pages: dict[str, int] = field(default_factory=dict)

    def errors_on(self, pages: list[int]) -> dict[str, str]:
        """Return the errors of the questions on `pages` only."""
        return {
            key: message
            for key, message in self.errors.items()
            if self.error_pages.get(key) in pages
        }


def _number(text: str) -> float | None:
    try:
        value = float(str(text).strip().replace(",", "."))
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _clean_text(text: str) -> str:
    # PostgreSQL refuses NUL in text; no person types one.
    return str(text).replace("\x00", "").strip()


def rule_holds(operator: str, expected: str, given: Given | None) -> bool:
    """Return whether an earlier answer meets a "show only if" rule."""
    if given is None:
        return False
    chosen = [option.value for option in given.options]
    if operator == Condition.EQUALS:
        if given.options:
            return chosen == [expected]
        if given.number is not None:
            return given.number == _number(expected)
        return given.text.casefold() == expected.strip().casefold()
    if operator == Condition.INCLUDES:
        if given.options:
            return expected in chosen
        return expected.strip().casefold() in given.text.casefold()
    if operator in (Condition.ABOVE, Condition.BELOW):
        limit = _number(expected)
        if limit is None:
            return False
        if given.options:
            numbers = [
                option.score if option.score is not None else _number(option.value)
                for option in given.options
            ]
            numbers = [number for number in numbers if number is not None]
            if len(numbers) != 1:
                return False
            value = numbers[0]
        elif given.number is not None:
            value = given.number
        else:
            return False
        return value > limit if operator == Condition.ABOVE else value < limit
    return True


def _shown(owner, given: dict[str, Given]) -> bool:
    if not owner.condition_question or not owner.condition_operator:
        return True
    return rule_holds(
        owner.condition_operator, owner.condition_value, given.get(owner.condition_question)
    )


def _shown_on_page(questions: list[Question], given: dict[str, Given]) -> list[Question]:
    """Return the questions of one page that their rules show; a matrix hides its rows."""
    shown, heading, heading_shown, rows = [], None, True, []
    for question in questions:
        if question.kind == Question.Kind.MATRIX:
            heading, heading_shown, rows = question, _shown(question, given), []
            continue
        if question.kind != Question.Kind.MATRIX_ROW:
            heading, heading_shown = None, True
        if not heading_shown or not _shown(question, given):
            continue
        if question.kind == Question.Kind.MATRIX_ROW and heading is not None and not rows:
            shown.append(heading)
        if question.kind == Question.Kind.MATRIX_ROW:
            rows.append(question)
        shown.append(question)
    return shown


def check(
    structure: Structure,
    raw: dict[str, RawAnswer],
    *,
    pages: list[int] | None = None,
    on_paper: bool = False,
) -> Checked:
    """Check every shown question (or those on `pages`) and build the answers to store.

    Questions on later pages are checked for visibility only when `pages` limits the
    check, so a page can be validated before the person has seen the next one. A sheet
    typed in from paper (`on_paper`) may leave any question empty, as "required" only
    binds the online form, and may say "prefer not to say" to any question: staff
    type what the sheet shows and never invent an answer.
    """
    checked = Walk(structure, raw, on_paper=on_paper).result()
    if pages is not None:
        checked.errors = checked.errors_on(pages)
    return checked


class Walk:
    """Check a questionnaire page by page, once, reading one page's answers on the way.

    Rules look at earlier pages only, so which questions a page shows is known before
    its answers are read: the runner asks `shown_on(page)`, puts what was posted for
    that page into `raw` (the same dict), and then takes the `result()`.
    """

    def __init__(self, structure: Structure, raw: dict[str, RawAnswer], *, on_paper=False):
        self.structure = structure
        self.raw = raw
        self.on_paper = on_paper
        self._pages = structure.page_numbers
        self._next = 0
        self._given: dict[str, Given] = {}
        self._checked = Checked([], {}, {}, [], [], {})

    def shown_on(self, page: int) -> list[Question] | None:
        """Walk the pages before `page`; return the questions it shows, None if hidden."""
        while self._next < len(self._pages) and self._pages[self._next] < page:
            self._visit(self._pages[self._next])
        if self._next >= len(self._pages) or self._pages[self._next] != page:
            return None
        return self._shown(page)

    def result(self) -> Checked:
        """Walk the remaining pages and return the checked answers with every error."""
        while self._next < len(self._pages):
            self._visit(self._pages[self._next])
        return self._checked

    def _shown(self, page: int) -> list[Question] | None:
        rule = self.structure.page_rules.get(page)
        if rule is not None and not _shown(rule, self._given):
            return None
        shown = _shown_on_page(self.structure.questions_on(page), self._given)
        if not any(question.takes_answers for question in shown):
            return None
        return shown

    def _visit(self, page: int) -> None:
        self._next += 1
        # Rules look at earlier pages only: a page is answered before the next is shown.
        shown = self._shown(page)
        if shown is None:
            return
        checked = self._checked
        checked.visible_pages.append(page)
        checked.shown_by_page[page] = shown
        for question in shown:
            if not question.takes_answers:
                continue
            checked.visible_keys.append(question.key)
            entry = self.raw.get(question.key) or RawAnswer()
            result = _check_one(
                question,
                self.structure.options.get(question.pk, []),
                entry,
                on_paper=self.on_paper,
            )
            if isinstance(result, str):
                checked.errors[question.key] = result
                checked.error_pages[question.key] = page
                continue
            rows, seen = result
            if seen is not None:
                self._given[question.key] = seen
            checked.answers.extend(rows)
            if question.segment and seen is not None and len(seen.options) == 1:
                checked.segments[question.segment] = seen.options[0].value


def _answer(question: Question, *, option: Option | None = None, **values) -> Answer:
    """Return an unsaved answer row to `question` (with `option`, number, text or declined).

    Built from the ids, with the question and option put straight into the row's cache:
    Django's checks of related objects cost more than the rest of checking an answer,
    and every submission builds a dozen rows.
    """
    row = Answer(question_id=question.pk, option_id=option.pk if option else None, **values)
    cached = row._state.fields_cache
    cached["question"] = question
    if option is not None:
        cached["option"] = option
    return row


def _check_one(question: Question, options: list[Option], raw: RawAnswer, *, on_paper=False):
    """Return (answer rows, what later rules see) or an error message."""
    values = [str(value).strip() for value in raw.values if str(value).strip()]
    declined = raw.declined or DECLINED in values
    values = [value for value in values if value != DECLINED]
    is_required = question.is_required and not on_paper
    if declined:
        if not question.allows_decline and not on_paper:
            return str(_("Please choose one of the answers shown."))
        if values:
            return str(_("Please choose either an answer or “prefer not to say”, not both."))
        return [_answer(question, declined=True)], None
    if not values:
        if is_required:
            return str(_("Please answer this question."))
        return [], None
    if question.has_options:
        return _check_choice(question, options, values, raw.other)
    if question.kind == Question.Kind.SCALE_0_10:
        number = _number(values[0]) if len(values) == 1 else None
        if number is None or number != int(number) or not 0 <= number <= 10:
            return str(_("Please choose a number from 0 to 10."))
        return [_answer(question, number=number)], Given(number=number)
    if question.kind == Question.Kind.NUMBER:
        number = _number(values[0]) if len(values) == 1 else None
        if number is None:
            return str(_("Please enter a number, for example 15."))
        low, high = question.min_value, question.max_value
        if (low is not None and number < low) or (high is not None and number > high):
            return _range_message(low, high)
        return [_answer(question, number=number)], Given(number=number)
    text = _clean_text(" ".join(values) if len(values) > 1 else values[0])
    limit = question.max_length or DEFAULT_MAX_LENGTH.get(question.kind, 200)
    if len(text) > limit:
        return str(
            _("Please write at most %(limit)s characters (you wrote %(count)s).")
            % {"limit": limit, "count": len(text)}
        )
    if not text:
        return str(_("Please answer this question.")) if is_required else ([], None)
    return [_answer(question, text=text)], Given(text=text)


def _range_message(low, high) -> str:
    def show(number):
        return f"{number:g}"

    if low is not None and high is not None:
        return str(
            _("Please enter a number from %(low)s to %(high)s.")
            % {"low": show(low), "high": show(high)}
        )
    if low is not None:
        return str(_("Please enter a number of at least %(low)s.") % {"low": show(low)})
    return str(_("Please enter a number of at most %(high)s.") % {"high": show(high)})


def _check_choice(question: Question, options: list[Option], values: list[str], other: str):
    by_value = {option.value: option for option in options}
    if len(set(values)) != len(values) or any(value not in by_value for value in values):
        return str(_("Please choose one of the answers shown."))
    chosen = [by_value[value] for value in values]
    if question.is_multiple:
        low, high = question.min_choices, question.max_choices
        if low is not None and len(chosen) < low:
            return str(_("Please choose at least %(count)s answers.") % {"count": low})
        if high is not None and len(chosen) > high:
            return str(_("Please choose at most %(count)s answers.") % {"count": high})
    elif len(chosen) != 1:
        return str(_("Please choose only one answer."))
    rows = [_answer(question, option=option) for option in chosen]
    if any(option.asks_for_text for option in chosen):
        text = _clean_text(other)
        if not text:
            return str(_("Please say in a few words what you mean."))
        if len(text) > OTHER_MAX_LENGTH:
            return str(
                _("Please write at most %(limit)s characters (you wrote %(count)s).")
                % {"limit": OTHER_MAX_LENGTH, "count": len(text)}
            )
        rows.append(_answer(question, text=text))
    return rows, Given(options=chosen)
