"""A map of the quarters: one published share or average per quarter, drawn as static SVG.

Built from a published snapshot only, with the same table, summary and withholding as
every chart. The picture is drawn here from outlines staff uploaded: no tiles, no
script, nothing from another host. Withheld quarters are hatched grey and say why, and
every quarter carries its figure as text, so nothing is told by colour alone.
"""

import math
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.figure_kinds import item_of, mean_of, wave_label
from analytics.figures import Chart, Table, withheld_text
from analytics.groups import Group, group_figures, group_label, segment_label
from analytics.models import Snapshot
from analytics.snapshot_schema import GroupFigures, ItemFigures, is_withheld

WIDTH = 520
PADDING = 12
INK = "#1b1b1f"
# ColorBrewer "Blues" (Brewer 2003), light to dark: ordered in lightness, so it reads in
# greyscale and for every kind of colour blindness.
CLASS_COLOURS = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
# Text on the two darkest classes is white (contrast above 4.5:1), black on the others.
DARK_CLASSES = {3, 4}
NO_DATA_COLOUR = "#f4f4f5"
WITHHELD_COLOUR = "#c8c8cc"


@dataclass(frozen=True)
class Outline:
    """The drawn outline of one quarter: its answer code, its name and a MultiPolygon."""

    code: str
    name: str
    geometry: dict
    is_simplified: bool = False


@dataclass(frozen=True)
class QuarterFigure:
    """One quarter's published figure; `people` None means withheld, 0 nobody answered."""

    code: str
    label: str
    people: int | None
    value: float | None = None

    @property
    def is_withheld(self) -> bool:
        return self.people is None or (self.people > 0 and self.value is None)


@dataclass
class QuarterMap:
    """What a map block shows: the chart (table, summary, note) and its static picture."""

    chart: Chart
    svg: str = ""


def quarter_map(
    *,
    snapshot: Snapshot | None,
    key: str,
    outlines: list[Outline],
    answers: list[str] | None = None,
    heading: str = "",
    group: Group | None = None,
) -> QuarterMap:
    """Return the map of a share (the chosen `answers`) or an average per quarter."""
    item = item_of(snapshot, key)
    title = heading or (item.text if item else _("Results"))
    if snapshot is None or item is None:
        return QuarterMap(_message(title, _("No results have been published for this yet.")))
    if item.status != "ok":
        return QuarterMap(
            _message(title, _("Too few people have answered this so far to show a map."))
        )
    published = snapshot.figures
    if "quarter" not in published.segments:
        return QuarterMap(_message(title, _("This survey did not ask where people live.")))
    rest = group.without("quarter") if group is not None else None
    probe = Group((("quarter", ""),) + (rest.values if rest else ()))
    if probe.grouping is None:
        return QuarterMap(
            _message(
                title,
                _("No figures per quarter are published for the group “%(group)s”.")
                % {"group": group_label(published, rest)},
            )
        )
    is_share = bool(item.options)
    if is_share and not answers:
        return QuarterMap(_message(title, _("Choose the answers whose share the map shows.")))
    if not is_share and mean_of(item, probe) is None:
        return QuarterMap(
            _message(
                title,
                _(
                    "Averages of this question are published for everyone only; choose "
                    "the answers whose share the map shows."
                ),
            )
        )
    figures = []
    for entry in published.segments["quarter"]:
        code = entry.value
        if not code:
            continue
        chosen = Group((("quarter", code),) + (rest.values if rest else ()))
        figures.append(
            _quarter_figure(item, chosen, code, segment_label(published, "quarter", code), answers)
        )
    k = snapshot.min_cell_size
    chart = _chart(item, figures, title, k, is_share, answers)
    chart.subtitle = " · ".join(
        part
        for part in [wave_label(snapshot), group_label(published, rest) if rest else ""]
        if part
    )
    low, high = _domain(item, figures, is_share)
    drawn = {outline.code for outline in outlines}
    missing = [figure.label for figure in figures if figure.code not in drawn]
    notes = [chart.note] if chart.note else []
    if any(outline.is_simplified for outline in outlines):
        notes.append(_("The outlines of the quarters are simplified."))
    if missing and outlines:
        notes.append(
            _("No outline has been uploaded for: %(quarters)s; the table shows them.")
            % {"quarters": ", ".join(missing)}
        )
    chart.note = " ".join(notes)
    svg = render_choropleth_svg(
        outlines=outlines,
        figures={figure.code: figure for figure in figures},
        low=low,
        high=high,
        is_share=is_share,
        k=k,
        title=title,
        description=chart.summary,
        element_id=chart.data_id,
    )
    chart.picture = svg
    return QuarterMap(chart, svg)


def _message(title: str, summary: str) -> Chart:
    return Chart(title=title, summary=summary, table=Table(caption=title, headings=[]))


def _quarter_figure(item: ItemFigures, group, code, label, answers) -> QuarterFigure:
    entry: GroupFigures | None = group_figures(item, group)
    if entry is None:
        return QuarterFigure(code, label, 0)
    people = entry.answered
    if entry.is_withheld or not people:
        return QuarterFigure(code, label, people)
    if answers:
        counts = [
            cell.count
            for cell, option in zip(entry.options, item.options, strict=False)
            if option.value in answers
        ]
        if any(is_withheld(count) for count in counts):
            return QuarterFigure(code, label, people)
        return QuarterFigure(code, label, people, 100 * sum(counts) / people)
    mean = mean_of(item, group)
    return QuarterFigure(code, label, people, None if mean is None else mean.mean)


def _format(value: float, is_share: bool) -> str:
    if is_share:
        return f"{number_format(round(value))} %"
    return number_format(round(value, 1), decimal_pos=1)


def _chart(item, figures, title, k, is_share, answers) -> Chart:
    if is_share:
        labels = [
            f"„{option.label or option.value}“"
            for option in item.options
            if option.value in answers
        ]
        what = _("Share who chose %(answers)s") % {"answers": _(" or ").join(labels)}
    else:
        what = pgettext("map", "Average")

    def shown(figure):
        if figure.is_withheld:
            return withheld_text(k)
        if not figure.people:
            return "–"
        return _format(figure.value, is_share)

    table = Table(
        caption=_("%(title)s: %(what)s per quarter") % {"title": title, "what": what},
        headings=[_("Quarter"), _("People"), what],
        rows=[
            [
                figure.label,
                withheld_text(k) if figure.people is None else number_format(figure.people),
                shown(figure),
            ]
            for figure in figures
        ],
    )
    visible = [figure for figure in figures if not figure.is_withheld and figure.people]
    withheld = any(figure.is_withheld for figure in figures)
    note = (
        _(
            "To protect privacy, groups of fewer than %(k)s people are not shown; "
            "where needed, another group is hidden too "
            "so the hidden figure cannot be worked out."
        )
        % {"k": k}
        if withheld
        else ""
    )
    if not visible:
        summary = _(
            "In every quarter fewer than %(k)s people answered, so no quarter can be shown."
        ) % {"k": k}
        return Chart(title=title, summary=summary, table=table, note=note)
    top = max(visible, key=lambda figure: figure.value)
    bottom = min(visible, key=lambda figure: figure.value)
    if top is bottom:
        summary = _("Only %(quarter)s can be shown: %(value)s.") % {
            "quarter": top.label,
            "value": _format(top.value, is_share),
        }
    else:
        values = {
            "top": top.label,
            "bottom": bottom.label,
            "top_mean": _format(top.value, is_share),
            "bottom_mean": _format(bottom.value, is_share),
        }
        if is_share:
            summary = _(
                "The share was highest in %(top)s (%(top_mean)s) and lowest in %(bottom)s "
                "(%(bottom_mean)s)."
            )
        else:
            summary = _(
                "The average was highest in %(top)s (%(top_mean)s) and lowest in %(bottom)s "
                "(%(bottom_mean)s)."
            )
        summary %= values
    return Chart(title=title, summary=summary, table=table, note=note)


def _domain(item, figures, is_share) -> tuple[float, float]:
    """Return the range the colour classes span: the item's full range where it has one.

    Like every axis of an average, the classes span the whole scale (1 to 5, 0 to 10, a
    score's lowest to highest points), so two quarters close together look close.
    """
    if is_share:
        return 0.0, 100.0
    found = item.range
    if found is not None and found.high > found.low:
        return float(found.low), float(found.high)
    values = [figure.value for figure in figures if figure.value is not None]
    if not values:
        return 0.0, 1.0
    low, high = math.floor(min(values)), math.ceil(max(values))
    return float(low), float(high if high > low else low + 1)


def colour_class(value: float, low: float, high: float) -> int:
    """Return which of the five equal-width classes between low and high a value falls in."""
    position = (value - low) / (high - low) if high > low else 0.0
    return max(0, min(len(CLASS_COLOURS) - 1, int(position * len(CLASS_COLOURS))))


# Drawing ---------------------------------------------------------------------------


def _project(outlines: list[Outline], width: float, height_limit: float):
    """Return a function from (longitude, latitude) to SVG x, y, and the height used.

    An equirectangular projection with longitudes shortened by the cosine of the middle
    latitude: true to shape at the size of a city's quarters.
    """
    points = [
        position
        for outline in outlines
        for polygon in outline.geometry["coordinates"]
        for ring in polygon
        for position in ring
    ]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    shrink = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * shrink, 1e-9)
    span_y = max(north - south, 1e-9)
    scale = min((width - 2 * PADDING) / span_x, (height_limit - 2 * PADDING) / span_y)
    used_width = span_x * scale
    offset_x = (width - used_width) / 2

    def project(position):
        x = offset_x + (position[0] - west) * shrink * scale
        y = PADDING + (north - position[1]) * scale
        return x, y

    return project, span_y * scale + 2 * PADDING


def _path(geometry: dict, project) -> str:
    parts = []
    for polygon in geometry["coordinates"]:
        for ring in polygon:
            points = [project(position) for position in ring[:-1]]
            parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def _label_point(geometry: dict, project) -> tuple[float, float]:
    """Return the centroid of the outline's largest ring, where its label goes."""
    best, best_area = None, -1.0
    for polygon in geometry["coordinates"]:
        points = [project(position) for position in polygon[0]]
        area, cx, cy = 0.0, 0.0, 0.0
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if abs(area) > best_area and area:
            best_area, best = abs(area), (cx / (3 * area), cy / (3 * area))
    if best is None:
        xs = [project(p)[0] for p in geometry["coordinates"][0][0]]
        ys = [project(p)[1] for p in geometry["coordinates"][0][0]]
        best = (sum(xs) / len(xs), sum(ys) / len(ys))
    return best


def _wrap(text: str, characters: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > characters:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return lines + [current] if current else lines


def render_choropleth_svg(
    *,
    outlines: list[Outline],
    figures: dict[str, QuarterFigure],
    low: float,
    high: float,
    is_share: bool,
    k: int,
    title: str,
    description: str,
    element_id: str = "map",
) -> str:
    """Return the SVG of the quarters filled by class, or "" when no outline is known."""
    outlines = [outline for outline in outlines if outline.geometry.get("coordinates")]
    if not outlines:
        return ""
    project, map_height = _project(outlines, WIDTH, 420)
    uid = escape(element_id)
    hatch = f"hatch-{uid}"
    parts = [
        f'<defs><pattern id="{hatch}" width="8" height="8" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{WITHHELD_COLOUR}"/>'
        f'<line x1="0" y1="0" x2="0" y2="8" stroke="{INK}" stroke-width="1.5"/></pattern></defs>'
    ]
    labels = []
    for outline in outlines:
        figure = figures.get(outline.code)
        name = figure.label if figure else outline.name
        if figure is None or (figure.people == 0):
            fill, text_colour = NO_DATA_COLOUR, INK
            value_text = [_("no answers")]
        elif figure.is_withheld:
            fill, text_colour = f"url(#{hatch})", INK
            value_text = _wrap(withheld_text(k), 18)
        else:
            index = colour_class(figure.value, low, high)
            fill = CLASS_COLOURS[index]
            text_colour = "#ffffff" if index in DARK_CLASSES else INK
            value_text = [_format(figure.value, is_share)]
        parts.append(
            f'<path d="{_path(outline.geometry, project)}" fill="{fill}" '
            f'fill-rule="evenodd" stroke="{INK}" stroke-width="1.5">'
            f"<title>{escape(name)}: {escape(' '.join(value_text))}</title></path>"
        )
        x, y = _label_point(outline.geometry, project)
        lines = [(name, "bold")] + [(line, "normal") for line in value_text]
        first = y - (len(lines) - 1) * 8
        for number, (line, weight) in enumerate(lines):
            # A white halo keeps a label readable over the hatching and the class edges.
            halo = "#ffffff" if text_colour == INK else INK
            labels.append(
                f'<text x="{x:.1f}" y="{first + number * 16 + 5:.1f}" text-anchor="middle" '
                f'font-weight="{weight}" fill="{text_colour}" stroke="{halo}" '
                f'stroke-width="3" paint-order="stroke">{escape(line)}</text>'
            )
    parts += labels
    # Legend: the five classes, then withheld and no answers.
    legend_top = map_height + 8
    step = (high - low) / len(CLASS_COLOURS)
    swatch = (WIDTH - 2 * PADDING) / len(CLASS_COLOURS)
    for index, colour in enumerate(CLASS_COLOURS):
        x = PADDING + index * swatch
        parts.append(
            f'<rect x="{x:.1f}" y="{legend_top:.1f}" width="{swatch:.1f}" height="14" '
            f'fill="{colour}" stroke="{INK}" stroke-width="0.75"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{legend_top + 30:.1f}" font-size="12">'
            f"{escape(_format(low + index * step, is_share))}</text>"
        )
    parts.append(
        f'<text x="{WIDTH - PADDING:.1f}" y="{legend_top + 30:.1f}" font-size="12" '
        f'text-anchor="end">{escape(_format(high, is_share))}</text>'
    )
    row = legend_top + 44
    parts.append(
        f'<rect x="{PADDING}" y="{row:.1f}" width="18" height="14" fill="url(#{hatch})" '
        f'stroke="{INK}" stroke-width="0.75"/><text x="{PADDING + 26}" y="{row + 12:.1f}" '
        f'font-size="13">{escape(withheld_text(k))}</text>'
    )
    row += 22
    parts.append(
        f'<rect x="{PADDING}" y="{row:.1f}" width="18" height="14" fill="{NO_DATA_COLOUR}" '
        f'stroke="{INK}" stroke-width="0.75"/><text x="{PADDING + 26}" y="{row + 12:.1f}" '
        f'font-size="13">{escape(_("no answers"))}</text>'
    )
    height = row + 22
    if any(outline.is_simplified for outline in outlines):
        height += 18
        parts.append(
            f'<text x="{PADDING}" y="{height - 6:.1f}" font-size="12">'
            f"{escape(_('Simplified outlines, not official boundaries.'))}</text>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg quarter-map__svg" '
        f'role="img" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
        f'height="{height:.0f}" aria-labelledby="map-title-{uid} map-desc-{uid}" '
        f'font-family="system-ui, sans-serif" font-size="14" fill="{INK}">'
        f'<title id="map-title-{uid}">{escape(title)}</title>'
        f'<desc id="map-desc-{uid}">{escape(description)}</desc>'
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>' + "".join(parts) + "</svg>"
    )
