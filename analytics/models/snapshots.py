"""Public snapshots: the only thing dashboards and the public API ever read.

With them the aggregate cells and the comparisons of two waves they are built from.
"""

from functools import cached_property

from django.db import models
from django.utils.translation import gettext_lazy as _

from analytics.snapshot_schema import ComparisonFigures, SnapshotFigures, parse, parse_comparison


class Snapshot(models.Model):
    """One complete, suppressed set of public figures for a wave.

    A refresh inserts a new version in one statement; readers take the newest, so a
    half-built snapshot is never visible and a killed worker leaves the old one.
    """

    wave = models.ForeignKey("surveys.Wave", on_delete=models.CASCADE, related_name="snapshots")
    version = models.PositiveIntegerField()
    # Rounded down to the hour (services/snapshots.py): it dates the newest responses
    # no more finely than the publication cadence already does.
    built_at = models.DateTimeField()
    # The true number of responses counted in, for the publication rule; never public
    # (the published one, perturbed, is data["response_count"]).
    response_count = models.PositiveIntegerField()
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

    @cached_property
    def figures(self) -> SnapshotFigures:
        """Return the stored figures, typed and upgraded to the newest layout (parsed once)."""
        return parse(self.data)


class AggregateCell(models.Model):
    """A mergeable partial count of one wave at the finest grain the snapshots need.

    A cell counts responses (kind RESPONSES), answers to one option or number
    (ANSWERS), respondents of a question (RESPONDENTS: answered or declined) or scale
    scores (SCALE_SCORES: one raw sum and number of answered items) within one
    combination of the four segments. Cells of one key may repeat: a refresh appends
    the counts of new responses and every reader sums them, so merging 100 new
    responses never touches the million counted before.
    """

    class Kind(models.IntegerChoices):
        RESPONSES = 1
        ANSWERS = 2
        RESPONDENTS = 3
        SCALE_SCORES = 4

    wave = models.ForeignKey("surveys.Wave", on_delete=models.CASCADE, related_name="+")
    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    # Question id (ANSWERS, RESPONDENTS) or scale id (SCALE_SCORES); 0 for RESPONSES.
    item_id = models.BigIntegerField(default=0)
    subscale = models.CharField(max_length=50, blank=True)
    option_id = models.BigIntegerField(default=0)
    value = models.FloatField(null=True)
    items = models.PositiveSmallIntegerField(default=0)
    declined = models.BooleanField(default=False)
    quarter = models.CharField(max_length=64, blank=True)
    age_band = models.CharField(max_length=64, blank=True)
    gender = models.CharField(max_length=64, blank=True)
    home_language = models.CharField(max_length=64, blank=True)
    # The sum of the counted responses' record keys: adds up like the count, and gives
    # the cell key of the published figure (analytics/perturbation.py).
    key_sum = models.BigIntegerField(default=0)
    count = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["wave", "kind"], name="aggregate_cell_wave_kind")]

    def __str__(self):
        return f"{self.wave_id}/{self.kind}/{self.item_id}: {self.count}"


class AggregateState(models.Model):
    """How far the partial counts of a wave reach, and whether a refresh is queued."""

    wave = models.OneToOneField(
        "surveys.Wave", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    last_response_id = models.BigIntegerField(default=0)
    response_count = models.BigIntegerField(default=0)
    refresh_queued_at = models.DateTimeField(null=True, blank=True)
    # Set when the retention rules deleted the raw responses: the counts here are then
    # all that is left of them, so they are never forgotten or counted again.
    responses_purged_on = models.DateField(null=True, blank=True)
    # The publication rule (services/snapshots.py): when the newest public version with
    # figures was published, and how many responses it held. Staff-side only.
    published_at = models.DateTimeField(null=True, blank=True)
    published_count = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.wave_id}: {self.response_count} up to #{self.last_response_id}"


class AggregateRollup(models.Model):
    """The counted cells of a wave summed into every group a snapshot publishes.

    One row per wave: the cells of AggregateCell rolled up to everyone and to each
    breakdown (services/aggregation.py), so a refresh after a few new responses adds
    their roll-up here and builds the figures from it, without reading every cell.
    """

    wave = models.OneToOneField(
        "surveys.Wave", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # [kind, item, subscale, option, value, items, declined, grouping, *group key,
    # count, key sum] for every rolled-up cell, as JSON compressed with zlib: a fifth
    # of the size, which the refresh writes anew every time.
    packed_cells = models.BinaryField(default=b"")
    # How many AggregateCell rows the wave had after the last compaction, and since.
    compacted_rows = models.BigIntegerField(default=0)
    stored_rows = models.BigIntegerField(default=0)
    # Raised by database triggers (migration 0012) whenever a response of the wave,
    # or an answer of one, is deleted or changed; changes_seen is its value at the
    # last count, so a refresh knows when to compare every response with the counts.
    responses_changed = models.BigIntegerField(default=0)
    changes_seen = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.wave_id}: {len(self.packed_cells)} bytes of rolled-up cells"


class ComparisonSnapshot(models.Model):
    """The stored, suppressed comparison of two waves of one questionnaire."""

    wave_before = models.ForeignKey(
        "surveys.Wave", on_delete=models.CASCADE, related_name="comparisons_as_before"
    )
    wave_after = models.ForeignKey(
        "surveys.Wave", on_delete=models.CASCADE, related_name="comparisons_as_after"
    )
    version = models.PositiveIntegerField()
    built_at = models.DateTimeField(auto_now_add=True)
    min_cell_size = models.PositiveSmallIntegerField()
    data = models.JSONField()

    class Meta:
        verbose_name = _("wave comparison")
        verbose_name_plural = _("wave comparisons")
        constraints = [
            models.UniqueConstraint(
                fields=["wave_before", "wave_after", "version"],
                name="unique_comparison_version",
            )
        ]
        ordering = ["-version"]

    def __str__(self):
        return f"{self.wave_before} → {self.wave_after} v{self.version}"

    @cached_property
    def figures(self) -> ComparisonFigures:
        """Return the stored changes, typed (parsed once)."""
        return parse_comparison(self.data)
