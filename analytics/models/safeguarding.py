"""Safeguarding: rules that show extra help, who helps, and concerns waiting for staff."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from surveys.models import Answer, Translatable
from surveys.translation import translatable_form, translation_panels


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
