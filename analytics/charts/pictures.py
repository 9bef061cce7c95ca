"""The static SVG picture of a chart, for print, for visitors without scripts and for the PDF.

`chart_picture(chart)` is the one way in: the printed dashboard, the no-script view and
the PDF report all draw a chart's picture from its chart model through it. Bars go to
`analytics.charts.svg.render_bar_svg`. Two kinds it cannot draw faithfully are drawn
here: the agreement chart (a diverging stacked bar whose statements Plotly writes as
annotations, whose neutral share is split in two halves around zero and whose axis counts
shares on both sides from 0 to 100 %) and the trend (a line of averages across waves).
"""

import html
import math
import re

from django.utils.formats import number_format
from django.utils.html import escape

from analytics.charts.model import Chart
from analytics.charts.svg import (
    CHARACTER_WIDTH,
    DEFAULT_COLOUR,
    FONT_FAMILY,
    GRID_COLOUR,
    TEXT_COLOUR,
    WIDTH,
    label_colour,
    nice_ticks,
    render_bar_svg,
    svg_document,
)
from analytics.charts.theme import axis_title
from surveys.typesetting import has_right_to_left

_TAG = re.compile(r"<[^>]+>")
# A chart's geometry runs left to right in every language (disagree left, the first wave
# left); on a right-to-left page, "start" and "end" of a label would otherwise swap sides.
# Arabic words inside a label still read right to left.
_LEFT_TO_RIGHT = 'direction="ltr"'


def chart_picture(chart: Chart, *, font_family: str = FONT_FAMILY) -> str:
    """Return the SVG markup of a chart's picture, or "" when no faithful picture is possible.

    A chart that carries a picture of its own (the quarter map) keeps it; any other is
    drawn from its figure. `font_family` names the font of every text in it.
    """
    if chart.picture:
        return chart.picture.replace(
            f'font-family="{FONT_FAMILY}"', f'font-family="{escape(font_family)}"'
        )
    return figure_picture(
        chart.figure,
        title=chart.title,
        description=chart.summary,
        element_id=chart.data_id,
        font_family=font_family,
    )


def figure_picture(
    figure: dict | None,
    *,
    title: str,
    description: str,
    element_id: str = "chart",
    font_family: str = FONT_FAMILY,
) -> str:
    """Return the SVG markup of a Plotly figure, or "" when no faithful picture is possible."""
    if not figure:
        return ""
    traces = [trace for trace in figure.get("data", []) if trace.get("visible", True) is True]
    if not traces:
        return ""
    if _is_diverging(figure, traces):
        parts, height = _diverging(figure, traces)
    elif all(trace.get("type") == "scatter" for trace in traces):
        parts, height = _lines(figure, traces)
    else:
        svg = render_bar_svg(figure, title=title, description=description, element_id=element_id)
        svg = svg.replace(f'font-family="{FONT_FAMILY}"', f'font-family="{escape(font_family)}"')
        return svg.replace("<svg ", f"<svg {_LEFT_TO_RIGHT} ", 1)
    if not parts:
        return ""
    return svg_document(
        parts,
        height=height,
        title=title,
        description=description,
        uid=element_id,
        font_family=font_family,
        attributes=_LEFT_TO_RIGHT,
    )


def _is_diverging(figure: dict, traces: list[dict]) -> bool:
    layout = figure.get("layout", {})
    return (
        layout.get("barmode") == "relative"
        and all(trace.get("type") == "bar" and trace.get("orientation") == "h" for trace in traces)
        and bool((layout.get("xaxis") or {}).get("ticktext"))
    )


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _plain(text) -> str:
    """Return an annotation's text without Plotly's markup: its lines joined by spaces."""
    return " ".join(html.unescape(_TAG.sub(" ", str(text or ""))).split())


def _wrap(text: str, characters: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and len(candidate) > characters:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def _text(x, y, text, *, anchor="start", fill=None, weight=None, size=None) -> str:
    attributes = f'x="{x:.1f}" y="{y:.1f}"'
    if anchor != "start":
        attributes += f' text-anchor="{anchor}"'
    if fill:
        attributes += f' fill="{fill}"'
    if weight:
        attributes += f' font-weight="{weight}"'
    if size:
        attributes += f' font-size="{size}"'
    return f"<text {attributes}>{escape(text)}</text>"


def _legend(entries: list[tuple[str, str]], top: float) -> tuple[list[str], float]:
    """Return the legend, one entry per answer in the reading order, and its height."""
    parts = []
    column_width = WIDTH / 2
    for index, (name, colour) in enumerate(entries):
        x = 8 + (index % 2) * column_width
        y = top + 24 * (index // 2)
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="14" fill="{escape(colour)}" '
            f'stroke="{TEXT_COLOUR}" stroke-width="0.5"/>' + _text(x + 20, y + 12, name)
        )
    return parts, 24 * math.ceil(len(entries) / 2)


def _diverging(figure: dict, traces: list[dict]) -> tuple[list[str], float]:
    layout = figure["layout"]
    axis = layout.get("xaxis") or {}
    statements = {
        str(note.get("y")): _plain(note.get("text"))
        for note in layout.get("annotations") or []
        if note.get("yref") == "y"
    }
    rows: list[str] = []
    for trace in traces:
        for key in trace.get("y") or []:
            if str(key) not in rows:
                rows.append(str(key))
    # One legend entry per answer, in the order the answers run (Plotly's legendrank):
    # the neutral answer is drawn as two halves but named once.
    named = {}
    for trace in traces:
        name = str(trace.get("name") or "")
        if name and name not in named:
            colour = (trace.get("marker") or {}).get("color") or DEFAULT_COLOUR
            named[name] = (trace.get("legendrank", len(named)), colour)
    entries = [
        (name, colour) for name, (_rank, colour) in sorted(named.items(), key=lambda i: i[1][0])
    ]
    parts, legend_height = _legend(entries, 6)

    low, high = (axis.get("range") or [-100, 100])[:2]
    low, high = _number(low) or -100.0, _number(high) or 100.0
    left, right = 12.0, WIDTH - 12.0

    def scale(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    characters = int((right - left) / CHARACTER_WIDTH)
    top = legend_height + 20
    bar_height = 24
    bands = []  # the top of each bar: grid lines run behind bars, never through statements
    for row in rows:
        # An Arabic statement is read from the right, as in the interactive chart.
        is_right_to_left = has_right_to_left(statements.get(row, ""))
        for line in _wrap(statements.get(row, ""), characters):
            top += 17
            if is_right_to_left:
                parts.append(_text(right, top, line, anchor="end"))
            else:
                parts.append(_text(left, top, line))
        top += 6
        bands.append(top)
        negative = positive = 0.0
        spans: dict[str, list] = {}  # answer name: [left, right, label, colour]
        for trace in traces:
            keys = [str(key) for key in trace.get("y") or []]
            if row not in keys:
                continue
            position = keys.index(row)
            value = _number((trace.get("x") or [None] * len(keys))[position]) or 0.0
            if not value:
                continue
            texts = trace.get("text") or []
            label = str(texts[position]) if position < len(texts) and texts[position] else ""
            colour = (trace.get("marker") or {}).get("color") or DEFAULT_COLOUR
            if value < 0:
                start, negative = negative, negative + value
            else:
                start, positive = positive, positive + value
            x1, x2 = sorted((scale(start), scale(start + value)))
            parts.append(
                f'<rect x="{x1:.1f}" y="{top:.1f}" width="{x2 - x1:.1f}" height="{bar_height}" '
                f'fill="{escape(colour)}" stroke="{TEXT_COLOUR}" stroke-width="0.5"/>'
            )
            # The neutral answer's two halves make one span; one of them carries its label.
            span = spans.setdefault(str(trace.get("name")), [x1, x2, "", colour])
            span[0], span[1] = min(span[0], x1), max(span[1], x2)
            span[2] = span[2] or label
        for x1, x2, label, colour in spans.values():
            if label and x2 - x1 >= len(label) * CHARACTER_WIDTH * 0.86 + 6:
                parts.append(
                    _text(
                        (x1 + x2) / 2,
                        top + bar_height / 2 + 4.5,
                        label,
                        anchor="middle",
                        fill=label_colour(colour),
                        size=12,
                    )
                )
        top += bar_height + 12
    zero = scale(0.0)
    grid = []
    for value, label in zip(axis.get("tickvals") or [], axis.get("ticktext") or [], strict=False):
        x = scale(_number(value) or 0.0)
        grid += [
            f'<line x1="{x:.1f}" y1="{band - 4:.1f}" x2="{x:.1f}" y2="{band + bar_height + 4:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
            for band in bands
        ]
        anchor = "start" if x <= left + 1 else "end" if x >= right - 1 else "middle"
        parts.append(_text(x, top + 14, str(label), anchor=anchor))
    parts[len(entries) : len(entries)] = grid
    parts += [
        f'<line x1="{zero:.1f}" y1="{band - 3:.1f}" x2="{zero:.1f}" '
        f'y2="{band + bar_height + 3:.1f}" stroke="{TEXT_COLOUR}" stroke-width="2"/>'
        for band in bands
    ]
    title = axis_title(axis)
    if title:
        parts.append(_text(WIDTH / 2, top + 34, title, anchor="middle"))
    return parts, top + 46


def _format(value: float) -> str:
    return number_format(int(value)) if float(value).is_integer() else number_format(value, 1)


def _lines(figure: dict, traces: list[dict]) -> tuple[list[str], float]:
    layout = figure.get("layout", {})
    axis = layout.get("yaxis") or {}
    categories: list[str] = []
    for trace in traces:
        for category in trace.get("x") or []:
            if str(category) not in categories:
                categories.append(str(category))
    if not categories:
        return [], 0
    points = []  # per trace: [(category index, value, low, high, text)]
    for trace in traces:
        values = trace.get("y") or []
        error = trace.get("error_y") or {}
        plus = error.get("array") or [0] * len(values)
        minus = error.get("arrayminus") or plus
        texts = trace.get("text") or [""] * len(values)
        line = []
        for position, (category, raw) in enumerate(zip(trace.get("x") or [], values, strict=False)):
            value = _number(raw)
            if value is None:
                continue
            up = _number(plus[position] if position < len(plus) else 0) or 0.0
            down = _number(minus[position] if position < len(minus) else 0) or 0.0
            text = str(texts[position]) if position < len(texts) and texts[position] else ""
            line.append((categories.index(str(category)), value, value - down, value + up, text))
        points.append((trace, line))
    fixed = axis.get("range")
    if isinstance(fixed, list) and len(fixed) == 2 and None not in fixed:
        low, high = float(fixed[0]), float(fixed[1])
    else:
        values = [v for _t, line in points for _c, _v, lo, hi, _x in line for v in (lo, hi)]
        low, high = min(values), max(values)
        if axis.get("rangemode") == "tozero":
            low = min(0.0, low)
    ticks = [tick for tick in nice_ticks(low, high) if low - 1e-9 <= tick <= high + 1e-9]
    plot_top, plot_bottom = 12.0, 252.0
    title = axis_title(axis)
    # A long scale title ("1 = … 5 = …") runs up the side in up to three lines.
    title_lines = _wrap(title, int((plot_bottom - plot_top) / CHARACTER_WIDTH))[:3]
    plot_left, plot_right = 40.0 + 16 * max(1, len(title_lines)), WIDTH - 40.0
    column = (plot_right - plot_left) / len(categories)

    def y_of(value: float) -> float:
        return plot_bottom - (value - low) / (high - low or 1) * (plot_bottom - plot_top)

    parts = []
    for tick in ticks:
        y = y_of(tick)
        parts.append(
            f'<line x1="{plot_left}" y1="{y:.1f}" x2="{plot_right}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
            + _text(plot_left - 6, y + 4, _format(tick), anchor="end")
        )
    parts.append(
        f'<line x1="{plot_left}" y1="{plot_bottom:.1f}" x2="{plot_right}" y2="{plot_bottom:.1f}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="1.5"/>'
    )
    middle = (plot_top + plot_bottom) / 2
    for number, line in enumerate(title_lines):
        x = 14 + 16 * number
        parts.append(
            f'<text x="{x}" y="{middle:.1f}" text-anchor="middle" '
            f'transform="rotate(-90 {x} {middle:.1f})">{escape(line)}</text>'
        )
    characters = max(6, int(column / CHARACTER_WIDTH))
    for index, category in enumerate(categories):
        x = plot_left + column * (index + 0.5)
        for number, line in enumerate(_wrap(category, characters)[:3]):
            parts.append(_text(x, plot_bottom + 18 + number * 16, line, anchor="middle"))
    for trace, line in points:
        colour = (trace.get("line") or {}).get("color") or DEFAULT_COLOUR
        coordinates = [(plot_left + column * (c + 0.5), y_of(v)) for c, v, _lo, _hi, _t in line]
        if len(coordinates) > 1:
            path = "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in coordinates)
            parts.append(
                f'<path d="{path}" stroke="{escape(colour)}" stroke-width="3" fill="none"/>'
            )
        for (x, y), (_c, _v, lower, upper, text) in zip(coordinates, line, strict=True):
            if upper > lower:
                y1, y2 = y_of(lower), y_of(upper)
                parts.append(
                    f'<path d="M{x:.1f} {y1:.1f}V{y2:.1f}M{x - 5:.1f} {y1:.1f}H{x + 5:.1f}'
                    f'M{x - 5:.1f} {y2:.1f}H{x + 5:.1f}" stroke="{TEXT_COLOUR}" '
                    'stroke-width="1.5" fill="none"/>'
                )
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{escape(colour)}"/>')
            if text:
                parts.append(_text(x + 10, y - 8, text, weight="bold"))
    return parts, plot_bottom + 18 + 16 * 3 + 8
