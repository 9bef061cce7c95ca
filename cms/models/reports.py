"""Printed reports: a PDF of a dashboard or of a wave, built by a Celery task for staff."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from analytics.models.file_jobs import StaffFileJob


class Report(StaffFileJob):
    """One PDF report of a dashboard or a wave, in one language, from published figures only.

    The file lives beside the exports (never served directly); staff download it, and
    anyone may download the newest finished report of a live public dashboard.
    """

    dashboard = models.ForeignKey(
        "cms.DashboardPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("dashboard"),
    )
    wave = models.ForeignKey(
        "surveys.Wave",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wave"),
    )
    language = models.CharField(_("language"), max_length=16, choices=settings.LANGUAGES)
    charts_total = models.PositiveIntegerField(default=0)
    charts_done = models.PositiveIntegerField(default=0)
    # Built from a live dashboard open to everyone: the public may download it.
    is_public = models.BooleanField(default=False)

    file_folder = "reports"
    progress_fields = ("charts_done", "charts_total")

    class Meta(StaffFileJob.Meta):
        verbose_name = _("printed report")
        verbose_name_plural = _("printed reports")
        permissions = [("build_reports", _("Can build printed reports"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dashboard__isnull=True) ^ models.Q(wave__isnull=True),
                name="report_of_a_dashboard_or_a_wave",
            )
        ]

    def __str__(self):
        return str(self.dashboard or self.wave)

    @property
    def progress_detail(self) -> str:
        if not self.charts_total:
            return ""
        return gettext("%(done)s of %(total)s charts drawn") % {
            "done": self.charts_done,
            "total": self.charts_total,
        }
