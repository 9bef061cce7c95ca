"""Celery entry point of exports: take an id, call the service, safe to run twice."""

from celery import shared_task
from django.conf import settings
from django.utils import translation

from analytics.exports import services
from analytics.models import Export


@shared_task(acks_late=True)
def build_export(export_id: int) -> None:
    """Build the file of one export."""
    export = Export.objects.select_related("wave").filter(pk=export_id).first()
    if export is None:
        return
    # Files are in the interface's first language, whoever runs the worker.
    with translation.override(settings.LANGUAGE_CODE):
        services.build_export(export=export)
