"""What every page of the public site shares."""

from django.utils.translation import get_language


def content_language(page) -> str:
    """Return the language a page's content is written in.

    A page that is still an alias of its German original shows German text inside
    another language's interface; screen readers need to know.
    """
    source = page.alias_of.specific if page.alias_of_id else page
    return source.locale.language_code


class SitePageMixin:
    """Tell templates when the content's language differs from the interface's."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = content_language(self)
        context["content_language"] = language if language != get_language() else ""
        return context
