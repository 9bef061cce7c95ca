"""Writes of exports: ask for one, build it, hand it out."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from analytics import audit, file_jobs
from analytics.exports.codebook import ExportError, build_codebook
from analytics.exports.pdf import CodebookPdfWriter
from analytics.exports.rows import response_rows
from analytics.exports.writers import WRITERS
from analytics.models import Export
from surveys.models import Wave

DATA_FORMATS = {Export.Format.CSV, Export.Format.XLSX, Export.Format.SAV}


def request_export(*, wave: Wave, format: str, user) -> Export:
    """Record a staff member's export request and queue the task that builds the file."""
    from analytics.exports.tasks import build_export as build_export_task

    with transaction.atomic():
        export = Export.objects.create(
            wave=wave,
            format=format,
            requested_by=user,
            rows_total=wave.responses.count() if format in DATA_FORMATS else 0,
        )
        audit.record(
            export,
            audit.EXPORT_REQUESTED,
            user=user,
            wave=wave.slug,
            format=export.get_format_display(),
        )
        transaction.on_commit(lambda: build_export_task.delay(export.pk))
    return export


def build_export(*, export: Export) -> Export:
    """Write the export's file, reporting progress as rows are written."""
    if export.status == Export.Status.DONE:
        return export
    writer_class = CodebookPdfWriter if export.format == Export.Format.CODEBOOK_PDF else None
    writer_class = writer_class or WRITERS[export.format]

    def write(path):
        codebook = build_codebook(wave=export.wave)
        file_jobs.record_progress(export, total=codebook.response_count)
        writer = writer_class(path, codebook)
        if export.format in DATA_FORMATS:
            done = 0
            for rows in response_rows(codebook):
                writer.write(rows)
                done += len(rows)
                file_jobs.record_progress(export, done=done)
        writer.close()

    return file_jobs.build_job_file(
        export,
        name=file_jobs.file_name(export, prefix=export.wave.slug, suffix=writer_class.suffix),
        write=write,
        expected_errors=(ExportError,),
        failure_message=_(
            "The file could not be built. Please try again or tell your administrator."
        ),
    )


def record_download(*, export: Export, user) -> None:
    """Note in the audit log that a staff member downloaded an export."""
    audit.record(
        export,
        audit.EXPORT_DOWNLOADED,
        user=user,
        wave=export.wave.slug,
        format=export.get_format_display(),
    )


def export_retention_days() -> int:
    """Return how many days finished export files are kept (PART_EXPORT_RETENTION_DAYS)."""
    return int(getattr(settings, "PART_EXPORT_RETENTION_DAYS", 30))


def expired_exports(now):
    """Return the exports older than the retention period."""
    return Export.objects.filter(requested_at__lt=now - timedelta(days=export_retention_days()))


def purge_expired_exports(*, now=None, dry_run: bool = False) -> int:
    """Delete exports (file and row) older than the retention period; return how many."""
    expired = expired_exports(now or timezone.now())
    if dry_run:
        return expired.count()
    return file_jobs.delete_file_jobs(expired)
