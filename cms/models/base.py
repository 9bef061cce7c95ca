"""What every page of the public site shares."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sitewide.languages import content_language


class Quarter(models.TextChoices):
    ALTENHAGEN = "altenhagen", "Altenhagen"
    WEHRINGHAUSEN = "wehringhausen", "Wehringhausen"
    BOTH = "both", _("Both quarters")


class SitePageMixin:
    """Tell templates when the content's language differs from the interface's."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = content_language(self)
        context["content_language"] = language if language != get_language() else ""
        return context
