"""Waves: when a questionnaire is asked, in which languages, with which rules."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from surveys.models.questionnaires import Questionnaire
from surveys.translation import (
    WaveLanguagesForm,
    complete_languages,
)

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
