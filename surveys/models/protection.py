"""Counters that guard the survey against bursts and guessing, shared by every process."""

from django.db import models


class ProtectionCounter(models.Model):
    """One burst or guessing counter, where every web process sees it.

    Used when there is no Redis (the embedded default) and while Redis is unreachable
    (see `surveys.counters`). The name holds a daily keyed hash of a device or a wave
    id and a time window, never an address; rows go once their window has passed.
    """

    name = models.CharField(max_length=150, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.name}: {self.count}"
