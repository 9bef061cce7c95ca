"""Writes of the files staff ask for (exports, printed reports): build one, delete them.

A file job is queued, then running, then done or failed; its file is written under a
hidden partial name and renamed when complete, so a download never meets half a file.
Files go only when their rows are deleted through `delete_file_jobs` or
`discard_job_files`: retention and the admin's delete paths call them, nothing else.
"""

import logging
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from analytics.models.file_jobs import StaffFileJob

logger = logging.getLogger(__name__)


def file_name(job: StaffFileJob, *, prefix: str, suffix: str) -> str:
    """Return a new file name for a job that nobody can guess from its id."""
    return f"{prefix}-{job.pk}-{secrets.token_hex(8)}.{suffix}"


def record_progress(job: StaffFileJob, *, done: int | None = None, total: int | None = None):
    """Store how much of a job's work is done and how much there is, for its progress bar."""
    changes = {}
    done_field, total_field = job.progress_fields
    if done is not None:
        changes[done_field] = done
    if total is not None:
        changes[total_field] = total
    type(job).objects.filter(pk=job.pk).update(**changes)


def build_job_file(
    job: StaffFileJob,
    *,
    name: str,
    write: Callable[[Path], None],
    expected_errors: tuple[type[Exception], ...],
    failure_message: str,
    **done_changes,
) -> StaffFileJob:
    """Run `write(partial_path)` for a job and mark it done or failed.

    An expected error fails the job with its own message; any other fails it with
    `failure_message` (the details go to the log) and is raised again for the task.
    `done_changes` are stored with the finished job.
    """
    model = type(job)
    model.objects.filter(pk=job.pk).update(
        status=model.Status.RUNNING, **{job.progress_fields[0]: 0}
    )
    final = job.folder() / name
    partial = final.with_name(f".{name}.partial")
    try:
        write(partial)
        partial.rename(final)
    except expected_errors as error:
        partial.unlink(missing_ok=True)
        return finish_job(job, status=model.Status.FAILED, error=str(error))
    except Exception:
        partial.unlink(missing_ok=True)
        logger.exception("%s %s failed", model.__name__, job.pk)
        finish_job(job, status=model.Status.FAILED, error=failure_message)
        raise
    return finish_job(job, status=model.Status.DONE, file_name=name, **done_changes)


def finish_job(job: StaffFileJob, **changes) -> StaffFileJob:
    """Store how a job ended, with the time, and return it fresh from the database."""
    type(job).objects.filter(pk=job.pk).update(finished_at=timezone.now(), **changes)
    job.refresh_from_db()
    return job


def discard_job_files(jobs: QuerySet) -> int:
    """Take the files of jobs about to be deleted; return how many there were.

    Call it inside the transaction that deletes `jobs` (a queryset of one kind of file
    job), just before: the files go once the deletion is committed, so a deletion that
    is rolled back keeps them.
    """
    paths = files_of(jobs)
    transaction.on_commit(lambda: remove_files(paths))
    return len(paths)


def files_of(jobs: QuerySet) -> list[Path]:
    """Return where the files of `jobs` (a queryset of one kind of file job) are."""
    names = jobs.exclude(file_name="").values_list("file_name", flat=True)
    return [jobs.model.folder() / name for name in names]


def remove_files(paths: Iterable[Path]) -> None:
    """Remove the files of deleted jobs; one already gone is no error."""
    for path in paths:
        path.unlink(missing_ok=True)


@transaction.atomic
def delete_file_jobs(jobs: QuerySet) -> int:
    """Delete file jobs with their files; return how many jobs were deleted."""
    discard_job_files(jobs)
    return jobs.delete()[1].get(jobs.model._meta.label, 0)
