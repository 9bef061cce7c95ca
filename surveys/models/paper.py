"""Paper questionnaires typed in by staff, batch by batch and sheet by sheet."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.models.waves import Wave


class PaperBatch(models.Model):
    """A stack of paper questionnaires typed in by staff: what, when and by whom.

    Its responses record only that they came from paper and from this batch.
    """

    wave = models.ForeignKey(
        Wave, on_delete=models.PROTECT, related_name="paper_batches", verbose_name=_("wave")
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("For example “Jugendtreff Altenhagen, Ferienprogramm”."),
    )
    collected_on = models.DateField(
        _("filled in on"), help_text=_("The day the sheets were filled in; stored as their day.")
    )
    language = models.CharField(_("language of the sheets"), max_length=16, default="de")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("typed in by"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)

    class Meta:
        verbose_name = _("paper batch")
        verbose_name_plural = _("paper batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.collected_on:%d.%m.%Y})"


class PaperSheet(models.Model):
    """A sheet number typed in for a batch, so one sheet cannot be typed twice.

    Deliberately unlinked from the response it came with (a sheet carries its answers anyway).
    """

    batch = models.ForeignKey(PaperBatch, on_delete=models.CASCADE, related_name="sheets")
    number = models.PositiveIntegerField(_("sheet number"))

    class Meta:
        verbose_name = _("paper sheet")
        verbose_name_plural = _("paper sheets")
        constraints = [
            models.UniqueConstraint(fields=["batch", "number"], name="unique_paper_sheet_number")
        ]

    def __str__(self):
        return f"{self.batch} #{self.number}"
