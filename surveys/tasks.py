"""Celery entry points of the survey engine: take ids, call one service, safe to run twice."""

from celery import shared_task
from django.conf import settings
from django.utils import translation

from surveys.models import CodeBatch
from surveys.services import code_batches


@shared_task(acks_late=True)
def build_code_batch(batch_id: int) -> None:
    """Make the codes and the card sheet of one batch."""
    batch = CodeBatch.objects.select_related("wave", "requested_by").filter(pk=batch_id).first()
    if batch is None:
        return
    # The German lines are German whoever runs the worker; the second language is chosen.
    with translation.override(settings.LANGUAGE_CODE):
        code_batches.build_code_batch(batch=batch)
