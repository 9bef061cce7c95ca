"""Where young people stop: sent pages counted per wave and page, in aggregate."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.models.waves import Wave


class PageProgress(models.Model):
    """How many times a runner page of a wave was sent without errors, in aggregate.

    One counter per wave and page, and nothing else: no day, no token, no response, so
    the field monitor sees where young people stop without anyone being followed.
    Page 0 counts the surveys sent in full from the runner.
    """

    FINISHED = 0

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="page_progress", verbose_name=_("wave")
    )
    page = models.PositiveSmallIntegerField(_("page"))
    sent = models.PositiveIntegerField(_("sent"), default=0)

    class Meta:
        verbose_name = _("page progress")
        verbose_name_plural = _("page progress")
        constraints = [
            models.UniqueConstraint(fields=["wave", "page"], name="one_progress_row_per_page")
        ]

    def __str__(self):
        return f"{self.wave} · {self.page}: {self.sent}"
