"""Writes of moderation: a moderator's decision on one free-text answer."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from analytics import audit
from analytics.models import Quote
from surveys.models import Answer


def _decide(answer: Answer, *, status: str, user, text: str = "", note: str = "") -> Quote:
    if Quote.objects.filter(answer=answer).exists():
        raise ValidationError(_("Someone has already decided on this answer."))
    quote = Quote.objects.create(
        answer=answer,
        wave_id=answer.response.wave_id,
        question_key=answer.question.key,
        status=status,
        text=text,
        note=note,
        decided_by=user,
    )
    action = {
        Quote.Status.APPROVED: audit.QUOTE_APPROVED,
        Quote.Status.REJECTED: audit.QUOTE_REJECTED,
        Quote.Status.SAFEGUARDING: audit.QUOTE_SAFEGUARDING,
    }[status]
    audit.record(quote, action, user=user, wave=answer.response.wave.slug)
    return quote


@transaction.atomic
def approve_quote(*, answer: Answer, text: str, user) -> Quote:
    """Publish the moderator's (redacted) version of a free-text answer as a quote."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Please enter the text to publish.")})
    return _decide(answer, status=Quote.Status.APPROVED, user=user, text=text)


@transaction.atomic
def reject_quote(*, answer: Answer, user, note: str = "") -> Quote:
    """Keep a free-text answer from ever being published."""
    return _decide(answer, status=Quote.Status.REJECTED, user=user, note=note.strip())


@transaction.atomic
def mark_safeguarding_concern(*, answer: Answer, user, note: str = "") -> Quote:
    """Keep an answer unpublished and list it for the team as a safeguarding concern."""
    return _decide(answer, status=Quote.Status.SAFEGUARDING, user=user, note=note.strip())


@transaction.atomic
def withdraw_quote(*, quote: Quote, user) -> Quote:
    """Take an approved quote off the dashboards again."""
    quote.status = Quote.Status.REJECTED
    quote.text = ""
    quote.decided_by = user
    quote.save()
    audit.record(quote, audit.QUOTE_REJECTED, user=user, wave=quote.wave.slug)
    return quote
