"""How every chart looks: one palette, one layout, one axis rule for averages.

Colours are Okabe-Ito (Okabe and Ito 2008, "Color Universal Design"); every bar has a
dark outline so light fills still stand 3:1 against the page, and every value is also
written as text, so no figure is told by colour alone.
"""

import json
import textwrap

import plotly.graph_objects as go
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from analytics.charts.model import average_short
from analytics.charts.wording import range_words, withheld_text
from analytics.snapshot_schema import Average, ItemFigures, ScoreRange
from surveys.typesetting import has_right_to_left

INK = "#1b1b1f"


OUTLINE = {"color": INK, "width": 1}


BLUE = "#0072B2"


SKY_BLUE = "#56B4E9"


ORANGE = "#E69F00"


VERMILLION = "#D55E00"


GREEN = "#009E73"


PURPLE = "#CC79A7"


GREY = "#BBBBBB"


# Text colour on each fill: black on the light ones, white on blue (5.2:1).
TEXT_ON = {BLUE: "#ffffff"}


# Disagree strongly → agree strongly, neutral in the middle.
AGREEMENT_COLOURS = {
    4: [VERMILLION, ORANGE, SKY_BLUE, BLUE],
    5: [VERMILLION, ORANGE, GREY, SKY_BLUE, BLUE],
}


GROUP_COLOURS = [BLUE, ORANGE, GREEN, PURPLE, SKY_BLUE, VERMILLION]


# A pattern per group as well as a colour, so groups differ in greyscale too.
GROUP_PATTERNS = ["", "/", ".", "x", "\\", "+"]


def score_range(item: ItemFigures) -> ScoreRange | None:
    """Return the range an item's average can take, or None when it has no fixed range."""
    return item.range


def mean_axis(item: ItemFigures) -> dict:
    """Return the Plotly axis of an average: the item's full range, named at both ends.

    An axis cut to the data (0 to 3 for a 1 to 5 item) makes 2.6 → 3.0 look dramatic.
    """
    found = score_range(item)
    if found is None:
        return {"title": {"text": _("Average")}, "rangemode": "tozero"}
    axis = {
        "title": {"text": _("Average (%(range)s)") % {"range": range_words(found)}},
        "range": [found.low, found.high],
        "zeroline": False,
    }
    if float(found.low).is_integer() and float(found.high).is_integer():
        step = 1 if found.high - found.low <= 10 else None
        if step:
            axis["tickvals"] = list(range(int(found.low), int(found.high) + 1))
    return axis


def axis_floor(axis: dict) -> float:
    """Return where bars on this axis start: the low end of a fixed range, else zero."""
    return axis["range"][0] if "range" in axis else 0


def bar_layout(*, rows: int, xaxis: dict) -> dict:
    """Return the layout of plain horizontal bars, one row per bar; the heading sits above."""
    return layout(
        height=60 + 44 * rows,
        xaxis=xaxis,
        yaxis={"autorange": "reversed", "automargin": True},
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
    )


FONT_SIZE = 14


# The narrowest screen a chart is read on (a 390 px phone less the page's padding), and
# what a character of the 14 px interface font takes on average, Arabic and German alike.
NARROWEST_PLOT = 340
CHARACTER_WIDTH = 8


def layout(*, height: int, **extra) -> dict:
    """Return a chart's layout: our font and colours, and axes that fit on a phone.

    Every axis makes room for its tick labels and title (automargin), tick labels keep
    a gap from the bars (an Arabic label otherwise touches them), and a title longer
    than the side it runs along is broken into lines, so nothing is cut off at 390 px.
    """
    layout = {
        "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
        "height": height,
        "font": {"family": "system-ui, sans-serif", "size": FONT_SIZE, "color": INK},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
        "showlegend": False,
        "separators": separators(),
    } | extra
    margin = layout["margin"]
    # Tick labels below take part of the height (more when Plotly slants them on a phone).
    plot_height = 0.7 * (height - margin.get("t", 0) - margin.get("b", 0))
    for name, room in (("xaxis", NARROWEST_PLOT), ("yaxis", plot_height)):
        if name in layout:
            layout[name] = fitted_axis(layout[name], room=room)
    return layout


def fitted_axis(axis: dict, *, room: float) -> dict:
    """Return `axis` with room made for its labels and its title broken to fit `room` px."""
    axis = {"automargin": True, "ticklabelstandoff": 8} | axis
    title = axis.get("title")
    if isinstance(title, dict) and title.get("text"):
        characters = max(12, int(room / CHARACTER_WIDTH))
        axis["title"] = title | {"text": broken(title["text"], characters)}
    return axis


def reading_side(text: str) -> dict:
    """Return where a label set above a bar starts: at the right for Arabic, else the left.

    The bars run left to right in every language; an Arabic statement above them is
    read from the right, so it is set from the right edge of the plot.
    """
    if has_right_to_left(text):
        return {"x": 1, "xanchor": "right", "align": "right"}
    return {"x": 0, "xanchor": "left", "align": "left"}


def broken(text: str, characters: int) -> str:
    """Return `text` broken into lines of about `characters`, in Plotly's markup."""
    return "<br>".join(textwrap.wrap(text, characters) or [text])


def axis_title(axis: dict) -> str:
    """Return an axis title as plain text, its lines (broken to fit a phone) joined again."""
    title = axis.get("title") or {}
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    return " ".join(text.replace("<br>", " ").split())


def separators() -> str:
    """Return Plotly's decimal and thousands marks for the page's language ("," and ".")."""
    return get_format("DECIMAL_SEPARATOR") + (get_format("THOUSAND_SEPARATOR") or " ")


def as_json(figure: go.Figure) -> dict:
    """Return the figure as plain JSON data, ready for `json_script`."""
    return json.loads(figure.to_json())


def interval_bars(means: list[Average]) -> dict:
    """Return plotly error bars drawing each mean's interval (none where it has none)."""
    return {
        "type": "data",
        "symmetric": False,
        "array": [(m.mean_high - m.mean) if m.mean_high is not None else 0 for m in means],
        "arrayminus": [(m.mean - m.mean_low) if m.mean_low is not None else 0 for m in means],
        "color": INK,
        "thickness": 2,
        "width": 8,
    }


def mean_bars(labels, means: list[Average], k: int, axis: dict, colours=None) -> dict:
    """Return a figure of horizontal bars of averages with their 95 % intervals."""
    colours = colours or [BLUE] * len(means)
    # Bars start at the low end of the scale: a 1 to 5 item has no zero.
    floor = axis_floor(axis)
    values = [mean.mean - floor if mean.mean is not None else 0 for mean in means]
    figure = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            base=floor,
            orientation="h",
            marker={"color": colours, "line": OUTLINE},
            text=[
                broken(withheld_text(k), 24) if m.is_withheld else average_short(m) for m in means
            ],
            # A withheld bar has no length to hold its note: the note stands beside it.
            textposition=["outside" if m.is_withheld else "inside" for m in means],
            cliponaxis=False,
            insidetextanchor="start",
            insidetextfont={"color": [TEXT_ON.get(colour, "#000000") for colour in colours]},
            outsidetextfont={"size": 12},
            error_x=interval_bars(means),
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        layout(
            height=80 + 56 * len(labels),
            xaxis=axis,
            yaxis={"autorange": "reversed", "automargin": True},
        )
    )
    return as_json(figure)
