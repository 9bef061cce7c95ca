"""Paper questionnaires typed in by staff: batches and their sheets."""

from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from surveys.models import Answer, PaperBatch, PaperSheet, Response, Wave
from surveys.services.responses import submit_response

# Registered by analytics (surveys may not import it; see analytics.audit).
PAPER_BATCH_CREATED = "part.paper_batch_created"


class SheetAlreadyEntered(Exception):
    """This sheet number of the wave was typed in before; nothing was stored."""

    def __init__(self, batch_name: str = ""):
        super().__init__(batch_name)
        self.batch_name = batch_name


def start_paper_batch(*, wave: Wave, name: str, collected_on, language: str, user) -> PaperBatch:
    """Record a stack of paper sheets about to be typed in, and note it in the audit log."""
    with transaction.atomic():
        batch = PaperBatch.objects.create(
            wave=wave, name=name, collected_on=collected_on, language=language, created_by=user
        )
        log(
            instance=wave,
            action=PAPER_BATCH_CREATED,
            user=user,
            data={"wave": wave.slug, "batch": name},
        )
    return batch


def enter_paper_sheet(
    *, batch: PaperBatch, sheet_number: int, answers: list[Answer], segments: dict[str, str]
) -> Response:
    """Store one checked paper sheet through the same service as the runner, or nothing.

    Raises `SheetAlreadyEntered` when this sheet number of the wave was typed in before,
    in this batch or another: the printed questionnaires of a wave are numbered once.
    """
    with transaction.atomic():
        earlier = (
            PaperSheet.objects.filter(batch__wave_id=batch.wave_id, number=sheet_number)
            .select_related("batch")
            .first()
        )
        if earlier is not None:
            raise SheetAlreadyEntered(earlier.batch.name)
        try:
            with transaction.atomic():
                PaperSheet.objects.create(batch=batch, number=sheet_number)
        except IntegrityError:
            raise SheetAlreadyEntered(batch.name) from None
        return submit_response(
            wave=batch.wave,
            answers=answers,
            segments=segments,
            language=batch.language,
            paper_batch=batch,
        )
