"""Questionnaires: versions, their pages, questions, options and scored scales.

A `Questionnaire` row is one version: once it has answers its questions and options
are frozen, and a change becomes a new version with the same `key`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from surveys.translation import (
    FoldedPanel,
    TranslatedInlinePanel,
    translatable_form,
    translation_panels,
    wording,
)


class Segment(models.TextChoices):
    """Breakdown dimensions a question can feed; dashboards split results by them."""

    QUARTER = "quarter", _("Quarter")
    AGE_BAND = "age_band", _("Age band")
    GENDER = "gender", _("Gender")
    HOME_LANGUAGE = "home_language", _("Language spoken at home")


class Translatable(models.Model):
    """Text in German (the model's own fields) and in any other language of the site.

    `translations` maps a language code to {field name: text}; a missing text falls back
    to German, so a questionnaire works as soon as its German wording is in place.
    """

    translatable_fields: tuple[str, ...] = ()

    translations = models.JSONField(_("translations"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def translated(self, field: str, language: str | None = None) -> str:
        """Return `field` in `language` (the active one by default), else in German."""
        return wording(self, field, language or get_language() or settings.LANGUAGE_CODE) or (
            getattr(self, field)
        )


class Condition(models.TextChoices):
    """How an earlier answer is compared with a value to show a question or a page."""

    EQUALS = "equals", _("equals")
    INCLUDES = "includes", _("includes (multiple choice)")
    ABOVE = "above", _("is above")
    BELOW = "below", _("is below")


def condition_fields():
    """Return the three fields of a "show only if" rule, for pages and questions alike."""
    return (
        models.SlugField(
            _("show only if the answer to"),
            blank=True,
            help_text=_("Key of an earlier question. Leave empty to always show."),
        ),
        models.CharField(_("rule"), max_length=16, choices=Condition.choices, blank=True),
        models.CharField(
            _("value"),
            max_length=100,
            blank=True,
            help_text=_("An option code (e.g. 'altenhagen' or 'yes') or a number."),
        ),
    )


class Questionnaire(Translatable, ClusterableModel):
    key = models.SlugField(
        _("key"), help_text=_("Stays the same across versions, e.g. 'quartier-check'.")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Bumped by every edit, so a cached structure of the questionnaire is never stale.
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    translatable_fields = ("title", "intro")
    base_form_class = translatable_form(translatable_fields)

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("intro"),
        *translation_panels(translatable_fields),
        TranslatedInlinePanel(
            "pages",
            heading=_("Pages"),
            label=_("Page"),
            help_text=_(
                "Optional: a heading, an introduction or a rule for a page. "
                "Questions say on which page they appear."
            ),
        ),
        TranslatedInlinePanel("questions", heading=_("Questions"), label=_("Question")),
    ]

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="unique_questionnaire_version")
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"


class SurveyPage(Translatable, ClusterableModel):
    """Heading, introduction and "show only if" rule of one page of a questionnaire."""

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="pages")
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    number = models.PositiveSmallIntegerField(_("page number"), default=1)
    title = models.CharField(_("heading"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    condition_question, condition_operator, condition_value = condition_fields()

    translatable_fields = ("title", "intro")
    base_form_class = translatable_form(translatable_fields)

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("intro"),
        *translation_panels(translatable_fields, inline=True),
        FieldRowPanel(
            [
                FieldPanel("condition_question"),
                FieldPanel("condition_operator"),
                FieldPanel("condition_value"),
            ],
            heading=_("Show this page only if"),
        ),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "number"], name="unique_page_number")
        ]

    def __str__(self):
        return self.title or str(self.number)


class Question(Translatable, ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE_CHOICE = "single_choice", _("Single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        AGREEMENT = "agreement", _("Agreement item (5 points)")
        MATRIX = "matrix", _("Matrix: a heading and the answer scale its rows share")
        MATRIX_ROW = "matrix_row", _("Matrix row (uses the scale of the matrix above it)")
        SCALE_0_10 = "scale_0_10", _("Scale from 0 to 10")
        NUMBER = "number", _("Number")
        YES_NO = "yes_no", _("Yes or no")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")

    # Staff reorder questions with the arrows of the inline panel.
    sort_order_field = "sort_order"
    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"), help_text=_("Variable name in results and exports; never changes once answered.")
    )
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    page = models.PositiveSmallIntegerField(_("page"), default=1)
    # Blank only in the template of a licensed instrument, until staff paste its wording.
    text = models.CharField(_("question"), max_length=500, blank=True)
    help_text = models.CharField(_("hint"), max_length=500, blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    min_choices = models.PositiveSmallIntegerField(
        _("at least … choices"), null=True, blank=True, help_text=_("Multiple choice only.")
    )
    max_choices = models.PositiveSmallIntegerField(
        _("at most … choices"), null=True, blank=True, help_text=_("Multiple choice only.")
    )
    min_value = models.FloatField(_("smallest number"), null=True, blank=True)
    max_value = models.FloatField(_("largest number"), null=True, blank=True)
    max_length = models.PositiveIntegerField(_("longest text (characters)"), null=True, blank=True)
    condition_question, condition_operator, condition_value = condition_fields()
    allows_decline = models.BooleanField(
        _("offer “prefer not to say”"),
        default=False,
        help_text=_("Counted apart from the answers, never as a value."),
    )
    segment = models.CharField(
        _("breakdown dimension"), max_length=32, choices=Segment.choices, blank=True
    )

    translatable_fields = ("text", "help_text")
    base_form_class = translatable_form(translatable_fields)

    panels = [
        # No heading: the inline panel titles each question with its text already.
        MultiFieldPanel([FieldPanel("text"), FieldPanel("key"), FieldPanel("help_text")]),
        *translation_panels(translatable_fields, inline=True),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("page")]),
        FieldRowPanel(
            [FieldPanel("is_required"), FieldPanel("allows_decline"), FieldPanel("segment")]
        ),
        FoldedPanel(
            [
                FieldRowPanel([FieldPanel("min_choices"), FieldPanel("max_choices")]),
                FieldRowPanel([FieldPanel("min_value"), FieldPanel("max_value")]),
                FieldPanel("max_length"),
            ],
            summary=_("Limits"),
        ),
        FieldRowPanel(
            [
                FieldPanel("condition_question"),
                FieldPanel("condition_operator"),
                FieldPanel("condition_value"),
            ],
            heading=_("Show this question only if"),
        ),
        TranslatedInlinePanel(
            "options",
            heading=_("Answer options"),
            label=_("Option"),
            help_text=_(
                "Yes/no, agreement and breakdown questions get standard options when left empty."
            ),
        ),
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
            self.Kind.MATRIX_ROW,
            self.Kind.YES_NO,
        )

    @property
    def takes_answers(self) -> bool:
        """Return False for a matrix heading, which only introduces its rows."""
        return self.kind != self.Kind.MATRIX

    @property
    def is_multiple(self) -> bool:
        return self.kind == self.Kind.MULTIPLE_CHOICE

    @property
    def is_numeric(self) -> bool:
        return self.kind in (self.Kind.SCALE_0_10, self.Kind.NUMBER)

    @property
    def is_free_text(self) -> bool:
        return self.kind in (self.Kind.SHORT_TEXT, self.Kind.LONG_TEXT)


Kind = Question.Kind


class Option(Translatable):
    sort_order_field = "sort_order"
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    value = models.SlugField(_("code"), help_text=_("Stored code, e.g. 'altenhagen' or '4'."))
    label = models.CharField(_("label"), max_length=200)
    score = models.SmallIntegerField(
        _("score"), null=True, blank=True, help_text=_("Points for agreement items, 1 to 5.")
    )
    asks_for_text = models.BooleanField(
        _("asks for text"),
        default=False,
        help_text=_("For “other: …” or “self-described”: a text box appears with it."),
    )

    translatable_fields = ("label",)
    base_form_class = translatable_form(translatable_fields)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("value"), FieldPanel("score")]),
        *translation_panels(translatable_fields, inline=True),
        FieldPanel("asks_for_text"),
    ]

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="unique_option_value")
        ]

    def __str__(self):
        return self.label


class Scale(Translatable, ClusterableModel):
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

    translatable_fields = ("name",)
    base_form_class = translatable_form(translatable_fields)

    panels = [
        FieldPanel("name"),
        *translation_panels(translatable_fields),
        FieldPanel("key"),
        FieldPanel("scoring"),
        FieldPanel("min_answered"),
        FieldPanel("lookup"),
        TranslatedInlinePanel("items", heading=_("Items"), label=_("Item")),
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
