"""Moderation of free-text answers: decisions on quotes and the names to look for."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


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
