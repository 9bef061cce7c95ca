"""Template tags every public page uses, whichever app renders it."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from sitewide.languages import content_language

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_path(context, language_code):
    """Return the address of the current page in another language."""
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), language_code)


@register.simple_tag(takes_context=True)
def language_links(context):
    """List every language with the address of this same page in it.

    A Wagtail page links to its translation (or alias) in each language tree; any
    other view (the survey runner, search) gets its address under that language.
    """
    request = context.get("request")
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].url
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = "/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
                "dir": "rtl" if info["bidi"] else "ltr",
            }
        )
    return links


@register.filter
def first_input_id(bound_field):
    """Return the id of a field's first input, for links from an error summary."""
    widget = bound_field.field.widget
    input_type = getattr(widget, "input_type", "")
    is_multiple = getattr(widget, "allow_multiple_selected", False)
    if input_type == "radio" or (input_type == "checkbox" and is_multiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


@register.filter
def field_with_description(bound_field):
    """Render a field's input linked to its hint and error, and marked when invalid."""
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}_hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}_error")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def worded(obj, field):
    """Return a questionnaire's text (`translated`) in the reader's language, else German."""
    return obj.translated(field)


@register.filter
def isolated(text):
    """Isolate text that may be in another direction (a German fallback) within a sentence."""
    return format_html("<bdi>{}</bdi>", text)


@register.filter
def staff_name(text):
    """Isolate a name staff wrote in German (a wave's) inside a sentence of another language.

    `<bdi>` keeps the German name from pulling the punctuation of an Arabic sentence
    round; `lang` tells screen readers to read it as German.
    """
    if get_language() == settings.LANGUAGE_CODE:
        return text
    return format_html('<bdi lang="{}" dir="ltr">{}</bdi>', settings.LANGUAGE_CODE, text)


@register.filter
def content_lang_attrs(page):
    """Mark a page's text with its language when it differs from the interface's."""
    if not isinstance(page, Page):
        return ""
    language = content_language(page)
    if language == get_language():
        return ""
    return format_html(' lang="{}" dir="ltr"', language)
