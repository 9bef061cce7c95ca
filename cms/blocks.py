"""StreamField blocks for dashboard and content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from analytics import charts
from analytics.moderation.selectors import FREE_TEXT_KINDS, approved_quotes
from analytics.selectors import reach_of
from analytics.subscales import subscale_choices
from cms.block_problems import CheckedStructBlock, answer_codes, answer_problems
from cms.dashboard_charts import filtered_wave, page_chart, results_of
from cms.map_blocks import QuarterMapBlock
from surveys.models import Question, Scale, Wave


def question_choices():
    """List every question key once, labelled with its latest wording."""
    latest = {}
    for key, text in Question.objects.order_by("questionnaire__version").values_list("key", "text"):
        latest[key] = text
    return sorted(((key, f"{text} ({key})") for key, text in latest.items()), key=lambda c: c[1])


def chart_item_choices():
    """List every question key and every scale (prefixed "scale:") a chart can show."""
    latest = {}
    scales = Scale.objects.order_by("questionnaire__version").prefetch_related("items")
    for scale in scales:
        latest[f"{charts.SCALE_PREFIX}{scale.key}"] = _("Scale: %(name)s") % {"name": scale.name}
        for key, name in subscale_choices([scale]).items():
            latest[f"{charts.SCALE_PREFIX}{key}"] = _("Scale: %(name)s") % {"name": name}
    return question_choices() + sorted(
        ((key, f"{name} ({key})") for key, name in latest.items()), key=lambda c: c[1]
    )


CHART_KINDS = [
    (charts.Kind.BAR, _("Bar chart")),
    (charts.Kind.DIVERGING, _("Agreement: diverging bar (agreement items and matrices)")),
    (charts.Kind.BEFORE_AFTER, _("Before and after: two waves with their ranges")),
    (charts.Kind.TREND, _("Trend across several waves")),
    (charts.Kind.QUARTERS, _("Comparison of the quarters")),
]
# What `charts.problems` names, as the chart block's fields.
PROBLEM_FIELDS = {"item": "question", "kind": "kind", "earlier_waves": "earlier_waves"}


def chart_problems(*, kind: str, wave: Wave | None, earlier: list, key: str) -> dict:
    """Return what keeps a chart of this kind from working: child block name → message."""
    found = charts.problems(kind, wave=wave, earlier=earlier, key=key)
    return {PROBLEM_FIELDS[name]: message for name, message in found.items()}


def free_text_question_choices():
    """List every free-text question key once: the questions quotes can come from."""
    latest = {}
    questions = Question.objects.filter(kind__in=FREE_TEXT_KINDS).order_by("questionnaire__version")
    for key, text in questions.values_list("key", "text"):
        latest[key] = text
    return sorted(((key, f"{text} ({key})") for key, text in latest.items()), key=lambda c: c[1])


class ChartBlock(CheckedStructBlock):
    kind = blocks.ChoiceBlock(
        choices=CHART_KINDS,
        default=charts.Kind.BAR,
        label=_("Kind of chart"),
    )
    wave = SnippetChooserBlock(
        "surveys.Wave",
        label=_("Wave"),
        help_text=_("For before and after or a trend: the latest wave."),
    )
    earlier_waves = blocks.ListBlock(
        SnippetChooserBlock("surveys.Wave"),
        required=False,
        default=[],
        label=_("Earlier waves"),
        help_text=_(
            "Before and after: the one wave to compare with. Trend: every other wave to show."
        ),
    )
    question = blocks.ChoiceBlock(choices=chart_item_choices, label=_("Question or scale"))
    heading = blocks.CharBlock(
        required=False, label=_("Heading"), help_text=_("Leave empty to use the question.")
    )

    class Meta:
        icon = "table"
        template = "cms/blocks/chart_block.html"
        label = _("Chart")
        description = _(
            "A chart of one question or scale (bar, agreement, before and after, trend or "
            "quarters), with its table and a one-sentence summary."
        )

    def problems(self, value) -> dict:
        return chart_problems(
            kind=value.get("kind") or charts.Kind.BAR,
            wave=value.get("wave"),
            earlier=[wave for wave in value.get("earlier_waves") or [] if wave],
            key=value.get("question") or "",
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["chart"] = page_chart(value, parent_context, chart_of)
        return context


def chart_of(value, chosen=None, *, results=None) -> charts.Chart:
    """Return the chart a chart block's value asks for, narrowed by the dashboard's filter."""
    kind = value.get("kind") or charts.Kind.BAR
    wave = value["wave"]
    if chosen is not None and chosen.wave is not None and kind in charts.SINGLE_WAVE_KINDS:
        wave = chosen.wave
    return charts.build(
        kind,
        wave=wave,
        earlier=value.get("earlier_waves") or [],
        key=value["question"],
        heading=value["heading"],
        group=chosen.group if chosen is not None else None,
        results=results,
    )


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
        wave = filtered_wave(value["wave"], parent_context)
        snapshot = results_of(parent_context).snapshot(wave)
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
        wave = filtered_wave(value["wave"], parent_context)
        context["quotes"] = (
            approved_quotes(wave=wave, question_key=value["question"] or None) if wave else []
        )
        return context


class YouSaidWeDidBlock(CheckedStructBlock):
    heading = blocks.CharBlock(
        required=False,
        label=_("Heading"),
        help_text=_("Leave empty for “You said, we did”."),
    )
    you_said = blocks.TextBlock(
        label=_("What you said"),
        help_text=_("In one or two sentences, e.g. “Many of you wished for more places outside.”"),
    )
    wave = SnippetChooserBlock(
        "surveys.Wave", required=False, label=_("Wave of the figure"), help_text=_("Optional.")
    )
    question = blocks.ChoiceBlock(
        choices=chart_item_choices, required=False, label=_("Question or scale of the figure")
    )
    answers = blocks.CharBlock(
        required=False,
        label=_("Answers to count"),
        help_text=_(
            "The codes of the answers to add up, separated by commas, e.g. “4, 5” for "
            "agree and strongly agree. Leave empty to show the average."
        ),
    )
    we_did = blocks.TextBlock(label=_("What we did"))
    page = blocks.PageChooserBlock(
        page_type="cms.NewsPage", required=False, label=_("News item about what we did")
    )
    link_text = blocks.CharBlock(
        required=False,
        label=_("Link text"),
        help_text=_("Leave empty to use the news item's title."),
    )

    class Meta:
        icon = "tick-inverse"
        template = "cms/blocks/you_said_we_did_block.html"
        label = _("You said, we did")
        preview_value = {
            "heading": "",
            "you_said": "Viele wünschen sich mehr Orte draußen, an denen man sich treffen kann.",
            "wave": None,
            "question": "",
            "answers": "",
            "we_did": "Mit dem Quartiersmanagement stehen jetzt zwei Bänke am Wilhelmsplatz.",
            "page": None,
            "link_text": "",
        }
        description = _(
            "A result from a survey, backed by one published figure, and what the project "
            "did about it, linked to the news item."
        )

    def problems(self, value) -> dict:
        return statement_problems(
            wave=value.get("wave"),
            key=value.get("question") or "",
            answers=answer_codes(value.get("answers") or ""),
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        wave = value["wave"]
        snapshot = results_of(parent_context).snapshot(wave) if value["question"] else None
        context["statement"] = charts.figure_statement(
            snapshot=snapshot, key=value["question"], answers=answer_codes(value["answers"])
        )
        return context


def statement_problems(*, wave: Wave | None, key: str, answers: list[str]) -> dict:
    """Return what keeps the figure of a "you said, we did" block from working."""
    if wave is None:
        if key or answers:
            return {"wave": _("Choose the wave the figure comes from.")}
        return {}
    if not key:
        return {"question": _("Choose the question or scale the figure comes from.")}
    return answer_problems(
        wave=wave,
        key=key,
        answers=answers,
        has_average=charts.has_mean,
        no_average=_("Choose a question with answer options or an average."),
    )


IMPACT_STEPS = [
    ("1", _("Activities take place as planned")),
    ("2", _("Target groups are reached")),
    ("3", _("Target groups accept the offers")),
    ("4", _("Target groups change their awareness or skills")),
    ("5", _("Target groups change their behaviour")),
    ("6", _("The target groups' life situation changes")),
    ("7", _("Society changes")),
]


def impact_level(step: int) -> str:
    """Return where a step of the impact ladder sits: output, outcome or impact (PHINEO)."""
    if step <= 3:
        return _("Output")
    if step <= 6:
        return _("Outcome")
    return _("Impact")


class ImpactStepBlock(blocks.StructBlock):
    step = blocks.ChoiceBlock(
        choices=IMPACT_STEPS,
        label=_("Step of the impact ladder"),
        help_text=_("PHINEO's impact ladder: steps 1–3 are outputs, 4–6 outcomes, 7 impact."),
    )
    heading = blocks.CharBlock(
        required=False,
        label=_("Heading"),
        help_text=_("Leave empty to name the step."),
    )
    text = blocks.TextBlock(required=False, label=_("What the figures show"))
    evidence = blocks.StreamBlock(
        [
            ("key_figures", KeyFiguresBlock()),
            ("chart", ChartBlock()),
            ("you_said_we_did", YouSaidWeDidBlock()),
        ],
        required=False,
        label=_("Figures that show it"),
    )

    class Meta:
        icon = "list-ol"
        template = "cms/blocks/impact_step_block.html"
        label = _("Impact step")
        preview_value = {"step": "4", "heading": "", "text": "", "evidence": []}
        description = _(
            "Which step of the PHINEO impact ladder a group of figures shows, so funders "
            "read outcomes, not only outputs."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        current = int(value["step"])
        context["ladder"] = [
            {
                "number": number,
                "label": label,
                "level": impact_level(int(number)),
                "is_current": int(number) == current,
            }
            for number, label in IMPACT_STEPS
        ]
        context["step"] = context["ladder"][current - 1]
        return context


class DashboardStreamBlock(blocks.StreamBlock):
    chart = ChartBlock()
    quarter_map = QuarterMapBlock()
    key_figures = KeyFiguresBlock()
    quote = QuoteBlock()
    you_said_we_did = YouSaidWeDidBlock()
    impact_step = ImpactStepBlock()
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
