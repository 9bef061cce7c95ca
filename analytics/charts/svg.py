"""A static SVG of a bar chart, drawn on the server from the chart model's figure.

Browsers print the interactive Plotly chart badly (or not at all without JavaScript),
so print and the no-script view get this picture instead. It draws bar traces only:
horizontal or vertical, grouped or stacked, with interval whiskers and bar labels.
Any other trace kind gives no picture; the table beside the chart still has every figure.
"""

import math
import re

from django.utils.formats import number_format
from django.utils.html import escape

from analytics.charts.theme import BLUE, INK, axis_title

WIDTH = 520
FONT_SIZE = 14
# About how wide one character of a 14 px sans-serif font is, to lay out labels.
CHARACTER_WIDTH = 7.6
ROW_HEIGHT = 34
TEXT_COLOUR = INK
GRID_COLOUR = "#d4d4d8"
DEFAULT_COLOUR = BLUE
FONT_FAMILY = "system-ui, sans-serif"


def _hex_luminance(colour: str) -> float | None:
    match = re.fullmatch(r"#([0-9a-fA-F]{6})", colour or "")
    if not match:
        return None
    channels = [int(match.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def label_colour(fill: str) -> str:
    """Return white on a dark bar and near-black on a light one (WCAG contrast)."""
    luminance = _hex_luminance(fill)
    if luminance is None:
        return TEXT_COLOUR
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= 4.5 else TEXT_COLOUR


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Return round tick values (1, 2 or 5 times a power of ten) covering low..high."""
    if high <= low:
        high = low + 1
    raw_step = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _format_tick(value: float) -> str:
    if float(value).is_integer():
        return number_format(int(value))
    return number_format(round(value, 2))


def _wrap(text: str, width_in_characters: int, lines: int = 2) -> list[str]:
    """Return the text in at most `lines` lines; the last one ends with … if cut."""
    words, result, current = str(text).split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width_in_characters or not current:
            current = candidate
        else:
            result.append(current)
            current = word
    result.append(current)
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][: max(1, width_in_characters - 1)].rstrip() + "…"
    return [line[: width_in_characters + 8] for line in result]


def _as_list(value, length: int, default=None) -> list:
    if isinstance(value, list):
        return (value + [default] * length)[:length]
    return [value if value is not None else default] * length


def _number(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _errors(trace: dict, axis: str, count: int) -> list[tuple[float, float]]:
    error = trace.get(f"error_{axis}") or {}
    if not error or error.get("visible") is False or "array" not in error:
        return [(0.0, 0.0)] * count
    plus = [_number(v) for v in _as_list(error.get("array"), count, 0)]
    if error.get("symmetric", "arrayminus" not in error):
        minus = plus
    else:
        minus = [_number(v) for v in _as_list(error.get("arrayminus"), count, 0)]
    return list(zip(minus, plus, strict=True))


def _axis_title(layout: dict, axis: str) -> str:
    return axis_title(layout.get(axis) or {})


def render_bar_svg(
    figure: dict | None, *, title: str, description: str, element_id: str = "chart"
) -> str:
    """Return the SVG markup of a bar figure, or "" when the figure is not bars only."""
    if not figure:
        return ""
    traces = [trace for trace in figure.get("data", []) if trace.get("visible", True) is True]
    if not traces or any(trace.get("type") != "bar" for trace in traces):
        return ""
    layout = figure.get("layout", {})
    horizontal = traces[0].get("orientation") == "h"
    category_key, value_key = ("y", "x") if horizontal else ("x", "y")
    categories: list[str] = []
    for trace in traces:
        for category in trace.get(category_key) or []:
            if str(category) not in categories:
                categories.append(str(category))
    if not categories:
        return ""
    stacked = layout.get("barmode") in ("stack", "relative")
    bars = []  # (trace index, category index, start, end, text, colour, error)
    offsets_positive = [0.0] * len(categories)
    offsets_negative = [0.0] * len(categories)
    for trace_index, trace in enumerate(traces):
        names = [str(c) for c in trace.get(category_key) or []]
        values = [_number(v) for v in trace.get(value_key) or []]
        texts = _as_list(trace.get("text"), len(values), "")
        colours = _as_list((trace.get("marker") or {}).get("color"), len(values), DEFAULT_COLOUR)
        errors = _errors(trace, value_key, len(values))
        bases = [_number(base) for base in _as_list(trace.get("base"), len(values), 0)]
        for position, (name, value) in enumerate(zip(names, values, strict=False)):
            category = categories.index(name)
            start = bases[position]
            if stacked:
                offsets = offsets_positive if value >= 0 else offsets_negative
                start = offsets[category]
                offsets[category] += value
            colour = colours[position] if isinstance(colours[position], str) else DEFAULT_COLOUR
            # One line here: the picture breaks its own lines.
            text = "" if texts[position] is None else " ".join(str(texts[position]).split("<br>"))
            bars.append(
                (trace_index, category, start, start + value, text, colour, errors[position])
            )
    value_axis = layout.get(f"{value_key}axis") or {}
    fixed = value_axis.get("range")
    if isinstance(fixed, list) and len(fixed) == 2:
        # A fixed range is the scale's whole range (1 to 5): drawn as it is, never
        # stretched to zero or cut to the data, as the interactive chart draws it.
        low, high = _number(fixed[0]), _number(fixed[1])
        ticks = [_number(tick) for tick in value_axis.get("tickvals") or []] or nice_ticks(
            low, high
        )
        ticks = [tick for tick in ticks if low <= tick <= high]
    else:
        low = min([0.0] + [min(b[2], b[3]) - b[6][0] for b in bars])
        high = max([0.0] + [max(b[2], b[3]) + b[6][1] for b in bars])
        ticks = nice_ticks(low, high)
        low, high = min(low, ticks[0]), max(high, ticks[-1])
    tick_texts = value_axis.get("ticktext") or []
    tick_values = [_number(tick) for tick in value_axis.get("tickvals") or []]
    tick_labels = dict(zip(tick_values, tick_texts, strict=False))

    legend = [
        (str(trace.get("name")), _as_list((trace.get("marker") or {}).get("color"), 1)[0])
        for trace in traces
        if trace.get("name") and len(traces) > 1 and trace.get("showlegend") is not False
    ]
    legend_height = 26 * math.ceil(len(legend) / 2) if legend else 0
    value_title = _axis_title(layout, f"{value_key}axis")
    groups = 1 if stacked else len(traces)

    parts = []
    if horizontal:
        longest = max(len(c) for c in categories)
        # Labels get a little more than the average width: capitals and "ß" are wide.
        label_width = min(WIDTH * 0.4, max(60, min(longest, 28) * CHARACTER_WIDTH * 1.12)) + 12
        plot_left, plot_right = label_width, WIDTH - 16
        plot_top = 8 + legend_height
        row = ROW_HEIGHT * max(1, groups * 0.75)
        plot_bottom = plot_top + row * len(categories)
        height = plot_bottom + 44

        def scale(value):
            value = min(max(value, low), high)
            return plot_left + (value - low) / (high - low) * (plot_right - plot_left)

        for tick in ticks:
            x = scale(tick)
            parts.append(
                f'<line x1="{x:.1f}" y1="{plot_top}" x2="{x:.1f}" y2="{plot_bottom:.1f}" '
                f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
                f'<text x="{x:.1f}" y="{plot_bottom + 16:.1f}" text-anchor="middle">'
                f"{escape(tick_labels.get(tick, _format_tick(tick)))}</text>"
            )
        if value_title:
            parts.append(
                f'<text x="{(plot_left + plot_right) / 2:.1f}" y="{height - 6:.1f}" '
                f'text-anchor="middle">{escape(value_title)}</text>'
            )
        characters = int((label_width - 12) / (CHARACTER_WIDTH * 1.12))
        for index, category in enumerate(categories):
            lines = _wrap(category, characters)
            middle = plot_top + row * (index + 0.5)
            first = middle - (len(lines) - 1) * 8 + 4
            for number, line in enumerate(lines):
                parts.append(
                    f'<text x="{label_width - 8:.1f}" y="{first + number * 16:.1f}" '
                    f'text-anchor="end">{escape(line)}</text>'
                )
        thickness = row * 0.7 / groups
        for trace_index, category, start, end, text, colour, error in bars:
            slot = 0 if stacked else trace_index
            y = plot_top + row * category + row * 0.15 + slot * thickness
            x1, x2 = sorted((scale(start), scale(end)))
            parts.append(
                f'<rect x="{x1:.1f}" y="{y:.1f}" width="{max(0.0, x2 - x1):.1f}" '
                f'height="{thickness:.1f}" fill="{escape(colour)}"/>'
            )
            if error != (0.0, 0.0):
                e1, e2 = scale(end - error[0]), scale(end + error[1])
                cy = y + thickness / 2
                parts.append(
                    f'<path d="M{e1:.1f} {cy:.1f}H{e2:.1f}M{e1:.1f} {cy - 6:.1f}V{cy + 6:.1f}'
                    f'M{e2:.1f} {cy - 6:.1f}V{cy + 6:.1f}" stroke="{TEXT_COLOUR}" '
                    'stroke-width="1.5" fill="none"/>'
                )
            if text:
                width = len(text) * CHARACTER_WIDTH
                baseline = y + thickness / 2 + 4.5
                if x2 - x1 >= width + 10:
                    # Beside an interval whisker at the bar's end, the label moves to its start.
                    anchor, x_text = ("end", x2 - 5) if error == (0.0, 0.0) else ("start", x1 + 5)
                    parts.append(
                        f'<text x="{x_text:.1f}" y="{baseline:.1f}" text-anchor="{anchor}" '
                        f'fill="{label_colour(colour)}">{escape(text)}</text>'
                    )
                elif not stacked and error == (0.0, 0.0):
                    # Beside a short or withheld bar; a long note ("not shown, to protect a
                    # small group") is broken into two lines rather than run off the picture.
                    room = int((WIDTH - x2 - 9) / CHARACTER_WIDTH)
                    if len(text) <= room:
                        parts.append(
                            f'<text x="{x2 + 5:.1f}" y="{baseline:.1f}">{escape(text)}</text>'
                        )
                    else:
                        # Two lines of 12 px keep clear of the rows above and below.
                        lines = _wrap(text, max(8, int(room * FONT_SIZE / 12)))
                        parts += [
                            f'<text x="{x2 + 5:.1f}" y="{baseline - 6 + 13 * number:.1f}" '
                            f'font-size="12">{escape(line)}</text>'
                            for number, line in enumerate(lines)
                        ]
    else:
        plot_left, plot_right = 56, WIDTH - 16
        plot_top = 8 + legend_height
        plot_bottom = plot_top + 240
        column = (plot_right - plot_left) / len(categories)
        characters = max(4, int(column / CHARACTER_WIDTH))
        height = plot_bottom + 16 * 3 + 28

        def scale(value):
            value = min(max(value, low), high)
            return plot_bottom - (value - low) / (high - low) * (plot_bottom - plot_top)

        for tick in ticks:
            y = scale(tick)
            parts.append(
                f'<line x1="{plot_left}" y1="{y:.1f}" x2="{plot_right}" y2="{y:.1f}" '
                f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
                f'<text x="{plot_left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                f"{escape(tick_labels.get(tick, _format_tick(tick)))}</text>"
            )
        if value_title:
            parts.append(
                f'<text x="14" y="{(plot_top + plot_bottom) / 2:.1f}" text-anchor="middle" '
                f'transform="rotate(-90 14 {(plot_top + plot_bottom) / 2:.1f})">'
                f"{escape(value_title)}</text>"
            )
        for index, category in enumerate(categories):
            for number, line in enumerate(_wrap(category, characters, lines=3)):
                parts.append(
                    f'<text x="{plot_left + column * (index + 0.5):.1f}" '
                    f'y="{plot_bottom + 18 + number * 16:.1f}" text-anchor="middle">'
                    f"{escape(line)}</text>"
                )
        thickness = column * 0.7 / groups
        for trace_index, category, start, end, text, colour, error in bars:
            slot = 0 if stacked else trace_index
            x = plot_left + column * category + column * 0.15 + slot * thickness
            y1, y2 = sorted((scale(start), scale(end)))
            parts.append(
                f'<rect x="{x:.1f}" y="{y1:.1f}" width="{thickness:.1f}" '
                f'height="{max(0.0, y2 - y1):.1f}" fill="{escape(colour)}"/>'
            )
            if error != (0.0, 0.0):
                e1, e2 = scale(end - error[0]), scale(end + error[1])
                cx = x + thickness / 2
                parts.append(
                    f'<path d="M{cx:.1f} {e1:.1f}V{e2:.1f}M{cx - 6:.1f} {e1:.1f}H{cx + 6:.1f}'
                    f'M{cx - 6:.1f} {e2:.1f}H{cx + 6:.1f}" stroke="{TEXT_COLOUR}" '
                    'stroke-width="1.5" fill="none"/>'
                )
            if text and error == (0.0, 0.0) and len(text) * CHARACTER_WIDTH <= thickness + 24:
                inside = y2 - y1 >= 22
                y_text = y1 + 16 if inside else y1 - 5
                fill = label_colour(colour) if inside else TEXT_COLOUR
                parts.append(
                    f'<text x="{x + thickness / 2:.1f}" y="{y_text:.1f}" text-anchor="middle" '
                    f'fill="{fill}">{escape(text)}</text>'
                )
    for index, (name, colour) in enumerate(legend):
        x = 8 + (index % 2) * (WIDTH / 2)
        y = 6 + 26 * (index // 2)
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="14" height="14" fill="{escape(str(colour))}"/>'
            f'<text x="{x + 20:.1f}" y="{y + 12}">{escape(name)}</text>'
        )
    zero = scale(0.0)
    if horizontal:
        parts.append(
            f'<line x1="{zero:.1f}" y1="{plot_top}" x2="{zero:.1f}" y2="{plot_bottom:.1f}" '
            f'stroke="{TEXT_COLOUR}" stroke-width="1.5"/>'
        )
    else:
        parts.append(
            f'<line x1="{plot_left}" y1="{zero:.1f}" x2="{plot_right}" y2="{zero:.1f}" '
            f'stroke="{TEXT_COLOUR}" stroke-width="1.5"/>'
        )
    return svg_document(parts, height=height, title=title, description=description, uid=element_id)


def svg_document(
    parts: list[str],
    *,
    height: float,
    title: str,
    description: str,
    uid: str,
    font_family: str = FONT_FAMILY,
    attributes: str = "",
) -> str:
    """Return a chart picture's SVG element around its drawn `parts`, titled for screen readers.

    `attributes` go first on the element (the agreement and trend pictures fix the
    direction there).
    """
    uid = escape(uid)
    return (
        f"<svg {attributes + ' ' if attributes else ''}"
        f'xmlns="http://www.w3.org/2000/svg" class="chart__svg" role="img" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" '
        f'aria-labelledby="svg-title-{uid} svg-desc-{uid}" '
        f'font-family="{escape(font_family)}" font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">'
        f'<title id="svg-title-{uid}">{escape(title)}</title>'
        f'<desc id="svg-desc-{uid}">{escape(description)}</desc>'
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>' + "".join(parts) + "</svg>"
    )
