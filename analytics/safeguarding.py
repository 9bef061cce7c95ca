"""Safeguarding rules: which answers make the thank-you page show extra help.

The check runs on the answers of one submission in memory and returns what help to
show; nothing is stored, logged or counted, so nobody can learn for whom it was shown.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from analytics.models import SafeguardingHelp, SafeguardingRule
from surveys.models import Option, Question

# Nummer gegen Kummer: the free, anonymous helpline for children and young people
# in Germany (Monday to Saturday, 14 to 20 o'clock).
HELPLINE_NAME = "Nummer gegen Kummer"
HELPLINE_NUMBER = "116 111"


@dataclass(frozen=True)
class ExtraHelp:
    helpline_name: str
    helpline_number: str
    helpline_hours: str
    counselling: str
    project_contact: str


def extra_help() -> ExtraHelp:
    """Return the help the thank-you page shows: the helpline and the staff's contacts."""
    contacts = SafeguardingHelp.load()
    return ExtraHelp(
        helpline_name=HELPLINE_NAME,
        helpline_number=HELPLINE_NUMBER,
        helpline_hours=str(_("free and anonymous, Monday to Saturday from 2 to 8 pm")),
        counselling=contacts.translated("counselling"),
        project_contact=contacts.translated("project_contact"),
    )


def _number_of(value) -> float | None:
    if isinstance(value, Option):
        if value.score is not None:
            return value.score
        try:
            return float(value.value)
        except ValueError:
            return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    return None


def _phrase_pattern(phrase: str) -> re.Pattern:
    """Match a phrase as whole words; a trailing * matches every word that begins with it."""
    phrase = phrase.strip().casefold()
    if phrase.endswith("*"):
        return re.compile(rf"(?<!\w){re.escape(phrase[:-1])}\w*")
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def rule_matches(rule: SafeguardingRule, value) -> bool:
    """Return whether one answer value meets one rule."""
    values = value if isinstance(value, list | tuple | set) else [value]
    if rule.kind == SafeguardingRule.Kind.AT_MOST:
        numbers = [_number_of(each) for each in values]
        return any(number is not None and number <= rule.threshold for number in numbers)
    texts = [each.casefold() for each in values if isinstance(each, str)]
    phrases = [line for line in rule.words.splitlines() if line.strip()]
    return any(_phrase_pattern(phrase).search(text) for phrase in phrases for text in texts)


def needs_extra_help(*, answers: Mapping[Question, object]) -> bool:
    """Return whether any answer of one submission meets an active safeguarding rule.

    `answers` maps questions to what the runner stores: an `Option` (or a list of them
    for multiple choice), a number, or a text. A rule set on one version of a
    questionnaire applies to every version with the same question key.
    """
    if not answers:
        return False
    questions = list(answers)
    questionnaire_keys = {question.questionnaire.key for question in questions}
    rules: dict[tuple[str, str], list[SafeguardingRule]] = {}
    for rule in SafeguardingRule.objects.filter(
        is_active=True,
        question__questionnaire__key__in=questionnaire_keys,
        question__key__in={question.key for question in questions},
    ).select_related("question__questionnaire"):
        rules.setdefault((rule.question.questionnaire.key, rule.question.key), []).append(rule)
    return any(
        rule_matches(rule, value)
        for question, value in answers.items()
        for rule in rules.get((question.questionnaire.key, question.key), [])
    )


def extra_help_for(sender, *, answers: Mapping[Question, object], **kwargs) -> ExtraHelp | None:
    """Answer the runner's question "does this submission need extra help?" (a signal receiver)."""
    return extra_help() if needs_extra_help(answers=answers) else None
