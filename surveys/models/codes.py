"""Printed single-use access codes, their card orders, and sets of spent codes or tokens."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from surveys.models.waves import Wave


class SpentSet(models.Model):
    """A whole set of spent one-time things in one row: a wave's access codes, a day's tokens.

    Spending adds an entry under the row lock and writes the row again, sorted, so every
    entry carries the same transaction id and sits in the same place whatever its order
    of arrival. Nothing in the database then joins a spent code or token to the response
    it came with: not a transaction id, an id, a physical row order or a time. Entries are
    access code ids (scope: the wave id) or keyed digests of submission tokens (scope: the
    ISO day they were spent), each between newlines.
    """

    class Kind(models.TextChoices):
        CODES = "codes", _("spent access codes")
        TOKENS = "tokens", _("spent submission tokens")

    kind = models.CharField(max_length=8, choices=Kind.choices)
    scope = models.CharField(max_length=32)
    entries = models.TextField(default="\n")

    class Meta:
        verbose_name = _("set of spent codes or tokens")
        verbose_name_plural = _("sets of spent codes or tokens")
        constraints = [
            models.UniqueConstraint(fields=["kind", "scope"], name="one_spent_set_per_scope")
        ]

    def __str__(self):
        return f"{self.kind} {self.scope}"

    def __contains__(self, entry: str) -> bool:
        return f"\n{entry}\n" in self.entries


class CodeBatch(models.Model):
    """One order of code cards: a Celery task draws the codes and writes their PDF.

    The plain codes exist only in that PDF, which is handed out once and then deleted;
    the batch keeps how many cards were made, for whom and until when they are valid.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being made")
        READY = "ready", _("Ready to download")
        DOWNLOADED = "downloaded", _("Downloaded")
        FAILED = "failed", _("Failed")

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="code_batches", verbose_name=_("wave")
    )
    venue = models.CharField(_("venue"), max_length=100)
    language = models.CharField(_("second language"), max_length=16)
    count = models.PositiveIntegerField(_("number of codes"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    # Where the survey is answered, as the cards print it (e.g. https://part.example/).
    site_url = models.CharField(max_length=200)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    cards_done = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=255, blank=True)
    error = models.TextField(blank=True)
    downloaded_at = models.DateTimeField(_("downloaded"), null=True, blank=True)

    class Meta:
        verbose_name = _("code batch")
        verbose_name_plural = _("code batches")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"{self.wave} · {self.venue} ({self.count})"

    @property
    def is_building(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent_done(self) -> int:
        if self.status in (self.Status.READY, self.Status.DOWNLOADED):
            return 100
        return min(99, int(100 * self.cards_done / self.count)) if self.count else 0


class AccessCodeManager(models.Manager):
    def get_queryset(self):
        # A code is spent when its wave's spent set holds its id; the row itself never
        # changes when it is spent (see `SpentSet`).
        spent = SpentSet.objects.filter(
            kind=SpentSet.Kind.CODES,
            scope=Cast(OuterRef("wave_id"), models.CharField()),
            entries__contains=Concat(
                Value("\n"), Cast(OuterRef("pk"), models.CharField()), Value("\n")
            ),
        )
        return super().get_queryset().annotate(is_spent=Exists(spent))


class AccessCode(models.Model):
    """A printed single-use code for one wave, stored only as a keyed hash.

    Spending it adds its id to the wave's `SpentSet` and leaves this row untouched: no
    response, no time, no day, no transaction id, so a spent code cannot be matched with
    the answer it came with. `is_spent` is read from that set.
    """

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="access_codes", verbose_name=_("wave")
    )
    venue = models.CharField(
        _("venue"), max_length=100, help_text=_("Where the cards are handed out.")
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    batch = models.ForeignKey(
        CodeBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="codes",
        verbose_name=_("batch"),
    )
    # Copied from the batch, so spending reads one row.
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    created_on = models.DateField(_("created"), default=timezone.localdate, editable=False)

    objects = AccessCodeManager()

    class Meta:
        verbose_name = _("access code")
        verbose_name_plural = _("access codes")

    def __str__(self):
        return f"{self.wave} · {self.venue}"
