"""Files built for staff by a Celery task: asked for, built, downloaded, deleted with their row."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from analytics.exports.storage import export_root


class StaffFileJob(models.Model):
    """One file a staff member asked for, built by a Celery task: queued, running, done or failed.

    The file lives in `folder()`, below `PART_EXPORT_ROOT`, which is never served; only
    the kind's download view hands it out. `analytics.file_jobs` builds and deletes it.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    file_name = models.CharField(max_length=255, blank=True)
    error = models.TextField(blank=True)

    # The sub-folder of the export root this kind's files live in ("" for the root itself).
    file_folder = ""
    # The names of the fields that count the work done and the work to do.
    progress_fields = ("", "")

    class Meta:
        abstract = True
        ordering = ["-requested_at", "-pk"]

    @classmethod
    def folder(cls) -> Path:
        """Return the folder this kind's files live in; it is never served directly."""
        root = export_root() / cls.file_folder if cls.file_folder else export_root()
        root.mkdir(parents=True, exist_ok=True)
        return root

    @property
    def is_building(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def steps_done(self) -> int:
        return getattr(self, self.progress_fields[0])

    @property
    def steps_total(self) -> int:
        return getattr(self, self.progress_fields[1])

    @property
    def percent_done(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.steps_total:
            return 0
        return min(99, int(100 * self.steps_done / self.steps_total))

    def file_path(self) -> Path | None:
        """Return the finished file, or None while there is none (or no longer one)."""
        if self.status != self.Status.DONE or not self.file_name:
            return None
        path = self.folder() / self.file_name
        return path if path.is_file() else None

    # What the staff list shows under a file being built, and beside a finished one.
    progress_detail = ""
    done_detail = ""
