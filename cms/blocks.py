"""StreamField blocks for dashboard pages."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from analytics import figures
from analytics.selectors import published_snapshot
from surveys.models import Question


def question_choices():
    """List every question key once, labelled with its latest wording."""
    latest = {}
    for key, text in Question.objects.order_by("questionnaire__version").values_list("key", "text"):
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


class DashboardStreamBlock(blocks.StreamBlock):
    chart = ChartBlock()
    text = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        label=_("Text"),
        icon="pilcrow",
    )
