"""Reads of moderation: the queue for staff, approved quotes for the dashboards."""

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from analytics.models import Quote, SafeguardingConcern, WatchedNames
from analytics.selectors import published_snapshot
from surveys.models import Answer, Question, Wave

FREE_TEXT_KINDS = [Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT]


def moderation_queue(*, wave: Wave | None = None) -> QuerySet[Answer]:
    """Return the free-text answers nobody has decided on yet, oldest first.

    Answers of a response with an unhandled safeguarding concern come first, so a
    young person who may need help is never on page 3 of the queue.
    """
    answers = Answer.objects.filter(
        question__kind__in=FREE_TEXT_KINDS, declined=False, moderation__isnull=True
    ).exclude(text="")
    if wave is not None:
        answers = answers.filter(response__wave=wave)
    concern = SafeguardingConcern.objects.filter(
        answer__response=OuterRef("response"), handled_on__isnull=True
    )
    return (
        answers.annotate(has_concern=Exists(concern))
        .select_related("question", "response__wave")
        .order_by("-has_concern", "pk")
    )


def watched_names() -> list[str]:
    """Return the names the staff asked moderation to look for."""
    return WatchedNames.load().name_list


def decided_quotes(*, status: str) -> QuerySet[Quote]:
    return Quote.objects.filter(status=status).select_related("wave", "decided_by", "answer")


def approved_quotes(*, wave: Wave, question_key: str | None = None) -> list[Quote]:
    """Return the approved quotes of a wave that may be shown to the public now.

    None until the wave's published snapshot counts at least k responses: a quote from
    a wave of three people could tell who wrote it.
    """
    # The snapshot holds the response count, so a dashboard request counts nothing.
    snapshot = published_snapshot(wave=wave)
    if snapshot is None or snapshot.response_count < max(3, settings.PART_MIN_CELL_SIZE):
        return []
    quotes = Quote.objects.filter(wave=wave, status=Quote.Status.APPROVED)
    if question_key:
        quotes = quotes.filter(question_key=question_key)
    return list(quotes.order_by("pk"))
