"""Writes of the survey engine."""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from surveys.models import Answer, Option, Question, Response, Wave

# Sent after commit with `wave_id`; surveys knows no listener (analytics subscribes).
response_submitted = Signal()


@transaction.atomic
def submit_response(*, wave: Wave, answers: dict[Question, object], language: str) -> Response:
    """Store one anonymous response with its answers and announce it once committed.

    `answers` maps each answered question to an `Option` or a number; questions left
    out were not answered. Validation happens before (see `surveys.forms`).
    """
    response = Response(
        wave=wave,
        questionnaire_id=wave.questionnaire_id,
        language=language,
        day=timezone.localdate(),
    )
    rows = []
    for question, value in answers.items():
        if isinstance(value, Option):
            rows.append(Answer(question=question, option=value))
            if question.segment:
                setattr(response, question.segment, value.value)
        else:
            rows.append(Answer(question=question, number=value))
    response.save()
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    # After commit, so a listener never reads half a response; robust, so a broker
    # outage cannot fail a saved answer (the periodic sweep catches up).
    transaction.on_commit(
        lambda: response_submitted.send(sender=Wave, wave_id=wave.pk), robust=True
    )
    return response
