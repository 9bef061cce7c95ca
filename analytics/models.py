"""Public snapshots: the only thing dashboards and the public API ever read."""

from functools import cached_property

from django.db import models
from django.utils.translation import gettext_lazy as _

from analytics.snapshot_schema import SnapshotFigures, parse


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

    def question(self, key: str) -> dict | None:
        return next((q for q in self.data.get("questions", []) if q["key"] == key), None)

    def scale(self, key: str) -> dict | None:
        return next((s for s in self.data.get("scales", []) if s["key"] == key), None)


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

    def question(self, key: str) -> dict | None:
        return next((q for q in self.data.get("questions", []) if q["key"] == key), None)


# Staff data tools (exports, moderation, safeguarding) below; imported here, not at the
# top, to keep this block apart from the snapshot code above.
from django.conf import settings  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402
from django.db.models.signals import post_delete  # noqa: E402
from django.dispatch import receiver  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.admin.panels import FieldPanel  # noqa: E402
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting  # noqa: E402

from surveys.models import Translatable  # noqa: E402
from surveys.translation import translatable_form, translation_panels  # noqa: E402


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


class Quote(models.Model):
    """A moderator's decision on one free-text answer; only approved text may be public.

    An approved, redacted quote outlives the raw answer it came from when raw responses
    are purged. The link has no database constraint and asks nothing of a deletion:
    with SET_NULL, Django loaded every answer into memory to delete a wave's responses
    (10 GB at a million); now answers are still deleted in one statement, and a
    quote's answer may be gone (`quote.answer` then raises DoesNotExist).
    """

    class Status(models.TextChoices):
        APPROVED = "approved", _("Approved for publication")
        REJECTED = "rejected", _("Not published")
        SAFEGUARDING = "safeguarding", _("Safeguarding concern")

    answer = models.OneToOneField(
        "surveys.Answer",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="moderation",
        verbose_name=_("answer"),
    )
    wave = models.ForeignKey(
        "surveys.Wave", on_delete=models.CASCADE, related_name="quotes", verbose_name=_("wave")
    )
    question_key = models.SlugField(_("question"), max_length=50)
    status = models.CharField(_("decision"), max_length=16, choices=Status.choices)
    text = models.TextField(_("published text"), blank=True)
    note = models.TextField(_("internal note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), auto_now=True)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["-decided_at", "-pk"]
        permissions = [
            ("moderate_quotes", _("Can moderate free-text answers")),
            ("mark_safeguarding_concerns", _("Can mark safeguarding concerns")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="approved") | ~models.Q(text=""),
                name="approved_quote_has_text",
            )
        ]

    def __str__(self):
        return self.text[:60] or self.get_status_display()


class SafeguardingRule(models.Model):
    """An answer that makes the thank-you page show extra help; nothing records for whom."""

    class Kind(models.TextChoices):
        AT_MOST = "at_most", _("A number or score at or below the threshold")
        WORDS = "words", _("Free text containing one of the words")

    question = models.ForeignKey(
        "surveys.Question",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("question"),
        help_text=_(
            "The rule also applies to later versions of the questionnaire. Without a "
            "question, a word rule applies to every free-text answer."
        ),
    )
    kind = models.CharField(_("when"), max_length=16, choices=Kind.choices)
    threshold = models.FloatField(
        _("threshold"),
        null=True,
        blank=True,
        help_text=_("For example 3 on a scale from 0 to 10, or 2 for an agreement item."),
    )
    words = models.TextField(
        _("words"), blank=True, help_text=_("One word or phrase per line; case does not matter.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("safeguarding rule")
        verbose_name_plural = _("safeguarding rules")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="at_most") | models.Q(threshold__isnull=False),
                name="at_most_rule_has_threshold",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="words") | ~models.Q(words=""),
                name="words_rule_has_words",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="at_most") | models.Q(question__isnull=False),
                name="at_most_rule_has_question",
            ),
        ]

    def __str__(self):
        question = self.question.text if self.question else _("Every free-text answer")
        return f"{question}: {self.get_kind_display()}"

    def clean(self):
        if self.kind == self.Kind.AT_MOST and self.question_id is None:
            raise ValidationError({"question": _("Please choose the question this rule reads.")})
        if self.kind == self.Kind.AT_MOST and self.threshold is None:
            raise ValidationError({"threshold": _("Please enter the threshold for this rule.")})
        if self.kind == self.Kind.WORDS and not self.words.strip():
            raise ValidationError({"words": _("Please enter at least one word.")})


@register_setting(icon="help")
class SafeguardingHelp(Translatable, BaseGenericSetting):
    """Who the thank-you page points to when an answer matches a safeguarding rule.

    Written in German, with the same text in any other language of the site beside it,
    since the thank-you page speaks the language the survey was answered in.
    """

    counselling = models.TextField(
        _("local counselling"),
        blank=True,
        help_text=_(
            "Counselling services in Hagen young people can go to, with how to reach them."
        ),
    )
    project_contact = models.TextField(
        _("the project's contact"),
        blank=True,
        help_text=_("How young people reach the project team, e.g. phone, e-mail, opening hours."),
    )

    translatable_fields = ("counselling", "project_contact")
    base_form_class = translatable_form(translatable_fields)

    panels = [
        FieldPanel("counselling"),
        FieldPanel("project_contact"),
        *translation_panels(translatable_fields),
    ]

    class Meta:
        verbose_name = _("extra help after the survey")


class SafeguardingConcern(models.Model):
    """An answer that may mean a young person is in danger, waiting for a staff member.

    Found by a safeguarding rule or marked by a moderator. It records the day it was
    found and who handled it on which day; like a quote, it outlives a purged answer.
    """

    class Source(models.TextChoices):
        RULE = "rule", _("Found by a safeguarding rule")
        MODERATOR = "moderator", _("Marked by a moderator")

    answer = models.OneToOneField(
        "surveys.Answer",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="concern",
        verbose_name=_("answer"),
    )
    wave = models.ForeignKey(
        "surveys.Wave", on_delete=models.CASCADE, related_name="+", verbose_name=_("wave")
    )
    source = models.CharField(_("found"), max_length=16, choices=Source.choices)
    found_on = models.DateField(_("found on"), default=timezone.localdate)
    note = models.TextField(_("internal note"), blank=True)
    is_notified = models.BooleanField(_("staff notified"), default=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_on = models.DateField(_("handled on"), null=True, blank=True)

    class Meta:
        verbose_name = _("safeguarding concern")
        verbose_name_plural = _("safeguarding concerns")
        ordering = ["handled_on", "-found_on", "-pk"]
        permissions = [("handle_safeguarding", _("Can receive and handle safeguarding concerns"))]

    def __str__(self):
        return f"{self.get_source_display()} ({self.found_on})"

    @property
    def answer_shown(self) -> tuple[str, str]:
        """Return the question and the answer as staff read them, or blanks once purged."""
        from surveys.models import Answer

        try:
            answer = self.answer
        except Answer.DoesNotExist:
            return "", ""
        if answer is None:
            return "", ""
        if answer.text:
            value = answer.text
        elif answer.option_id is not None:
            value = answer.option.label
        else:
            value = "" if answer.number is None else f"{answer.number:g}"
        return answer.question.text, value


class SafeguardingScan(models.Model):
    """How far the answers of a wave have been read for safeguarding concerns."""

    wave = models.OneToOneField(
        "surveys.Wave", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    last_answer_id = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("safeguarding check")
        verbose_name_plural = _("safeguarding checks")

    def __str__(self):
        return f"{self.wave_id}: {self.last_answer_id}"


@register_setting(icon="user")
class WatchedNames(BaseGenericSetting):
    """Names the moderation looks for in every free-text answer, kept by the staff."""

    names = models.TextField(
        _("names"),
        blank=True,
        help_text=_(
            "One name per line, e.g. of young people, staff or teachers the team knows. "
            "Moderation marks each of them in every free-text answer."
        ),
    )

    class Meta:
        verbose_name = _("names to look for in free text")

    @property
    def name_list(self) -> list[str]:
        return [line.strip() for line in self.names.splitlines() if line.strip()]


@receiver(post_delete, sender=Export)
def _delete_export_file(sender, instance, **kwargs):
    """Remove an export's file with its row, whoever deletes it (the retention command too)."""
    if instance.file_name:
        from analytics.exports.services import export_root

        (export_root() / instance.file_name).unlink(missing_ok=True)
