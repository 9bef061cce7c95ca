"""Safeguarding rules: extra help on the thank-you page, and concerns that reach a person.

The check at submission runs on the answers of one submission in memory and returns
what help to show; nothing is stored for it. Separately, after a response is committed,
`find_concerns` lists the answers that meet a rule as concerns for the staff and sends
the staff who hold the safeguarding permission a notice that holds no answer text.
"""

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from analytics import audit
from analytics.models import (
    SafeguardingConcern,
    SafeguardingHelp,
    SafeguardingRule,
    SafeguardingScan,
)
from surveys.models import Answer, Option, Question, Wave
from surveys.permissions import Action, user_can

logger = logging.getLogger(__name__)
SAFEGUARDING_PERMISSION = "analytics.handle_safeguarding"
# Answers are read again from this many ids before the last one read: a transaction
# that took an id early may commit after a later one was read (two submissions at once).
SCAN_OVERLAP = 500

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


def _folded(text: str) -> str:
    # Turkish "İ" folds to "i" plus a combining dot; drop the dot so "İntihar" meets "intihar".
    return text.casefold().replace("\u0307", "")


def _phrase_pattern(phrase: str) -> re.Pattern:
    """Match a phrase as whole words; a trailing * matches every word that begins with it."""
    phrase = _folded(phrase.strip())
    if phrase.endswith("*"):
        return re.compile(rf"(?<!\w){re.escape(phrase[:-1])}\w*")
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def rule_matches(rule: SafeguardingRule, value) -> bool:
    """Return whether one answer value meets one rule."""
    values = value if isinstance(value, list | tuple | set) else [value]
    if rule.kind == SafeguardingRule.Kind.AT_MOST:
        numbers = [_number_of(each) for each in values]
        return any(number is not None and number <= rule.threshold for number in numbers)
    texts = [_folded(each) for each in values if isinstance(each, str)]
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
    every_text: list[SafeguardingRule] = []
    for rule in SafeguardingRule.objects.filter(
        Q(
            question__questionnaire__key__in=questionnaire_keys,
            question__key__in={question.key for question in questions},
        )
        | Q(question__isnull=True),
        is_active=True,
    ).select_related("question__questionnaire"):
        if rule.question is None:
            every_text.append(rule)
            continue
        rules.setdefault((rule.question.questionnaire.key, rule.question.key), []).append(rule)
    return any(
        rule_matches(rule, value)
        for question, value in answers.items()
        for rule in rules.get((question.questionnaire.key, question.key), []) + every_text
    )


def extra_help_for(sender, *, answers: Mapping[Question, object], **kwargs) -> ExtraHelp | None:
    """Answer the runner's question "does this submission need extra help?" (a signal receiver)."""
    return extra_help() if needs_extra_help(answers=answers) else None


def _rules_by_question(rules):
    by_key: dict[tuple[str, str], list[SafeguardingRule]] = {}
    for rule in rules:
        if rule.question is not None:
            key = (rule.question.questionnaire.key, rule.question.key)
            by_key.setdefault(key, []).append(rule)
    return by_key


def _answer_value(answer: Answer):
    if answer.option_id is not None:
        return [answer.option, answer.text] if answer.text else answer.option
    if answer.number is not None:
        return answer.number
    return answer.text


def find_concerns(*, wave: Wave) -> list[SafeguardingConcern]:
    """List each response of `wave` with an answer that meets a rule as a concern; notify.

    One concern per response is enough to bring it to a person. Reads the answers that
    arrived since the last check (and a few before, see `SCAN_OVERLAP`) which no concern
    covers yet: free text still waiting for moderation, and the answers of the questions
    with a threshold rule. Safe to run twice.
    """
    scan, _created = SafeguardingScan.objects.get_or_create(wave=wave)
    newest = (
        Answer.objects.filter(response__wave=wave)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
        or 0
    )
    rules = list(
        SafeguardingRule.objects.filter(is_active=True).select_related("question__questionnaire")
    )
    every_text = [rule for rule in rules if rule.question is None]
    by_key = _rules_by_question(rules)
    questions = Q(pk__in=[])
    for questionnaire_key, question_key in by_key:
        questions |= Q(question__questionnaire__key=questionnaire_key, question__key=question_key)
    covered = SafeguardingConcern.objects.filter(wave=wave, answer__response=OuterRef("response"))
    candidates = (
        Answer.objects.filter(
            response__wave=wave, declined=False, pk__gt=scan.last_answer_id - SCAN_OVERLAP
        )
        .filter(questions | (~Q(text="") & Q(moderation__isnull=True)) if every_text else questions)
        .exclude(Exists(covered))
        .select_related("option", "question__questionnaire")
        .order_by("pk")
    )
    found: dict[int, Answer] = {}
    for answer in candidates.iterator(chunk_size=500):
        if answer.response_id in found:
            continue
        key = (answer.question.questionnaire.key, answer.question.key)
        value = _answer_value(answer)
        if any(rule_matches(rule, value) for rule in by_key.get(key, []) + every_text):
            found[answer.response_id] = answer
    SafeguardingScan.objects.filter(pk=scan.pk, last_answer_id__lt=newest).update(
        last_answer_id=newest
    )
    if not found:
        return []
    with transaction.atomic():
        concerns = SafeguardingConcern.objects.bulk_create(
            SafeguardingConcern(answer=answer, wave=wave, source=SafeguardingConcern.Source.RULE)
            for answer in found.values()
        )
    notify_safeguarding_staff(concerns=concerns)
    return concerns


def safeguarding_staff() -> QuerySet:
    """Return the active staff members who receive and handle safeguarding concerns."""
    return (
        get_user_model()
        .objects.with_perm(
            SAFEGUARDING_PERMISSION,
            include_superusers=False,
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .filter(is_active=True)
        .exclude(email="")
    )


def notify_safeguarding_staff(*, concerns: list[SafeguardingConcern]) -> int:
    """E-mail each safeguarding staff member that concerns wait; return how many were told.

    The message says only how many concerns wait and where: never an answer, a wave,
    a question or a time of answering, as e-mail leaves the platform.
    """
    waiting = [concern for concern in concerns if not concern.is_notified]
    if not waiting:
        return 0
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("analytics_moderation")
    told = 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("A safeguarding concern waits in the survey tool")
        body = "\n\n".join(
            [
                ngettext(
                    "%(count)s new answer may mean that a young person needs help.",
                    "%(count)s new answers may mean that a young person needs help.",
                    len(waiting),
                )
                % {"count": len(waiting)},
                gettext("Please read it in the admin soon and record that you handled it:"),
                f"{link}#concerns-heading",
                gettext(
                    "This message holds no answer text, to protect the young person. "
                    "You receive it because you hold the safeguarding permission."
                ),
            ]
        )
    for user in safeguarding_staff():
        try:
            EmailMessage(subject, body, to=[user.email]).send()
            told += 1
        except Exception:
            # A mail outage must not lose the concern: it stays listed and unnotified.
            logger.warning("Could not send a safeguarding notice; the concern stays listed.")
    if told:
        SafeguardingConcern.objects.filter(pk__in=[concern.pk for concern in waiting]).update(
            is_notified=True
        )
    return told


@transaction.atomic
def raise_concern(*, answer: Answer, user, note: str = "") -> SafeguardingConcern:
    """List an answer a moderator found worrying as a concern and notify the staff."""
    concern, created = SafeguardingConcern.objects.get_or_create(
        answer=answer,
        defaults={
            "wave_id": answer.response.wave_id,
            "source": SafeguardingConcern.Source.MODERATOR,
            "note": note,
        },
    )
    if not created and note:
        concern.note = note
        concern.save(update_fields=["note"])
    if created:
        transaction.on_commit(lambda: notify_safeguarding_staff(concerns=[concern]), robust=True)
    return concern


def can_handle_concerns(user) -> bool:
    """Return whether a user may read and handle safeguarding concerns."""
    return user_can(user, Action.HANDLE_SAFEGUARDING)


@transaction.atomic
def handle_concern(*, concern: SafeguardingConcern, user) -> SafeguardingConcern:
    """Record that a staff member took care of a concern today."""
    if concern.handled_on is not None:
        raise ValidationError(gettext("Someone has already handled this concern."))
    concern.handled_by = user
    concern.handled_on = timezone.localdate()
    concern.save(update_fields=["handled_by", "handled_on"])
    audit.record(concern, audit.CONCERN_HANDLED, user=user, wave=concern.wave.slug)
    return concern


def waiting_concerns() -> QuerySet[SafeguardingConcern]:
    """Return the concerns nobody has handled yet, newest first."""
    return SafeguardingConcern.objects.filter(handled_on__isnull=True).select_related(
        "wave", "answer__question", "answer__option"
    )


def handled_concerns() -> QuerySet[SafeguardingConcern]:
    """Return the handled concerns with who handled them, most recent first."""
    return (
        SafeguardingConcern.objects.filter(handled_on__isnull=False)
        .select_related("wave", "handled_by", "answer__question")
        .order_by("-handled_on", "-pk")
    )


def mark_wave_checked(*, wave: Wave) -> None:
    """Treat every answer a wave holds now as checked (demo data needs no safeguarding).

    The mark is set `SCAN_OVERLAP` ids ahead, so the next check reads from the first
    answer after these on, and none of these again.
    """
    newest = (
        Answer.objects.filter(response__wave=wave)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
        or 0
    )
    SafeguardingScan.objects.update_or_create(
        wave=wave, defaults={"last_answer_id": newest + SCAN_OVERLAP}
    )
