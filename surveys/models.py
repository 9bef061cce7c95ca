"""Questionnaires, waves and anonymous responses.

A `Questionnaire` row is one version: once it has answers its questions and options
are frozen, and a change becomes a new version with the same `key`. A `Response`
never holds anything that could identify the person who gave it.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from surveys.translation import (
    FoldedPanel,
    TranslatedInlinePanel,
    WaveLanguagesForm,
    complete_languages,
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


LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


def _short_date(moment) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


class WaveStatus(models.TextChoices):
    """Where a wave stands in time; not stored, read from its opening and closing."""

    PLANNED = "planned", pgettext_lazy("status of a wave", "planned")
    OPEN = "open", pgettext_lazy("status of a wave", "open")
    CLOSED = "closed", pgettext_lazy("status of a wave", "closed")


class Wave(models.Model):
    class ResultsPolicy(models.TextChoices):
        LIVE = "live", _("Public while the wave runs")
        AFTER_CLOSE = "after_close", _("Public only after the wave has closed")

    class CodePolicy(models.TextChoices):
        OPEN = "open", _("Open: anyone with the link may answer")
        OPTIONAL = "optional", _("Codes accepted, but not needed")
        REQUIRED = "required", _("Only with a printed access code")

    class Licence(models.TextChoices):
        """Open licences for the published figures, by their SPDX identifier."""

        CC_BY_4 = "CC-BY-4.0", _("Creative Commons Attribution 4.0 International (CC BY 4.0)")
        CC_BY_SA_4 = (
            "CC-BY-SA-4.0",
            _("Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)"),
        )
        CC0_1 = "CC0-1.0", _("Creative Commons Zero 1.0 Universal (CC0 1.0, public domain)")

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
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("Languages offered; empty means every language of the site."),
    )
    code_policy = models.CharField(
        _("access codes"),
        max_length=16,
        choices=CodePolicy.choices,
        default=CodePolicy.OPEN,
        help_text=_("Whether answering needs one of the printed single-use codes."),
    )
    tablet_mode = models.BooleanField(
        _("tablet mode"),
        default=False,
        help_text=_(
            "Offers /s/…/tablet/: a page for staff tablets that keeps answers while offline "
            "and sends them when the tablet is online again."
        ),
    )
    linking_series = models.SlugField(
        _("linking series"),
        blank=True,
        help_text=_(
            "Optional. Waves with the same series (e.g. 'quartier-vorher-nachher') ask for a "
            "personal linking code, so one person's “before” and “after” answers can be "
            "paired. Only a keyed fingerprint of the code is stored. Empty: not asked."
        ),
    )
    licence = models.CharField(
        _("licence of the published figures"),
        max_length=16,
        choices=Licence.choices,
        default=Licence.CC_BY_4,
        help_text=_("The open licence under which anyone may reuse the downloadable figures."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("label"),
        FieldPanel("questionnaire"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("results_policy"),
        FieldPanel("languages"),
        FieldPanel("code_policy"),
        FieldPanel("tablet_mode"),
        FieldPanel("linking_series"),
        FieldPanel("licence"),
    ]
    base_form_class = WaveLanguagesForm

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("wave")
        verbose_name_plural = _("waves")
        # Staff actions beyond editing a row; surveys/permissions.py names what each allows.
        permissions = [
            ("open_close_wave", _("Can open and close waves")),
            ("print_codes_and_posters", _("Can print code cards and posters")),
            ("enter_paper_answers", _("Can enter paper answers and enrol tablets")),
        ]

    def __str__(self):
        return f"{self.title} ({self.label})" if self.label else self.title

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at and (self.closes_at is None or at < self.closes_at)

    def status(self, at=None) -> str:
        """Return whether the wave is planned, open or closed at `at` (now by default)."""
        if self.has_closed(at):
            return WaveStatus.CLOSED
        return WaveStatus.OPEN if self.is_open(at) else WaveStatus.PLANNED

    def status_text(self, at=None) -> str:
        """Return the status with the wave's dates, as staff read it in lists and choosers."""
        dates = {"opens": _short_date(self.opens_at)}
        if self.closes_at is not None:
            dates["closes"] = _short_date(self.closes_at)
            text = _("%(status)s, %(opens)s – %(closes)s")
        elif self.status(at) == WaveStatus.PLANNED:
            text = _("%(status)s, opens %(opens)s")
        else:
            text = _("%(status)s since %(opens)s")
        return text % {"status": WaveStatus(self.status(at)).label, **dates}

    @property
    def admin_title(self) -> str:
        """Return the name staff tell waves apart by: title, label, status and dates."""
        return f"{self} · {self.status_text()}"

    def has_closed(self, at=None) -> bool:
        at = at or timezone.now()
        return self.closes_at is not None and self.closes_at <= at

    def results_are_public(self, at=None) -> bool:
        return self.results_policy == self.ResultsPolicy.LIVE or self.has_closed(at)

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS[self.licence]

    def offered_languages(self) -> list[str]:
        """Return the codes of the chosen (or all) languages with complete wording, in order.

        A language whose questionnaire wording is incomplete is never offered, so nobody
        meets German questions under a translated frame.
        """
        complete = self.__dict__.get("_complete_languages")
        if complete is None:
            # Kept for this object's life: a request asks several times.
            complete = complete_languages(questionnaire=self.questionnaire)
            self.__dict__["_complete_languages"] = complete
        if self.languages:
            complete = [code for code in complete if code in self.languages]
        return complete or [settings.LANGUAGE_CODE]


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


# Record keys run from 0 to RECORD_KEY_RANGE - 1 (analytics/perturbation.py uses them).
RECORD_KEY_RANGE = 256


def random_record_key() -> int:
    """Return a new response's record key: uniform, from a secure source, linked to nothing."""
    return secrets.randbelow(RECORD_KEY_RANGE)


class Response(models.Model):
    """One anonymous submission: the wave, the version, the language and the day only."""

    class Channel(models.TextChoices):
        """How the answer reached us; never which device, code or person."""

        ONLINE = "online", _("Online")
        CODE = "code", _("Online with a printed code")
        TABLET = "tablet", _("Staff tablet")
        PAPER = "paper", _("Paper, typed in by staff")
        API = "api", _("Programming interface (API)")

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
    # A database default too, so bulk loads in plain SQL (benchmarks, imports) need not name it.
    channel = models.CharField(
        max_length=16, choices=Channel.choices, default=Channel.ONLINE, db_default=Channel.ONLINE
    )
    paper_batch = models.ForeignKey(
        PaperBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="responses"
    )
    # A random number linked to nothing, from which published figures get their small,
    # repeatable perturbation (analytics/perturbation.py). Loaders in plain SQL set it too.
    record_key = models.PositiveSmallIntegerField(default=random_record_key, editable=False)

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


class LinkingHash(models.Model):
    """A keyed fingerprint of a response's linking code with one element left out.

    Five per response (one per left-out element), so an answer whose code differs in
    one element from an earlier one still shares a fingerprint with it. The elements
    themselves are never stored; without the key the fingerprints reveal nothing.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="+")
    left_out = models.PositiveSmallIntegerField()
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("linking fingerprint")
        verbose_name_plural = _("linking fingerprints")
        indexes = [models.Index(fields=["digest"], name="linking_hash_digest")]
        constraints = [
            models.UniqueConstraint(fields=["response", "left_out"], name="unique_linking_hash")
        ]

    def __str__(self):
        return f"{self.response_id}/{self.left_out}"


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


@receiver(pre_delete, sender=CodeBatch)
def _discard_unclaimed_codes(sender, instance, **kwargs):
    """Take a never-downloaded sheet's file and codes with it: nobody can print them now."""
    if instance.status != CodeBatch.Status.READY:
        return
    AccessCode.objects.filter(batch=instance, is_spent=False).delete()
    if instance.file_name:
        from pathlib import Path

        (Path(settings.PART_CODE_SHEET_ROOT) / instance.file_name).unlink(missing_ok=True)


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


class TabletDevice(models.Model):
    """A staff tablet enrolled for one wave's offline page; its token works until revoked.

    Only a hash of the device key is kept: the key itself is shown once, in the QR code
    staff open on the tablet.
    """

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="tablets", verbose_name=_("wave")
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, editable=False)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("tablet")
        verbose_name_plural = _("tablets")
        ordering = ["-enrolled_at", "-pk"]

    def __str__(self):
        return self.name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
