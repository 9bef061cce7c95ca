"""What every page of the public site shares."""

from django.utils.translation import get_language

from sitewide.languages import content_language


class SitePageMixin:
    """Tell templates when the content's language differs from the interface's."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = content_language(self)
        context["content_language"] = language if language != get_language() else ""
        return context
