"""Order code cards: a Celery task draws the codes and writes their PDF, handed out once."""

import logging
import secrets
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from surveys import codes, printouts
from surveys.models import AccessCode, CodeBatch, Wave
from surveys.services.access_codes import draw_codes, store_access_codes

logger = logging.getLogger(__name__)

# Audit actions, registered by analytics (surveys may not import it; see analytics.audit).
CODES_GENERATED = "part.codes_generated"
CODES_DOWNLOADED = "part.codes_downloaded"
# Progress is written after every this many cards: often enough to watch, rarely enough
# not to slow the drawing.
PROGRESS_EVERY = 50


class BatchNotReady(Exception):
    """The sheet was downloaded already, failed, or is still being made."""


def code_sheet_root() -> Path:
    """Return the folder code sheets wait in; it is never served directly."""
    root = Path(settings.PART_CODE_SHEET_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return root


def request_code_batch(
    *, wave: Wave, venue: str, count: int, language: str, site_url: str, user, expires_on=None
) -> CodeBatch:
    """Record an order of `count` code cards and queue the task that makes them."""
    from surveys.tasks import build_code_batch as build_code_batch_task

    with transaction.atomic():
        batch = CodeBatch.objects.create(
            wave=wave,
            venue=venue,
            count=count,
            language=language,
            expires_on=expires_on,
            site_url=site_url.rstrip("/"),
            requested_by=user,
        )
        transaction.on_commit(lambda: build_code_batch_task.delay(batch.pk))
    return batch


def _fresh_codes(count: int) -> list[str]:
    """Return `count` new codes none of which an older card carries."""
    plain = draw_codes(count)
    while True:
        digests = {codes.digest(codes.normalise(code)): code for code in plain}
        taken = set(
            AccessCode.objects.filter(digest__in=list(digests)).values_list("digest", flat=True)
        )
        if not taken:
            return plain
        kept = [code for digest, code in digests.items() if digest not in taken]
        plain = sorted(set(kept) | set(draw_codes(len(taken))))
        if len(plain) < count:
            plain = draw_codes(count)


def build_code_batch(*, batch: CodeBatch) -> CodeBatch:
    """Draw the batch's codes, write their PDF, then store their hashes: all or nothing.

    The hashes are stored in one transaction only once the PDF is complete, so a batch
    that fails leaves no code behind that nobody could ever print.
    """
    claimed = CodeBatch.objects.filter(
        pk=batch.pk, status__in=[CodeBatch.Status.QUEUED, CodeBatch.Status.RUNNING]
    ).update(status=CodeBatch.Status.RUNNING, cards_done=0, error="")
    if not claimed:
        batch.refresh_from_db()
        return batch
    name = f"{batch.wave.slug}-codes-{batch.pk}-{secrets.token_hex(8)}.pdf"
    final = code_sheet_root() / name
    partial = final.with_name(f".{name}.partial")

    def report(done: int) -> None:
        if done % PROGRESS_EVERY == 0 or done == batch.count:
            CodeBatch.objects.filter(pk=batch.pk).update(cards_done=done)

    try:
        plain = _fresh_codes(batch.count)
        survey_path = reverse("surveys:answer", args=[batch.wave.slug])
        code_address = batch.site_url.split("://", 1)[-1] + reverse("surveys:code")
        with partial.open("wb") as output:
            printouts.card_sheet(
                wave=batch.wave,
                venue=batch.venue,
                codes=plain,
                survey_url=batch.site_url + survey_path,
                code_url=code_address,
                language=batch.language,
                output=output,
                progress=report,
            )
        with transaction.atomic():
            locked = CodeBatch.objects.select_for_update().get(pk=batch.pk)
            if locked.status != CodeBatch.Status.RUNNING or locked.codes.exists():
                # Another run of this task finished first; its sheet is the one to keep.
                partial.unlink(missing_ok=True)
                return locked
            store_access_codes(
                wave=batch.wave,
                venue=batch.venue,
                plain=plain,
                batch=batch,
                expires_on=batch.expires_on,
            )
            partial.rename(final)
            CodeBatch.objects.filter(pk=batch.pk).update(
                status=CodeBatch.Status.READY, cards_done=batch.count, file_name=name
            )
            log(
                instance=batch.wave,
                action=CODES_GENERATED,
                user=batch.requested_by,
                data={"wave": batch.wave.slug, "count": batch.count, "venue": batch.venue},
            )
    except Exception:
        partial.unlink(missing_ok=True)
        final.unlink(missing_ok=True)
        logger.exception("Code batch %s failed", batch.pk)
        CodeBatch.objects.filter(pk=batch.pk).update(
            status=CodeBatch.Status.FAILED,
            file_name="",
            error=_(
                "The cards could not be made, so no codes were created. Please order them "
                "again; if it fails once more, tell your administrator."
            ),
        )
    batch.refresh_from_db()
    return batch


def hand_out_code_sheet(*, batch: CodeBatch, user):
    """Return the open PDF of a ready batch, once: its file is deleted as it is handed out.

    Of two clicks at once only one gets the file; the other raises `BatchNotReady`.
    The download is written to the audit log.
    """
    claimed = CodeBatch.objects.filter(pk=batch.pk, status=CodeBatch.Status.READY).update(
        status=CodeBatch.Status.DOWNLOADED, downloaded_at=timezone.now(), file_name=""
    )
    if not claimed:
        raise BatchNotReady
    path = code_sheet_root() / batch.file_name
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise BatchNotReady from None
    # Gone from the folder at once; the open handle still reads it to the end.
    path.unlink(missing_ok=True)
    log(
        instance=batch.wave,
        action=CODES_DOWNLOADED,
        user=user,
        data={"wave": batch.wave.slug, "count": batch.count, "venue": batch.venue},
    )
    return handle


def discard_unclaimed_code_sheets(*, batches) -> int:
    """Take never-downloaded sheets and their codes with card orders about to be deleted.

    Call it just before `batches` (a queryset of `CodeBatch`) is deleted, inside the same
    transaction: nobody can print an unclaimed sheet's codes once its order is gone, so
    its unspent codes go now and its file once the deletion is committed. Returns how
    many sheets were unclaimed.
    """
    unclaimed = list(batches.filter(status=CodeBatch.Status.READY).values_list("pk", "file_name"))
    AccessCode.objects.filter(batch__in=[pk for pk, _name in unclaimed], is_spent=False).delete()
    paths = [code_sheet_root() / name for _pk, name in unclaimed if name]

    def remove_files() -> None:
        for path in paths:
            path.unlink(missing_ok=True)

    transaction.on_commit(remove_files)
    return len(unclaimed)
