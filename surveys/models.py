"""Questionnaires, waves and anonymous responses.

A `Questionnaire` row is one version: once it has answers its questions and options
are frozen, and a change becomes a new version with the same `key`. A `Response`
never holds anything that could identify the person who gave it.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel


class Segment(models.TextChoices):
    """Breakdown dimensions a question can feed; dashboards split results by them."""

    QUARTER = "quarter", _("Quarter")
    AGE_BAND = "age_band", _("Age band")
    GENDER = "gender", _("Gender")
    HOME_LANGUAGE = "home_language", _("Language spoken at home")


class Questionnaire(ClusterableModel):
    key = models.SlugField(
        _("key"), help_text=_("Stays the same across versions, e.g. 'quartier-check'.")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("intro"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
    ]

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="unique_questionnaire_version")
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"


class Question(ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE_CHOICE = "single_choice", _("Single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        AGREEMENT = "agreement", _("Agreement item (5 points)")
        SCALE_0_10 = "scale_0_10", _("Scale from 0 to 10")
        NUMBER = "number", _("Number")
        YES_NO = "yes_no", _("Yes or no")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"), help_text=_("Variable name in results and exports; never changes once answered.")
    )
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("hint"), max_length=500, blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    allows_decline = models.BooleanField(
        _("offer “prefer not to say”"),
        default=False,
        help_text=_("Counted apart from the answers, never as a value."),
    )
    segment = models.CharField(
        _("breakdown dimension"), max_length=32, choices=Segment.choices, blank=True
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("text"), FieldPanel("key"), FieldPanel("help_text")],
            heading=_("Question"),
        ),
        FieldPanel("kind"),
        FieldPanel("is_required"),
        FieldPanel("segment"),
        InlinePanel("options", heading=_("Answer options"), label=_("Option")),
    ]

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "key"], name="unique_question_key")
        ]

    def __str__(self):
        return self.text

    @property
    def has_options(self) -> bool:
        return self.kind in (
            self.Kind.SINGLE_CHOICE,
            self.Kind.MULTIPLE_CHOICE,
            self.Kind.AGREEMENT,
            self.Kind.YES_NO,
        )

    @property
    def is_numeric(self) -> bool:
        return self.kind in (self.Kind.SCALE_0_10, self.Kind.NUMBER)

    @property
    def is_free_text(self) -> bool:
        return self.kind in (self.Kind.SHORT_TEXT, self.Kind.LONG_TEXT)


class Option(models.Model):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    value = models.SlugField(_("code"), help_text=_("Stored code, e.g. 'altenhagen' or '4'."))
    label = models.CharField(_("label"), max_length=200)
    score = models.SmallIntegerField(
        _("score"), null=True, blank=True, help_text=_("Points for agreement items, 1 to 5.")
    )

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="unique_option_value")
        ]

    def __str__(self):
        return self.label


class Scale(ClusterableModel):
    """A scored scale: items of one questionnaire combined into one score per response."""

    class Scoring(models.TextChoices):
        SUM = "sum", _("Sum of the items")
        MEAN = "mean", _("Mean of the items")
        LOOKUP = "lookup", _("Sum converted through a lookup table")

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="scales")
    key = models.SlugField(_("key"))
    name = models.CharField(_("name"), max_length=200)
    scoring = models.CharField(
        _("scoring"), max_length=16, choices=Scoring.choices, default=Scoring.MEAN
    )
    min_answered = models.PositiveSmallIntegerField(
        _("minimum answered items"),
        default=1,
        help_text=_("A response with fewer answered items gets no score."),
    )
    lookup = models.JSONField(
        _("lookup table"),
        default=dict,
        blank=True,
        help_text=_("Raw sum → score, for scoring through a lookup table."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("scoring"),
        FieldPanel("min_answered"),
        FieldPanel("lookup"),
        InlinePanel("items", heading=_("Items"), label=_("Item")),
    ]

    class Meta:
        verbose_name = _("scale")
        verbose_name_plural = _("scales")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "key"], name="unique_scale_key")
        ]

    def __str__(self):
        return self.name


class ScaleItem(models.Model):
    scale = ParentalKey(Scale, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="scale_items", verbose_name=_("question")
    )
    is_reversed = models.BooleanField(_("reverse scored"), default=False)
    subscale = models.SlugField(_("subscale"), blank=True)

    panels = [FieldPanel("question"), FieldPanel("is_reversed"), FieldPanel("subscale")]

    class Meta:
        verbose_name = _("scale item")
        verbose_name_plural = _("scale items")
        constraints = [
            models.UniqueConstraint(fields=["scale", "question"], name="unique_scale_item")
        ]

    def __str__(self):
        return f"{self.scale}: {self.question}"


class Wave(models.Model):
    class ResultsPolicy(models.TextChoices):
        LIVE = "live", _("Public while the wave runs")
        AFTER_CLOSE = "after_close", _("Public only after the wave has closed")

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.PROTECT,
        related_name="waves",
        verbose_name=_("questionnaire"),
    )
    slug = models.SlugField(
        _("address"), unique=True, help_text=_("The survey is answered at /s/…/.")
    )
    title = models.CharField(_("title"), max_length=200)
    label = models.CharField(
        _("label"),
        max_length=100,
        blank=True,
        help_text=_("For example 'before' or 'Spring 2027'."),
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    results_policy = models.CharField(
        _("results"), max_length=16, choices=ResultsPolicy.choices, default=ResultsPolicy.LIVE
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("label"),
        FieldPanel("questionnaire"),
        FieldPanel("opens_at"),
        FieldPanel("closes_at"),
        FieldPanel("results_policy"),
    ]

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("wave")
        verbose_name_plural = _("waves")

    def __str__(self):
        return f"{self.title} ({self.label})" if self.label else self.title

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at and (self.closes_at is None or at < self.closes_at)

    def has_closed(self, at=None) -> bool:
        at = at or timezone.now()
        return self.closes_at is not None and self.closes_at <= at

    def results_are_public(self, at=None) -> bool:
        return self.results_policy == self.ResultsPolicy.LIVE or self.has_closed(at)


class Response(models.Model):
    """One anonymous submission: the wave, the version, the language and the day only."""

    wave = models.ForeignKey(Wave, on_delete=models.PROTECT, related_name="responses")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="responses"
    )
    language = models.CharField(max_length=16)
    day = models.DateField()
    # Copied from the segment questions' answers so breakdowns are one GROUP BY.
    quarter = models.CharField(max_length=64, blank=True)
    age_band = models.CharField(max_length=64, blank=True)
    gender = models.CharField(max_length=64, blank=True)
    home_language = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["wave", "id"], name="response_wave_id")]

    def __str__(self):
        return f"#{self.pk} ({self.wave_id}, {self.day})"


class Answer(models.Model):
    """One answer to one question; a multiple-choice question has one row per chosen option.

    Exactly one of `option`, `number`, `text` holds the answer, or `declined` says the
    person chose "prefer not to say" (counted apart, never as a value).
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    option = models.ForeignKey(
        Option, on_delete=models.PROTECT, null=True, blank=True, related_name="answers"
    )
    number = models.FloatField(null=True, blank=True)
    text = models.TextField(blank=True)
    declined = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question", "option"], name="answer_question_option")]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or self.number}"
