"""Form pages that collect personal data: with consent, a staff notice and a deletion date."""

from django import forms
from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.models import Locale

from cms.models.base import SitePageMixin

CONSENT_FIELD = "consent"


class ConsentFormPage(SitePageMixin, AbstractEmailForm):
    """A form page whose entries need consent and are deleted after `retention_days`.

    The consent box is added in code, so no editor can publish the form without it.
    """

    intro = models.TextField(_("introduction"), blank=True)
    consent_text = models.TextField(
        _("consent text"),
        help_text=_("What the person agrees to: what is stored, why, and for how long."),
    )
    thank_you_text = models.TextField(_("thank-you text"), blank=True)
    retention_days = models.PositiveIntegerField(
        _("keep entries for (days)"),
        default=180,
        help_text=_("Entries older than this are deleted every night."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("consent_text"),
        FieldPanel("retention_days"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notice to staff"),
        ),
    ]
    template = "cms/consent_form_page.html"
    landing_page_template = "cms/consent_form_page_landing.html"
    subpage_types = []

    class Meta:
        abstract = True

    def get_form_class(self):
        form_class = super().get_form_class()
        form_class.base_fields[CONSENT_FIELD] = forms.BooleanField(
            label=self.consent_text,
            required=True,
            error_messages={
                "required": _("Please tick the box to agree; without it we cannot take your entry.")
            },
        )
        return form_class

    @property
    def original(self) -> "ConsentFormPage":
        """Return this form in the site's first language, where staff read all its entries.

        Every language has its own copy of the page; one list of entries per form is
        what staff look for, not nine identical rows.
        """
        try:
            first_language = Locale.get_default()
        except Locale.DoesNotExist:
            return self
        if self.locale_id == first_language.pk:
            return self
        return self.get_translation_or_none(first_language) or self

    def get_submissions(self):
        """Return the entries sent through this form in every language."""
        return self.get_submission_class()._default_manager.filter(
            page__translation_key=self.translation_key
        )

    def serve_submissions_list_view(self, request, *args, **kwargs):
        if self.original.pk != self.pk:
            return redirect("wagtailforms:list_submissions", self.original.pk)
        return super().serve_submissions_list_view(request, *args, **kwargs)

    def render_email(self, form):
        """Tell staff an entry arrived, without copying its personal data into e-mail."""
        address = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailforms:list_submissions", args=[self.original.pk]
        )
        return gettext("A new entry for “%(title)s” has arrived. Read it in the admin: %(url)s") % {
            "title": self.title,
            "url": address,
        }


class MentorSignUpFormField(AbstractFormField):
    page = ParentalKey("cms.MentorSignUpPage", on_delete=models.CASCADE, related_name="form_fields")


class MentorSignUpPage(ConsentFormPage):
    """Volunteers offer to mentor young people; staff call them back."""

    template = "cms/consent_form_page.html"

    class Meta:
        verbose_name = _("mentor sign-up form")


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("cms.FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")


class FeedbackFormPage(ConsentFormPage):
    """Tell us about a barrier on this site (BITV NRW feedback mechanism)."""

    template = "cms/consent_form_page.html"

    class Meta:
        verbose_name = _("feedback form")
