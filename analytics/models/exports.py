"""Files of raw responses or codebooks, built for staff."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from analytics.models.file_jobs import StaffFileJob


class Export(StaffFileJob):
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

    wave = models.ForeignKey(
        "surveys.Wave", on_delete=models.CASCADE, related_name="exports", verbose_name=_("wave")
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)

    progress_fields = ("rows_done", "rows_total")

    class Meta(StaffFileJob.Meta):
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        permissions = [
            ("export_responses", _("Can export raw responses")),
            ("view_field_monitor", _("Can see the field monitor's exact counts")),
            ("view_audit_log", _("Can view the audit log")),
        ]

    def __str__(self):
        return f"{self.wave} – {self.get_format_display()}"

    @property
    def done_detail(self) -> str:
        if not self.rows_total:
            return ""
        return ngettext("%(rows)s row", "%(rows)s rows", self.rows_total) % {
            "rows": self.rows_total
        }
