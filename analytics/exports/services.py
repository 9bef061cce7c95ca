"""Writes of exports: ask for one, build it, hand it out."""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from analytics import audit
from analytics.exports.codebook import ExportError, build_codebook
from analytics.exports.pdf import CodebookPdfWriter
from analytics.exports.rows import response_rows
from analytics.exports.storage import export_root
from analytics.exports.writers import WRITERS
from analytics.models import Export
from surveys.models import Wave

logger = logging.getLogger(__name__)

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
    Export.objects.filter(pk=export.pk).update(status=Export.Status.RUNNING, rows_done=0)
    writer_class = CodebookPdfWriter if export.format == Export.Format.CODEBOOK_PDF else None
    writer_class = writer_class or WRITERS[export.format]
    name = f"{export.wave.slug}-{export.pk}-{secrets.token_hex(8)}.{writer_class.suffix}"
    final = export_root() / name
    partial = final.with_name(f".{name}.partial")
    try:
        codebook = build_codebook(wave=export.wave)
        Export.objects.filter(pk=export.pk).update(rows_total=codebook.response_count)
        writer = writer_class(partial, codebook)
        if export.format in DATA_FORMATS:
            done = 0
            for rows in response_rows(codebook):
                writer.write(rows)
                done += len(rows)
                Export.objects.filter(pk=export.pk).update(rows_done=done)
        writer.close()
        partial.rename(final)
    except ExportError as error:
        partial.unlink(missing_ok=True)
        return _finish(export, status=Export.Status.FAILED, error=str(error))
    except Exception:
        partial.unlink(missing_ok=True)
        logger.exception("Export %s failed", export.pk)
        _finish(
            export,
            status=Export.Status.FAILED,
            error=_("The file could not be built. Please try again or tell your administrator."),
        )
        raise
    return _finish(export, status=Export.Status.DONE, file_name=name)


def _finish(export: Export, **changes) -> Export:
    Export.objects.filter(pk=export.pk).update(finished_at=timezone.now(), **changes)
    export.refresh_from_db()
    return export


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
    """Return the exports older than the retention period (their files go with them)."""
    return Export.objects.filter(requested_at__lt=now - timedelta(days=export_retention_days()))


def purge_expired_exports(*, now=None, dry_run: bool = False) -> int:
    """Delete exports (file and row) older than the retention period; return how many."""
    expired = expired_exports(now or timezone.now())
    if dry_run:
        return expired.count()
    return expired.delete()[1].get(Export._meta.label, 0)
