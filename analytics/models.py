"""Public snapshots: the only thing dashboards and the public API ever read."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    """One complete, suppressed set of public figures for a wave.

    A refresh inserts a new version in one statement; readers take the newest, so a
    half-built snapshot is never visible and a killed worker leaves the old one.
    """

    wave = models.ForeignKey("surveys.Wave", on_delete=models.CASCADE, related_name="snapshots")
    version = models.PositiveIntegerField()
    built_at = models.DateTimeField(auto_now_add=True)
    response_count = models.PositiveIntegerField()
    last_response_id = models.BigIntegerField(default=0)
    min_cell_size = models.PositiveSmallIntegerField()
    data = models.JSONField()

    class Meta:
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")
        constraints = [
            models.UniqueConstraint(fields=["wave", "version"], name="unique_snapshot_version")
        ]
        ordering = ["-version"]

    def __str__(self):
        return f"{self.wave} v{self.version}"

    def question(self, key: str) -> dict | None:
        return next((q for q in self.data.get("questions", []) if q["key"] == key), None)
