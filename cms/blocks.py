"""StreamField blocks for dashboard and content pages."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from analytics import figures
from analytics.moderation.selectors import FREE_TEXT_KINDS, approved_quotes
from analytics.selectors import published_snapshot, reach_of
from surveys.models import Question


def question_choices():
    """List every question key once, labelled with its latest wording."""
    latest = {}
    for key, text in Question.objects.order_by("questionnaire__version").values_list("key", "text"):
        latest[key] = text
    return sorted(((key, f"{text} ({key})") for key, text in latest.items()), key=lambda c: c[1])


def free_text_question_choices():
    """List every free-text question key once: the questions quotes can come from."""
    latest = {}
    questions = Question.objects.filter(kind__in=FREE_TEXT_KINDS).order_by("questionnaire__version")
    for key, text in questions.values_list("key", "text"):
        latest[key] = text
    return sorted(((key, f"{text} ({key})") for key, text in latest.items()), key=lambda c: c[1])


class ChartBlock(blocks.StructBlock):
    wave = SnippetChooserBlock("surveys.Wave", label=_("Wave"))
    question = blocks.ChoiceBlock(choices=question_choices, label=_("Question"))
    heading = blocks.CharBlock(
        required=False, label=_("Heading"), help_text=_("Leave empty to use the question.")
    )

    class Meta:
        icon = "table"
        template = "cms/blocks/chart_block.html"
        label = _("Chart")
        description = _("A bar chart of one question, with its table and a one-sentence summary.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        wave = value["wave"]
        snapshot = published_snapshot(wave=wave) if wave else None
        context["chart"] = figures.question_chart(
            snapshot=snapshot,
            question_key=value["question"],
            heading=value["heading"],
            language=get_language(),
        )
        return context


class KeyFiguresBlock(blocks.StructBlock):
    wave = SnippetChooserBlock("surveys.Wave", label=_("Wave"))
    heading = blocks.CharBlock(
        required=False,
        label=_("Heading"),
        help_text=_("Leave empty for “Who took part”."),
    )

    class Meta:
        icon = "group"
        template = "cms/blocks/key_figures_block.html"
        label = _("Key figures")
        description = _(
            "How many young people a wave reached, in all and by quarter, age band and "
            "language, as published."
        )
        preview_value = {"wave": None, "heading": ""}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        wave = value["wave"]
        snapshot = published_snapshot(wave=wave) if wave else None
        context["reach"] = reach_of(snapshot=snapshot) if snapshot else None
        return context


class QuoteBlock(blocks.StructBlock):
    wave = SnippetChooserBlock("surveys.Wave", label=_("Wave"))
    question = blocks.ChoiceBlock(
        choices=free_text_question_choices,
        required=False,
        label=_("Question"),
        help_text=_("Leave empty to show approved quotes of every free-text question."),
    )
    heading = blocks.CharBlock(
        required=False, label=_("Heading"), help_text=_("Leave empty for “In your words”.")
    )

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"
        label = _("Quotes")
        description = _("Free-text answers a moderator approved for publication.")
        preview_value = {"wave": None, "question": "", "heading": ""}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        wave = value["wave"]
        context["quotes"] = (
            approved_quotes(wave=wave, question_key=value["question"] or None) if wave else []
        )
        return context


class DashboardStreamBlock(blocks.StreamBlock):
    chart = ChartBlock()
    key_figures = KeyFiguresBlock()
    quote = QuoteBlock()
    text = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        label=_("Text"),
        icon="pilcrow",
    )


class HeadingBlock(blocks.CharBlock):
    """A subheading; pages own the h1, so content starts at h2."""

    class Meta:
        icon = "title"
        template = "cms/blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading for the next part of the page.")
        preview_value = "Wo du uns findest"


class ContentImageBlock(ImageBlock):
    """An image whose alternative text is required (or marked as decorative)."""

    class Meta:
        icon = "image"
        template = "cms/blocks/image_block.html"
        label = _("Image")
        description = _("An image with a text for people who cannot see it.")


class OfficeBlock(blocks.StructBlock):
    organisation = blocks.CharBlock(label=_("Organisation"))
    name = blocks.CharBlock(label=_("Office"), help_text=_("For example: Projektbüro Altenhagen."))
    address = blocks.TextBlock(label=_("Address"))
    office_hours = blocks.TextBlock(label=_("Office hours"))
    phone = blocks.CharBlock(label=_("Phone"), required=False)

    class Meta:
        icon = "home"
        template = "cms/blocks/office_block.html"
        label = _("Office")
        description = _("An office in the quarter with its address and opening hours.")
        preview_value = {
            "organisation": "Caritas Hagen",
            "name": "Projektbüro Altenhagen",
            "address": "Musterstraße 1\n58097 Hagen",
            "office_hours": "Mo und Mi 14–18 Uhr",
            "phone": "02331 000 000",
        }


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        label=_("Text"),
        icon="pilcrow",
        template="cms/blocks/paragraph_block.html",
    )
    image = ContentImageBlock()
    office = OfficeBlock()
