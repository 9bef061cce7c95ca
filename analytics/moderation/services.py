"""Writes of moderation: a moderator's decision on one free-text answer."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from analytics import audit
from analytics.models import Quote
from analytics.moderation.detection import personal_details
from analytics.moderation.selectors import watched_names
from analytics.signals import announce_results_published
from surveys.models import Answer


class UnreviewedDetails(ValidationError):
    """The text to publish still holds flagged spans the moderator has not accepted."""


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
def approve_quote(*, answer: Answer, text: str, user, kept=()) -> Quote:
    """Publish the moderator's (redacted) version of a free-text answer as a quote.

    Every span of `text` that looks personal must be in `kept`, the spans the moderator
    accepted as not personal; otherwise nothing is published.
    """
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Please enter the text to publish.")})
    unreviewed = [
        flag for flag in personal_details(text, names=watched_names()) if flag.text not in kept
    ]
    if unreviewed:
        raise UnreviewedDetails(
            _("Please decide on each marked word first: %(found)s.")
            % {"found": ", ".join(f"„{flag.text}“" for flag in unreviewed)}
        )
    quote = _decide(answer, status=Quote.Status.APPROVED, user=user, text=text)
    announce_results_published(wave_ids=[quote.wave_id])
    return quote


@transaction.atomic
def reject_quote(*, answer: Answer, user, note: str = "") -> Quote:
    """Keep a free-text answer from ever being published."""
    return _decide(answer, status=Quote.Status.REJECTED, user=user, note=note.strip())


@transaction.atomic
def mark_safeguarding_concern(*, answer: Answer, user, note: str = "") -> Quote:
    """Keep an answer unpublished and bring it to the safeguarding staff as a concern."""
    from analytics.safeguarding import raise_concern

    quote = _decide(answer, status=Quote.Status.SAFEGUARDING, user=user, note=note.strip())
    raise_concern(answer=answer, user=user, note=note.strip())
    return quote


@transaction.atomic
def withdraw_quote(*, quote: Quote, user) -> Quote:
    """Take an approved quote off the dashboards again."""
    quote.status = Quote.Status.REJECTED
    quote.text = ""
    quote.decided_by = user
    quote.save()
    audit.record(quote, audit.QUOTE_REJECTED, user=user, wave=quote.wave.slug)
    announce_results_published(wave_ids=[quote.wave_id])
    return quote
