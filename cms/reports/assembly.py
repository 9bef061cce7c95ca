"""What goes into the printed report of a dashboard or a wave: published figures only.

A dashboard's report follows its page block by block, drawn exactly as a visitor without
a filter sees it (the blocks read published snapshots only). A wave's report shows every
question and scale of its published results.
"""

import html
import re

from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from analytics import figure_kinds
from analytics.figures import Chart, Table, perturbation_sentence, withheld_text
from analytics.localisation import localised_snapshot
from analytics.reports.document import ChartPart, Heading, Ladder, ReportDocument, Rung, Text
from analytics.selectors import published_snapshot, reach_of
from analytics.services.snapshots import min_cell_size
from analytics.snapshot_schema import ItemFigures
from cms.blocks import IMPACT_STEPS, impact_level
from cms.sharing import chart_of_block, dashboard_wave_ids, wave_ids_in
from surveys.models import Question, Wave

_BLOCK_TAGS = re.compile(r"<(h[1-6]|p|li)\b[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
TEXT_KINDS = {Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT}


class NothingPublished(Exception):
    """A report was asked of a wave without published results."""


def _plain(markup: str) -> str:
    return " ".join(html.unescape(strip_tags(markup)).split())


def _rich_text_parts(markup: str) -> list:
    parts = []
    for tag, inner in _BLOCK_TAGS.findall(str(markup)):
        text = _plain(inner)
        if not text:
            continue
        if tag.lower().startswith("h"):
            parts.append(Heading(text, level=2))
        else:
            parts.append(Text(("• " if tag.lower() == "li" else "") + text))
    return parts


def _ladder(shown: set[int]) -> tuple[Rung, ...]:
    return tuple(
        Rung(int(number), str(label), str(impact_level(int(number))), int(number) in shown)
        for number, label in IMPACT_STEPS
    )


def _reach_parts(value, context) -> list:
    reach = context.get("reach")
    heading = value.get("heading") or _("Who took part")
    if reach is None:
        return [Heading(heading, 2), Text(_("The figures of this survey are not published yet."))]
    if reach.is_withheld:
        total = _("Fewer than %(k)s young people have answered so far.") % {
            "k": reach.min_cell_size
        }
    else:
        total = ngettext(
            "%(count)s young person answered.",
            "%(count)s young people answered.",
            reach.response_count,
        ) % {"count": reach.response_count}
    parts = [Heading(heading, 2), Text(total)]
    for group in reach.groups:
        title = _("By %(dimension)s") % {"dimension": group.label}
        rows = [
            [
                str(row.label),
                withheld_text(reach.min_cell_size) if row.is_withheld else str(row.count),
            ]
            for row in group.rows
        ]
        parts.append(
            ChartPart(
                Chart(
                    title=title,
                    summary="",
                    table=Table(caption=title, headings=[str(group.label), _("People")], rows=rows),
                )
            )
        )
    return parts


def _block_parts(block, page, level: int = 1) -> list:
    """Return the report parts of one block of a dashboard (and of the blocks inside it)."""
    kind, value = block.block_type, block.value
    if kind == "text":
        return _rich_text_parts(value.source if hasattr(value, "source") else value)
    context = block.block.get_context(value, parent_context={"page": page})
    if kind == "impact_step":
        step = context["step"]
        heading = value.get("heading") or _("Impact ladder, step %(number)s: %(label)s") % {
            "number": step["number"],
            "label": step["label"],
        }
        parts = [
            Heading(heading, level),
            Text(
                _(
                    "These figures show step %(number)s of 7 of the impact ladder, "
                    "“%(label)s”: an %(level)s."
                )
                % {"number": step["number"], "label": step["label"], "level": step["level"]}
            ),
        ]
        if value.get("text"):
            parts.append(Text(value["text"]))
        for child in value.get("evidence") or []:
            parts += _block_parts(child, page, level=2)
        return parts
    if kind == "key_figures":
        return _reach_parts(value, context)
    if kind == "quote":
        quotes = context.get("quotes") or []
        parts = [Heading(value.get("heading") or _("In your words"), level)]
        if not quotes:
            return parts + [Text(_("No answers have been approved for publication here yet."))]
        return parts + [Text(f"„{quote.text}“", is_quote=True) for quote in quotes]
    if kind == "you_said_we_did":
        parts = [
            Heading(value.get("heading") or _("You said, we did"), 2),
            Text(f"{_('You said')}: {value['you_said']}"),
        ]
        statement = context.get("statement")
        if statement:
            source = _("Source: survey %(source)s") % {"source": statement.source}
            parts.append(Text(f"{statement.figure} {statement.text} ({source})"))
        return parts + [Text(f"{_('We did')}: {value['we_did']}")]
    chart = chart_of_block(block, page=page)
    return [ChartPart(chart)] if chart is not None else []


def _notes(waves: list[Wave], k: int) -> list[str]:
    named = ", ".join(_title_of(wave) for wave in waves)
    notes = [
        _(
            "Where the figures come from: anonymous surveys of young people (%(waves)s). "
            "The report shows the results as published on the day it was made."
        )
        % {"waves": named or "–"},
        perturbation_sentence(),
        _(
            "To protect privacy, groups of fewer than %(k)s people are not shown; where "
            "needed, another group is hidden too so the hidden figure cannot be worked out. "
            "A table says so where a figure is withheld."
        )
        % {"k": k},
        _(
            "An average is given with its 95 %% range: the true average lies within it with "
            "95 %% certainty. Where the ranges before and after hardly overlap, the change is "
            "larger than chance alone would explain."
        )
        % {},
        _("Free-text answers are shown only after a moderator has approved them."),
    ]
    return notes


def _in_language(page, language: str):
    """Return the page's translation into `language` if it has a live one, else the page."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated.specific if translated is not None and translated.live else page


def dashboard_document(*, page, language: str) -> ReportDocument:
    """Return the printed report of a dashboard page in `language` (its translation if any)."""
    page = _in_language(page, language)
    with translation.override(language):
        parts, shown = [], set()
        for block in page.body:
            if block.block_type == "impact_step":
                shown.add(int(block.value["step"]))
            parts += _block_parts(block, page)
        waves = sorted(
            Wave.objects.filter(pk__in=dashboard_wave_ids(page)), key=lambda w: w.opens_at
        )
        snapshots = [published_snapshot(wave=wave) for wave in waves]
        k = max([snapshot.min_cell_size for snapshot in snapshots if snapshot] or [min_cell_size()])
        return ReportDocument(
            title=page.title,
            subtitle=_("Report on the results"),
            made_on=timezone.localdate(),
            language=language,
            intro=page.intro,
            source=page.full_url or "",
            ladder=Ladder(
                _ladder(shown),
                caption=_(
                    "PHINEO's impact ladder: steps 1 to 3 are outputs, 4 to 6 outcomes, 7 "
                    "impact. The marked steps are the ones this report shows figures for."
                ),
            )
            if shown
            else None,
            parts=parts,
            notes=_notes(waves, k),
            min_cell_size=k,
        )


def _wave_chart(snapshot, item: ItemFigures) -> Chart:
    if item.kind in (Question.Kind.AGREEMENT, Question.Kind.MATRIX):
        return figure_kinds.diverging_chart(snapshot=snapshot, key=item.key)
    return figure_kinds.bar_chart(snapshot=snapshot, key=item.key)


def _title_of(wave: Wave) -> str:
    return (
        f"{wave.title} · {wave.label}"
        if wave.label and wave.label not in wave.title
        else wave.title
    )


def _steps_shown_for(wave: Wave) -> set[int]:
    """Return the impact steps for which a live dashboard shows figures of `wave`."""
    from cms.models import DashboardPage

    steps = set()
    for page in DashboardPage.objects.live():
        for raw in page.body.raw_data:
            if raw.get("type") == "impact_step" and wave.pk in wave_ids_in(raw.get("value")):
                steps.add(int(raw["value"]["step"]))
    return steps


def wave_document(*, wave: Wave, language: str) -> ReportDocument:
    """Return the printed report of every published result of one wave in `language`."""
    with translation.override(language):
        snapshot = localised_snapshot(published_snapshot(wave=wave), language=language, wave=wave)
        if snapshot is None:
            raise NothingPublished(_("This wave has no published results yet."))
        reach = reach_of(snapshot=snapshot)
        parts = [Heading(_("Who took part"))] + _reach_parts({}, {"reach": reach})[1:]
        parts.append(Heading(_("The answers")))
        for item in snapshot.figures.questions:
            if item.kind in TEXT_KINDS or item.kind == Question.Kind.MATRIX_ROW:
                continue
            parts.append(ChartPart(_wave_chart(snapshot, item)))
        scales = snapshot.figures.scales
        if scales:
            parts.append(Heading(_("Scales")))
            parts += [
                ChartPart(
                    figure_kinds.bar_chart(
                        snapshot=snapshot, key=figure_kinds.SCALE_PREFIX + scale.key
                    )
                )
                for scale in scales
            ]
        return ReportDocument(
            title=_title_of(wave),
            subtitle=_("Report on the survey"),
            ladder=Ladder(
                _ladder(_steps_shown_for(wave)),
                caption=_(
                    "PHINEO's impact ladder: steps 1 to 3 are outputs, 4 to 6 outcomes, 7 "
                    "impact. The marked steps are the ones our dashboards show with figures "
                    "of this survey."
                ),
            ),
            made_on=timezone.localdate(),
            language=language,
            parts=parts,
            notes=_notes([wave], snapshot.min_cell_size),
            min_cell_size=snapshot.min_cell_size,
        )
