"""Plotly figures built on the server from a snapshot, each with a table and a summary."""

import json
import uuid
from dataclasses import dataclass, field

import plotly.graph_objects as go
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from analytics.models import Snapshot

# Okabe-Ito blue: colour-blind safe, 5.9:1 against white for the bars' outline contrast.
BAR_COLOUR = "#0072B2"


@dataclass
class Table:
    caption: str
    headings: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Chart:
    title: str
    summary: str
    table: Table
    figure: dict | None = None
    note: str = ""
    data_id: str = field(default_factory=lambda: f"figure-{uuid.uuid4().hex[:8]}")


def withheld_text(min_cell_size: int) -> str:
    return _("fewer than %(k)s") % {"k": min_cell_size}


def question_chart(
    *, snapshot: Snapshot | None, question_key: str, heading: str = "", language: str = "de"
) -> Chart:
    """Return the chart of one question from a published snapshot."""
    question = snapshot.question(question_key) if snapshot else None
    title = heading or (question["text"] if question else "")
    if question is None:
        return Chart(
            title=title or _("Results"),
            summary=_("No results have been published for this question yet."),
            table=Table(caption=title, headings=[]),
        )
    k = snapshot.min_cell_size
    if question.get("options"):
        return _choice_chart(question, title, k)
    return _number_chart(question, title, k)


def _too_few_chart(title: str, k: int) -> Chart:
    summary = _(
        "Fewer than %(k)s people have answered this question so far, so no results are shown."
    )
    return Chart(title=title, summary=summary % {"k": k}, table=Table(caption=title, headings=[]))


def _count_cell(count: int | None, k: int) -> str:
    return withheld_text(k) if count is None else number_format(count)


def _choice_chart(question: dict, title: str, k: int) -> Chart:
    answered = question.get("answered")
    if answered is None:
        return _too_few_chart(title, k)
    options = question["options"]
    table = Table(
        caption=_("%(title)s (n = %(n)s)") % {"title": title, "n": number_format(answered)},
        headings=[_("Answer"), _("People"), _("Share")],
        rows=[
            [
                option["label"],
                _count_cell(option["count"], k),
                "–"
                if option["count"] is None
                else f"{number_format(round(100 * option['count'] / answered))} %",
            ]
            for option in options
        ],
    )
    shown = [option for option in options if option["count"] is not None]
    top = max(shown, key=lambda option: option["count"]) if shown else None
    summary = ngettext("%(n)s person answered.", "%(n)s people answered.", answered) % {
        "n": number_format(answered)
    }
    if top:
        summary += " " + _("The most frequent answer was “%(label)s” (%(share)s %%).") % {
            "label": top["label"],
            "share": number_format(round(100 * top["count"] / answered)),
        }
    figure = go.Figure(
        go.Bar(
            x=[option["count"] if option["count"] is not None else 0 for option in options],
            y=[option["label"] for option in options],
            orientation="h",
            marker={"color": BAR_COLOUR},
            text=[_count_cell(option["count"], k) for option in options],
            textposition="auto",
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        _layout(rows=len(options), xaxis={"title": {"text": _("People")}, "rangemode": "tozero"})
    )
    note = ""
    if any(option["count"] is None for option in options):
        note = _(
            "To protect privacy, groups of fewer than %(k)s people are not shown; "
            "where needed, another small group is hidden too "
            "so the hidden figure cannot be worked out."
        ) % {"k": k}
    if not shown:
        # Everything is withheld: a chart of empty bars would only mislead.
        return Chart(title=title, summary=summary, table=table, note=note)
    return Chart(title=title, summary=summary, table=table, figure=_as_json(figure), note=note)


def _number_chart(question: dict, title: str, k: int) -> Chart:
    answered = question.get("answered")
    if answered is None:
        return _too_few_chart(title, k)
    mean = question["mean"]
    groups = question.get("by_quarter", [])
    table = Table(
        caption=_("%(title)s: average on a scale from 0 to 10 (n = %(n)s)")
        % {"title": title, "n": number_format(answered)},
        headings=[_("Group"), _("People"), _("Average")],
        rows=[[_("Everyone"), number_format(answered), number_format(mean, decimal_pos=1)]]
        + [
            [
                group["label"],
                _count_cell(group["answered"], k),
                "–" if group["mean"] is None else number_format(group["mean"], decimal_pos=1),
            ]
            for group in groups
        ],
    )
    summary = _("On average, the %(n)s people who answered gave %(mean)s out of 10.") % {
        "n": number_format(answered),
        "mean": number_format(mean, decimal_pos=1),
    }
    labels = [_("Everyone")] + [group["label"] for group in groups]
    values = [mean] + [group["mean"] if group["mean"] is not None else 0 for group in groups]
    texts = [number_format(mean, decimal_pos=1)] + [
        withheld_text(k) if group["mean"] is None else number_format(group["mean"], decimal_pos=1)
        for group in groups
    ]
    figure = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker={"color": BAR_COLOUR},
            text=texts,
            textposition="auto",
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        _layout(
            rows=len(labels), xaxis={"title": {"text": _("Average (0 to 10)")}, "range": [0, 10]}
        )
    )
    return Chart(title=title, summary=summary, table=table, figure=_as_json(figure))


def _layout(*, rows: int, xaxis: dict) -> dict:
    """Return the layout shared by horizontal bar charts; the heading sits above in HTML."""
    return {
        "xaxis": xaxis,
        "yaxis": {"autorange": "reversed", "automargin": True},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
        "height": 60 + 44 * rows,
        "font": {"family": "system-ui, sans-serif", "size": 14, "color": "#1b1b1f"},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
    }


def _as_json(figure: go.Figure) -> dict:
    """Return the figure as plain JSON data, ready for `json_script`."""
    return json.loads(figure.to_json())
