"""The quarter map block of dashboards: a share or an average per quarter, drawn as a map."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from analytics.charts import Chart, PublishedResults
from analytics.quarter_map import Outline, quarter_map
from cms.block_problems import CheckedStructBlock, answer_codes, answer_problems
from cms.dashboard_charts import page_chart
from cms.models.quarters import QuarterOutline
from surveys.models import Question, Segment, Wave


def area_choices():
    """List every area staff uploaded quarter outlines for."""
    areas = QuarterOutline.objects.order_by("area").values_list("area", flat=True).distinct()
    return [(area, area) for area in areas]


def quarter_outlines(*, area: str = "") -> list[Outline]:
    """Return the uploaded outlines of an area's quarters (of every area when none is named)."""
    outlines = QuarterOutline.objects.all()
    if area:
        outlines = outlines.filter(area=area)
    return [
        Outline(outline.code, outline.name, outline.geometry, outline.is_simplified)
        for outline in outlines
        if outline.geometry
    ]


def item_choices():
    # cms.blocks holds this block in its dashboard stream, so it is imported when asked.
    from cms.blocks import chart_item_choices

    return chart_item_choices()


def map_problems(*, wave: Wave | None, key: str, answers: list[str], area: str) -> dict:
    """Return what keeps a quarter map from working: child block name → message."""
    if wave is None:
        return {}
    problems = {}
    if not wave.questionnaire.questions.filter(segment=Segment.QUARTER).exists():
        problems["wave"] = _("This wave does not ask where people live, so there is no map.")
    problems |= answer_problems(
        wave=wave,
        key=key,
        answers=answers,
        has_average=lambda kind: kind in (Question.Kind.SCALE_0_10, Question.Kind.NUMBER),
        no_average=_(
            "A map shows a share of answers or an average: choose a question with "
            "answer options, a 0 to 10 question, a number or a scale."
        ),
    )
    if not quarter_outlines(area=area):
        problems["area"] = _(
            "No quarter outlines have been uploaded yet: add them under “Quarter outlines”."
        )
    return problems


class QuarterMapBlock(CheckedStructBlock):
    wave = SnippetChooserBlock("surveys.Wave", label=_("Wave"))
    question = blocks.ChoiceBlock(
        choices=item_choices,
        label=_("Question or scale"),
    )
    answers = blocks.CharBlock(
        required=False,
        label=_("Answers to count"),
        help_text=_(
            "For a question with answer options: the codes whose share the map shows, "
            "separated by commas, e.g. “4, 5”. Leave empty for the average of a number, "
            "a 0 to 10 question or a scale."
        ),
    )
    area = blocks.ChoiceBlock(
        choices=area_choices,
        required=False,
        label=_("Area"),
        help_text=_("Whose quarter outlines to draw; leave empty if there is only one area."),
    )
    heading = blocks.CharBlock(
        required=False, label=_("Heading"), help_text=_("Leave empty to use the question.")
    )

    class Meta:
        icon = "site"
        template = "cms/blocks/quarter_map_block.html"
        label = _("Quarter map")
        description = _(
            "A map of the quarters coloured by a share of answers or an average, with its "
            "table and a one-sentence summary; small groups are hatched, not shown."
        )
        preview_value = {"wave": None, "question": "", "answers": "", "area": "", "heading": ""}

    def problems(self, value) -> dict:
        return map_problems(
            wave=value.get("wave"),
            key=value.get("question") or "",
            answers=answer_codes(value.get("answers") or ""),
            area=value.get("area") or "",
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["chart"] = page_chart(value, parent_context, map_chart)
        return context


def map_chart(value, chosen=None, *, results=None) -> Chart:
    """Return the map a block's value asks for, narrowed by the dashboard's filter."""
    wave = value.get("wave")
    if chosen is not None and chosen.wave is not None:
        wave = chosen.wave
    results = results if results is not None else PublishedResults()
    return quarter_map(
        snapshot=results.snapshot(wave),
        key=value.get("question") or "",
        outlines=quarter_outlines(area=value.get("area") or ""),
        answers=answer_codes(value.get("answers") or ""),
        heading=value.get("heading") or "",
        group=chosen.group if chosen is not None else None,
    ).chart
