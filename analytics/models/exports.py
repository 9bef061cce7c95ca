"""Files of raw responses or codebooks, built for staff."""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from analytics.exports.storage import export_root


class Export(models.Model):
    """One file of raw responses or a codebook, built by a Celery task for staff.

    The file lives in `PART_EXPORT_ROOT`, which is never served; only the download
    view hands it out, to staff allowed to export.
    """

    class Format(models.TextChoices):
        CSV = "csv", _("CSV table (.csv)")
        XLSX = "xlsx", _("Excel workbook (.xlsx)")
        SAV = "sav", _("SPSS data file (.sav)")
        CODEBOOK_HTML = "codebook_html", _("Codebook as a web page (.html)")
        CODEBOOK_PDF = "codebook_pdf", _("Codebook as PDF (.pdf)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    wave = models.ForeignKey(
        "surveys.Wave", on_delete=models.CASCADE, related_name="exports", verbose_name=_("wave")
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
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
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=255, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-requested_at", "-pk"]
        permissions = [
            ("export_responses", _("Can export raw responses")),
            ("view_field_monitor", _("Can see the field monitor's exact counts")),
            ("view_audit_log", _("Can view the audit log")),
        ]

    def __str__(self):
        return f"{self.wave} – {self.get_format_display()}"

    @property
    def percent_done(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(99, int(100 * self.rows_done / self.rows_total))


@receiver(post_delete, sender=Export)
def _delete_export_file(sender, instance, **kwargs):
    """Remove an export's file with its row, whoever deletes it (the retention command too)."""
    if instance.file_name:
        (export_root() / instance.file_name).unlink(missing_ok=True)
