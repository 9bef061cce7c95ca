"""Printed reports: a PDF of a dashboard or of a wave, built by a Celery task for staff."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """One PDF report of a dashboard or a wave, in one language, from published figures only.

    The file lives beside the exports (never served directly); staff download it, and
    anyone may download the newest finished report of a live public dashboard.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

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
    charts_total = models.PositiveIntegerField(default=0)
    charts_done = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=255, blank=True)
    error = models.TextField(blank=True)
    # Built from a live dashboard open to everyone: the public may download it.
    is_public = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("printed report")
        verbose_name_plural = _("printed reports")
        ordering = ["-requested_at", "-pk"]
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
    def percent_done(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.charts_total:
            return 0
        return min(99, int(100 * self.charts_done / self.charts_total))
