"""The chart kinds staff choose on a dashboard, built from published snapshots only.

Each returns a `figures.Chart`: a Plotly figure drawn by the self-served plotly-basic
bundle (bar and scatter traces, error bars), a data table and a one-sentence summary.
Colours are Okabe-Ito (Okabe and Ito 2008, "Color Universal Design"); every bar has a
dark outline so light fills still stand 3:1 against the page, and every value is also
written as text, so no figure is told by colour alone.
"""

import html
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.figures import (
    Cell,
    Chart,
    Table,
    _as_json,
    _choice_chart,
    _message_chart,
    _one_decimal,
    _option_label,
    _privacy_note,
    axis_floor,
    count_cell,
    effect_size_cell,
    effect_size_sentence,
    mean_axis,
    mean_cell,
    question_chart,
    scale_chart,
    share_cell,
    withheld_text,
)
from analytics.groups import Group, group_figures, group_label, segment_label
from analytics.models import ComparisonSnapshot, Snapshot
from analytics.subscales import scale_figures

SCALE_PREFIX = "scale:"
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
MEAN_KINDS = {"agreement", "scale_0_10", "number", "scale"}


class Kind:
    """The chart kinds a chart block offers."""

    BAR = "bar"
    DIVERGING = "diverging"
    BEFORE_AFTER = "before_after"
    TREND = "trend"
    QUARTERS = "quarters"


@dataclass(frozen=True)
class Mean:
    """One published average; `answered` None means the group was withheld as too small."""

    answered: int | None
    mean: float | None = None
    low: float | None = None
    high: float | None = None


def item_of(snapshot: Snapshot | None, key: str) -> dict | None:
    """Return a question's or (with the "scale:" prefix) a scale's figures from a snapshot."""
    if snapshot is None:
        return None
    if key.startswith(SCALE_PREFIX):
        scale = scale_figures(snapshot, key.removeprefix(SCALE_PREFIX))
        return None if scale is None else scale | {"kind": "scale", "text": scale["name"]}
    return snapshot.question(key)


def has_mean(kind: str) -> bool:
    return kind in MEAN_KINDS


def mean_of(item: dict, group: Group | None = None) -> Mean | None:
    """Return the published average of an item, for everyone or one group.

    None when the snapshot publishes no average for it: an agreement item's average
    is published for everyone only.
    """
    if item["kind"] == "agreement":
        if group is not None:
            return None
        score = item.get("score")
        if not score:
            # With one answer's count withheld the average is withheld too (see snapshots).
            return Mean(item.get("answered"))
        return Mean(score["answered"], score["mean"], score.get("mean_low"), score.get("mean_high"))
    if not has_mean(item["kind"]):
        return None
    if item.get("status", "ok") not in ("ok",):
        return Mean(None)
    source = group_figures(item, group) if group is not None else item
    if source is None:
        return Mean(0)
    return Mean(
        source.get("answered"), source.get("mean"), source.get("mean_low"), source.get("mean_high")
    )


def wave_label(snapshot: Snapshot) -> str:
    wave = snapshot.data.get("wave", {})
    return wave.get("label") or wave.get("title") or str(snapshot.wave)


def _subtitle(*parts) -> str:
    return " · ".join(str(part) for part in parts if part)


def _n(count) -> str:
    return _("n = %(n)s") % {"n": number_format(count)} if count else ""


def _group_part(snapshot: Snapshot, group: Group | None) -> str:
    if group is None:
        return _("Everyone who answered")
    return group_label(snapshot.data.get("segments", {}), group)


def _unsupported_group_chart(title: str, group: Group, snapshot: Snapshot) -> Chart:
    chart = _message_chart(
        title,
        _(
            "No figures are published for the group “%(group)s”: the snapshot holds one "
            "feature at a time, or quarter together with age band."
        )
        % {"group": _group_part(snapshot, group)},
    )
    return chart


def _withheld_group_chart(title: str, snapshot: Snapshot, group: Group, k: int) -> Chart:
    chart = _message_chart(
        title,
        _("The result of the group “%(group)s” is not shown, to protect a small group.")
        % {"group": _group_part(snapshot, group)},
    )
    chart.subtitle = _subtitle(wave_label(snapshot), _group_part(snapshot, group))
    return chart


def _average(mean: Mean, k: int) -> Cell:
    if mean.answered is None:
        return Cell(withheld_text(k), ((_("average"), None),))
    return mean_cell(mean.mean, mean.low, mean.high)


def _people(mean: Mean, k: int) -> Cell:
    return count_cell(mean.answered, k)


def _interval_note() -> str:
    return _(
        "The line on each bar shows where the true average lies with 95 % certainty: "
        "with more answers the line gets shorter."
    )


def _axis_for(item: dict) -> dict:
    return mean_axis(item)


def _layout(*, height: int, **extra) -> dict:
    layout = {
        "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
        "height": height,
        "font": {"family": "system-ui, sans-serif", "size": 14, "color": INK},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
        "showlegend": False,
        "separators": _separators(),
    }
    return layout | extra


def _separators() -> str:
    """Return Plotly's decimal and thousands marks for the page's language ("," and ".")."""
    return get_format("DECIMAL_SEPARATOR") + (get_format("THOUSAND_SEPARATOR") or " ")


def _interval_bars(means: list[Mean]) -> dict:
    """Return plotly error bars drawing each mean's interval (none where it has none)."""
    return {
        "type": "data",
        "symmetric": False,
        "array": [(m.high - m.mean) if m.high is not None else 0 for m in means],
        "arrayminus": [(m.mean - m.low) if m.low is not None else 0 for m in means],
        "color": INK,
        "thickness": 2,
        "width": 8,
    }


def _mean_bars(labels, means: list[Mean], k: int, axis: dict, colours=None) -> dict:
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
            text=[withheld_text(k) if m.answered is None else _average_short(m) for m in means],
            textposition="inside",
            insidetextanchor="start",
            insidetextfont={"color": [TEXT_ON.get(colour, "#000000") for colour in colours]},
            error_x=_interval_bars(means),
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        _layout(
            height=80 + 56 * len(labels),
            xaxis=axis,
            yaxis={"autorange": "reversed", "automargin": True},
        )
    )
    return _as_json(figure)


def _percent(value: float) -> str:
    return f"{number_format(round(value))} %"


def _average_short(mean: Mean) -> str:
    return "–" if mean.mean is None else _one_decimal(mean.mean)


# Bar ------------------------------------------------------------------------------


def bar_chart(
    *, snapshot: Snapshot | None, key: str, heading: str = "", group: Group | None = None
) -> Chart:
    """Return the bar chart of a question or scale, for everyone or one group."""
    if group is None or snapshot is None:
        if key.startswith(SCALE_PREFIX):
            chart = scale_chart(
                snapshot=snapshot, scale_key=key.removeprefix(SCALE_PREFIX), heading=heading
            )
        else:
            chart = question_chart(snapshot=snapshot, question_key=key, heading=heading)
        if snapshot is not None and chart.figure is not None:
            item = item_of(snapshot, key)
            chart.subtitle = _subtitle(
                wave_label(snapshot), _group_part(snapshot, None), _n(item.get("answered"))
            )
        return chart
    item = item_of(snapshot, key)
    title = heading or (item["text"] if item else _("Results"))
    k = snapshot.min_cell_size
    if item is None or item.get("status", "ok") != "ok":
        return bar_chart(snapshot=snapshot, key=key, heading=heading)
    if group.grouping is None:
        return _unsupported_group_chart(title, group, snapshot)
    entry = group_figures(item, group) or {"answered": 0, "options": []}
    if entry.get("answered") is None:
        return _withheld_group_chart(title, snapshot, group, k)
    subtitle = _subtitle(wave_label(snapshot), _group_part(snapshot, group), _n(entry["answered"]))
    if item.get("options"):
        if not entry["answered"]:
            return _nobody_in_group_chart(title, snapshot, group)
        labelled = {
            "answered": entry["answered"],
            "is_share_of_respondents": item.get("is_share_of_respondents", False),
            "options": [
                cell | {"label": option.get("label", "")}
                for cell, option in zip(entry["options"], item["options"], strict=False)
            ],
        }
        chart = _choice_chart(labelled, title, k)
        chart.subtitle = subtitle
        return chart
    mean = mean_of(item, group)
    if mean is None or not mean.answered:
        return _nobody_in_group_chart(title, snapshot, group)
    label = _group_part(snapshot, group)
    table = Table(
        caption=_("%(title)s: average (n = %(n)s)")
        % {"title": title, "n": number_format(mean.answered)},
        headings=[
            _("Group"),
            _("People"),
            pgettext("confidence interval", "Average (95 %% range)") % {},
        ],
        rows=[[label, _people(mean, k), _average(mean, k)]],
    )
    summary = _("On average, the %(n)s people in the group “%(group)s” said %(mean)s.") % {
        "n": number_format(mean.answered),
        "group": label,
        "mean": _one_decimal(mean.mean),
    }
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=_mean_bars([label], [mean], k, _axis_for(item)),
        note=_interval_note(),
        subtitle=subtitle,
    )


def _nobody_in_group_chart(title: str, snapshot: Snapshot, group: Group) -> Chart:
    chart = _message_chart(
        title,
        _("Nobody in the group “%(group)s” has answered this question.")
        % {"group": _group_part(snapshot, group)},
    )
    chart.subtitle = _subtitle(wave_label(snapshot), _group_part(snapshot, group))
    return chart


# Diverging stacked bar ------------------------------------------------------------


def agreement_rows(snapshot: Snapshot, key: str) -> list[dict]:
    """Return the agreement items a key stands for: the item, or every row of a matrix."""
    questions = snapshot.data.get("questions", [])
    for position, question in enumerate(questions):
        if question["key"] != key:
            continue
        if question["kind"] == "matrix":
            rows = []
            for row in questions[position + 1 :]:
                if row["kind"] != "matrix_row":
                    break
                rows.append(row)
            return rows
        if question["kind"] in ("agreement", "matrix_row"):
            return [question]
        return []
    return []


def diverging_chart(
    *, snapshot: Snapshot | None, key: str, heading: str = "", group: Group | None = None
) -> Chart:
    """Return agreement as a diverging stacked bar: disagree left, agree right, neutral centred."""
    item = snapshot.question(key) if snapshot else None
    title = heading or (item["text"] if item else _("Results"))
    if snapshot is None or item is None:
        return question_chart(snapshot=snapshot, question_key=key, heading=heading)
    k = snapshot.min_cell_size
    rows = agreement_rows(snapshot, key)
    if not rows:
        return _message_chart(title, _("This question is not an agreement item or matrix."))
    if any(row.get("status", "ok") not in ("ok", "all_withheld") for row in rows):
        return question_chart(snapshot=snapshot, question_key=rows[0]["key"], heading=title)
    if group is not None and group.grouping is None:
        return _unsupported_group_chart(title, group, snapshot)
    options = rows[0]["options"]
    labels = [_option_label(option) for option in options]
    cells = []  # per row: (label, answered, [count per option])
    for row in rows:
        source = row if group is None else (group_figures(row, group) or {"answered": 0})
        answered = source.get("answered")
        counts = [cell.get("count") for cell in source.get("options", [])] or [0] * len(options)
        cells.append((row["text"], answered, counts))
    if all(answered is None for _label, answered, _counts in cells):
        return _withheld_group_chart(title, snapshot, group, k)
    if not any(answered for _label, answered, _counts in cells):
        return _nobody_in_group_chart(title, snapshot, group)
    split, has_middle = len(options) // 2, len(options) % 2 == 1
    colours = AGREEMENT_COLOURS.get(len(options)) or (GROUP_COLOURS * 2)[: len(options)]

    def share(count, answered):
        return None if count is None or not answered else 100 * count / answered

    table = Table(
        caption=_("%(title)s: share of each answer") % {"title": title},
        headings=[_("Statement"), _("People")] + labels,
        rows=[
            [label, count_cell(answered, k)]
            + [share_cell(count, answered or 0, k) for count in counts]
            for label, answered, counts in cells
        ],
    )
    figure = go.Figure()
    # Rows are keyed by position; each statement is written above its bar, wrapped, so
    # the bars keep the full width on a phone.
    row_keys = [str(position) for position in range(len(cells))]
    wrapped = [textwrap.wrap(label, 40) or [""] for label, _answered, _counts in cells]
    has_labels = len(cells) > 1
    line_count = max(len(lines) for lines in wrapped) if has_labels else 0
    row_height = 44 + 17 * line_count
    # Shift the rows down so each statement fits above its bar, the first one too.
    shift = max(0.0, (24 + 17 * line_count - row_height / 2) / row_height)

    def add(position, values, *, show_legend=True):
        colour = colours[position]
        figure.add_trace(
            go.Bar(
                name=labels[position],
                x=values,
                y=row_keys,
                orientation="h",
                marker={"color": colour, "line": OUTLINE},
                text=[
                    _percent(abs(v) * (2 if has_middle and position == split else 1))
                    if v and abs(v) >= 8
                    else ""
                    for v in values
                ],
                textposition="inside",
                textangle=0,
                insidetextanchor="middle",
                insidetextfont={"color": TEXT_ON.get(colour, "#000000"), "size": 12},
                legendrank=position,
                showlegend=show_legend,
                hoverinfo="skip",
            )
        )

    shares = [[share(c, answered) for c in counts] for _label, answered, counts in cells]
    if has_middle:
        half = [(s[split] or 0) / 2 for s in shares]
        add(split, [-value for value in half], show_legend=False)
        add(split, half)
        # Only one half carries the text, and it names the whole share.
        figure.data[-2].text = [""] * len(half)
    for position in range(split - 1, -1, -1):
        add(position, [-(s[position] or 0) for s in shares])
    for position in range(split + int(has_middle), len(options)):
        add(position, [s[position] or 0 for s in shares])
    annotations = [
        {
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": key,
            "yref": "y",
            "yanchor": "bottom",
            "yshift": 16,
            "align": "left",
            "showarrow": False,
            "text": "<br>".join(html.escape(line) for line in lines),
            "font": {"size": 13},
            "bgcolor": "#ffffff",
        }
        for key, lines in zip(row_keys, wrapped, strict=True)
        if has_labels
    ]
    figure.update_layout(
        _layout(
            height=110 + row_height * len(rows),
            barmode="relative",
            uniformtext={"minsize": 11, "mode": "hide"},
            bargap=1 - 28 / row_height,
            showlegend=True,
            legend={
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "y": 1,
                "yanchor": "bottom",
                "traceorder": "normal",
                "font": {"size": 13},
            },
            margin={"l": 10, "r": 10, "t": 10, "b": 50},
            annotations=annotations,
            xaxis={
                "range": [-100, 100],
                "tickvals": [-100, -50, 0, 50, 100],
                "ticktext": ["100 %", "50 %", "0", "50 %", "100 %"],
                "title": {"text": _("← disagree · agree →")},
                "zeroline": True,
                "zerolinecolor": INK,
                "zerolinewidth": 2,
                "fixedrange": True,
            },
            yaxis={
                "range": [len(rows) - 0.5 - shift, -0.5 - shift],
                "showticklabels": False,
                "fixedrange": True,
            },
        )
    )
    summary = _diverging_summary(cells, split, has_middle)
    withheld = any(count is None for _l, _a, counts in cells for count in counts)
    answered = [a for _l, a, _c in cells if a]
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=_as_json(figure),
        note=_privacy_note(k) if withheld else "",
        subtitle=_subtitle(
            wave_label(snapshot), _group_part(snapshot, group), _n(max(answered) if answered else 0)
        ),
    )


def _side_share(counts, answered, positions) -> int | None:
    chosen = [counts[position] for position in positions]
    if not answered or any(count is None for count in chosen):
        return None
    return round(100 * sum(chosen) / answered)


def _diverging_summary(cells, split, has_middle) -> str:
    size = len(cells[0][2])
    disagree_positions = range(split)
    agree_positions = range(split + int(has_middle), size)
    agreed = [
        (label, _side_share(counts, answered, agree_positions)) for label, answered, counts in cells
    ]
    if len(cells) == 1:
        label, answered, counts = cells[0]
        agree = _side_share(counts, answered, agree_positions)
        disagree = _side_share(counts, answered, disagree_positions)
        if agree is None or disagree is None:
            return _(
                "Some answers were given by so few people that the shares who agree and "
                "disagree cannot be shown."
            )
        return _(
            "%(agree)s %% agree or rather agree; %(disagree)s %% disagree or rather disagree."
        ) % {
            "agree": number_format(agree),
            "disagree": number_format(disagree),
        }
    shown = [(label, share) for label, share in agreed if share is not None]
    if not shown:
        return _(
            "Some answers were given by so few people that the shares who agree cannot be shown."
        )
    top = max(shown, key=lambda pair: pair[1])
    bottom = min(shown, key=lambda pair: pair[1])
    return _(
        "Most agreement: “%(top)s” (%(top_share)s %%); least agreement: “%(bottom)s” "
        "(%(bottom_share)s %%)."
    ) % {
        "top": top[0],
        "top_share": number_format(top[1]),
        "bottom": bottom[0],
        "bottom_share": number_format(bottom[1]),
    }


# Before and after -----------------------------------------------------------------


def before_after_chart(
    *,
    before: Snapshot | None,
    after: Snapshot | None,
    comparison: ComparisonSnapshot | None,
    key: str,
    heading: str = "",
    group: Group | None = None,
) -> Chart:
    """Return two waves' averages side by side with intervals, and the change between them."""
    first, second = item_of(before, key), item_of(after, key)
    title = heading or ((second or first or {}).get("text") or _("Results"))
    if before is None or after is None:
        return _message_chart(title, _("The results of both waves are not published yet."))
    if first is None or second is None:
        return _message_chart(title, _("This question was not asked in both waves."))
    if not has_mean(second["kind"]):
        return _message_chart(
            title, _("A before-and-after comparison needs a question with an average.")
        )
    k = max(before.min_cell_size, after.min_cell_size)
    if group is not None and group.grouping is None:
        return _unsupported_group_chart(title, group, after)
    means = [mean_of(first, group), mean_of(second, group)]
    if any(mean is None for mean in means):
        return _message_chart(
            title,
            _(
                "For this question, averages are published for everyone only, not for "
                "the group “%(group)s”."
            )
            % {"group": _group_part(after, group)},
        )
    labels = [wave_label(before), wave_label(after)]
    rows = [
        [label, _people(mean, k), _average(mean, k)]
        for label, mean in zip(labels, means, strict=True)
    ]
    difference = _difference(comparison, key) if group is None else None
    paired = _paired(difference)
    if difference is not None:
        rows += [
            [
                _("Change"),
                "",
                mean_cell(
                    difference["difference"], difference["low"], difference["high"], signed=True
                ),
            ],
            [
                _("Effect size (Hedges' g)"),
                "",
                effect_size_cell(
                    difference["effect_size"], difference["effect_low"], difference["effect_high"]
                ),
            ],
        ]
    if paired is not None:
        rows += [
            [
                _("Change of the same people"),
                count_cell(paired["pairs"], k),
                mean_cell(paired["difference"], paired["low"], paired["high"], signed=True),
            ],
            [
                _("Effect size of the same people (d_z)"),
                "",
                effect_size_cell(
                    paired["effect_size"], paired["effect_low"], paired["effect_high"]
                ),
            ],
        ]
    table = Table(
        caption=_("%(title)s: average before and after") % {"title": title},
        headings=[
            _("Wave"),
            _("People"),
            pgettext("confidence interval", "Average (95 %% range)") % {},
        ],
        rows=rows,
    )
    summary = _before_after_summary(labels, means, difference, k)
    if paired is not None and means[0].mean is not None and means[1].mean is not None:
        summary += " " + _paired_summary(paired)
    note = _interval_note()
    if group is not None:
        note += " " + _("The change with its range is worked out for everyone only.")
    figure = None
    if all(mean.mean is not None for mean in means):
        figure = _mean_bars(labels, means, k, _axis_for(second), colours=[SKY_BLUE, BLUE])
    answered = [mean.answered for mean in means if mean.answered]
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=figure,
        note=note,
        subtitle=_subtitle(
            _("%(before)s → %(after)s") % {"before": labels[0], "after": labels[1]},
            _group_part(after, group),
            _("n = %(before)s and %(after)s")
            % {"before": _people(means[0], k), "after": _people(means[1], k)}
            if answered
            else "",
        ),
    )


def _difference(comparison: ComparisonSnapshot | None, key: str) -> dict | None:
    if comparison is None:
        return None
    if key.startswith(SCALE_PREFIX):
        scale_key = key.removeprefix(SCALE_PREFIX)
        entry = next((s for s in comparison.data.get("scales", []) if s["key"] == scale_key), None)
    else:
        entry = comparison.question(key)
    if not entry or entry.get("status") != "ok":
        return None
    return entry


def _paired(difference: dict | None) -> dict | None:
    """Return the paired comparison of linked waves, if k pairs or more were found."""
    paired = (difference or {}).get("paired")
    if not paired or paired.get("status") != "ok":
        return None
    return paired


def _paired_summary(paired: dict) -> str:
    summary = _(
        "Of the %(n)s people who answered both times, the average changed by %(change)s."
    ) % {"n": number_format(paired["pairs"]), "change": _signed(paired["difference"])}
    return summary + " " + effect_size_sentence("d_z", paired["effect_size"])


def _signed(value: float) -> str:
    text = _one_decimal(value)
    return f"+{text}" if round(value, 1) > 0 else text


def _before_after_summary(labels, means, difference, k) -> str:
    first, second = means
    if first.mean is None or second.mean is None:
        return _(
            "In one of the two waves fewer than %(k)s people answered, so the two cannot "
            "be compared."
        ) % {"k": k}
    values = {
        "before": _one_decimal(first.mean),
        "after": _one_decimal(second.mean),
        "first": labels[0],
        "second": labels[1],
    }
    if round(second.mean, 1) > round(first.mean, 1):
        summary = _("The average rose from %(before)s (%(first)s) to %(after)s (%(second)s).")
    elif round(second.mean, 1) < round(first.mean, 1):
        summary = _("The average fell from %(before)s (%(first)s) to %(after)s (%(second)s).")
    else:
        summary = _("The average stayed at %(after)s from %(first)s to %(second)s.")
    summary %= values
    if difference is not None:
        if difference["low"] > 0 or difference["high"] < 0:
            summary += " " + _("The change is larger than chance alone would explain.")
        else:
            summary += " " + _("The change is so small that it may be chance.")
        summary += " " + effect_size_sentence("Hedges' g", difference["effect_size"])
    return summary


# Trend ----------------------------------------------------------------------------


def trend_chart(
    *, snapshots: list[Snapshot], key: str, heading: str = "", group: Group | None = None
) -> Chart:
    """Return the average of a question or scale across several waves, oldest first."""
    items = [(snapshot, item_of(snapshot, key)) for snapshot in snapshots]
    items = [(snapshot, item) for snapshot, item in items if item is not None]
    title = heading or (items[-1][1]["text"] if items else _("Results"))
    if len(items) < 2:
        return _message_chart(
            title, _("A trend needs published results of this question from at least two waves.")
        )
    latest = items[-1][1]
    if not has_mean(latest["kind"]):
        return _message_chart(title, _("A trend needs a question with an average."))
    if group is not None and group.grouping is None:
        return _unsupported_group_chart(title, group, items[-1][0])
    k = max(snapshot.min_cell_size for snapshot, _item in items)
    means = [mean_of(item, group) for _snapshot, item in items]
    if any(mean is None for mean in means):
        return _message_chart(
            title,
            _(
                "For this question, averages are published for everyone only, not for "
                "the group “%(group)s”."
            )
            % {"group": _group_part(items[-1][0], group)},
        )
    labels = [wave_label(snapshot) for snapshot, _item in items]
    table = Table(
        caption=_("%(title)s: average per wave") % {"title": title},
        headings=[
            _("Wave"),
            _("People"),
            pgettext("confidence interval", "Average (95 %% range)") % {},
        ],
        rows=[
            [label, _people(mean, k), _average(mean, k)]
            for label, mean in zip(labels, means, strict=True)
        ],
    )
    shown = [
        (label, mean) for label, mean in zip(labels, means, strict=True) if mean.mean is not None
    ]
    if len(shown) < 2:
        summary = _(
            "In too many waves fewer than %(k)s people answered, so no trend can be shown."
        ) % {"k": k}
        return Chart(title=title, summary=summary, table=table, note=_privacy_note(k))
    (first_label, first), (last_label, last) = shown[0], shown[-1]
    values = {
        "before": _one_decimal(first.mean),
        "after": _one_decimal(last.mean),
        "first": first_label,
        "last": last_label,
    }
    if round(last.mean, 1) > round(first.mean, 1):
        summary = _("From %(first)s to %(last)s the average rose from %(before)s to %(after)s.")
    elif round(last.mean, 1) < round(first.mean, 1):
        summary = _("From %(first)s to %(last)s the average fell from %(before)s to %(after)s.")
    else:
        summary = _("From %(first)s to %(last)s the average stayed at %(after)s.")
    axis = _axis_for(latest)
    figure = go.Figure(
        go.Scatter(
            x=[label for label, _mean in shown],
            y=[mean.mean for _label, mean in shown],
            mode="lines+markers+text",
            line={"color": BLUE, "width": 3},
            marker={"color": BLUE, "size": 10, "symbol": "circle"},
            text=[_one_decimal(mean.mean) for _label, mean in shown],
            textposition="middle right",
            cliponaxis=False,
            error_y=_interval_bars([mean for _label, mean in shown]),
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        _layout(
            height=320,
            margin={"l": 50, "r": 40, "t": 20, "b": 50},
            yaxis=axis,
            xaxis={"type": "category", "automargin": True},
        )
    )
    withheld = any(mean.answered is None for mean in means)
    note = _interval_note() + (" " + _privacy_note(k) if withheld else "")
    return Chart(
        title=title,
        summary=summary % values,
        table=table,
        figure=_as_json(figure),
        note=note,
        subtitle=_subtitle(
            _("%(first)s to %(last)s") % {"first": labels[0], "last": labels[-1]},
            _group_part(items[-1][0], group),
        ),
    )


# Quarters -------------------------------------------------------------------------


def quarters_chart(
    *, snapshot: Snapshot | None, key: str, heading: str = "", group: Group | None = None
) -> Chart:
    """Return a question or scale compared between the quarters, as grouped bars."""
    item = item_of(snapshot, key)
    title = heading or (item["text"] if item else _("Results"))
    if snapshot is None or item is None or item.get("status", "ok") != "ok":
        return bar_chart(snapshot=snapshot, key=key, heading=heading)
    k = snapshot.min_cell_size
    segments = snapshot.data.get("segments", {})
    if "quarter" not in segments:
        return _message_chart(title, _("This survey did not ask where people live."))
    # The quarters are the bars; a chosen quarter is one of them, not a filter.
    rest = group.without("quarter") if group is not None else None
    grouping = "quarter" if rest is None else Group((("quarter", ""),) + rest.values).grouping
    if grouping is None:
        return _unsupported_group_chart(title, group, snapshot)
    groups = []
    for value in [entry["value"] for entry in segments["quarter"]]:
        chosen = Group((("quarter", value),) + (rest.values if rest else ()))
        entry = group_figures(item, chosen) or {"answered": 0}
        groups.append((segment_label(segments, "quarter", value), entry))
    subtitle = _subtitle(
        wave_label(snapshot),
        _group_part(snapshot, rest),
        _n(item.get("answered") if rest is None else None),
    )
    if item.get("options"):
        chart = _quarters_choice_chart(item, groups, title, k)
    else:
        chart = _quarters_mean_chart(item, groups, title, k)
    chart.subtitle = subtitle
    return chart


def _quarters_mean_chart(item, groups, title, k) -> Chart:
    means = [_entry_mean(entry) for _label, entry in groups]
    labels = [label for label, _entry in groups]
    table = Table(
        caption=_("%(title)s: average per quarter") % {"title": title},
        headings=[
            _("Quarter"),
            _("People"),
            pgettext("confidence interval", "Average (95 %% range)") % {},
        ],
        rows=[
            [label, _people(m, k), _average(m, k)] for label, m in zip(labels, means, strict=True)
        ],
    )
    shown = [(label, m) for label, m in zip(labels, means, strict=True) if m.mean is not None]
    if not shown:
        return Chart(
            title=title,
            summary=_(
                "In every quarter fewer than %(k)s people answered, so no quarter can be shown."
            )
            % {"k": k},
            table=table,
            note=_privacy_note(k),
        )
    top = max(shown, key=lambda pair: pair[1].mean)
    bottom = min(shown, key=lambda pair: pair[1].mean)
    if top[0] == bottom[0]:
        summary = _("Only %(quarter)s can be shown: the average there was %(mean)s.") % {
            "quarter": top[0],
            "mean": _one_decimal(top[1].mean),
        }
    else:
        summary = _(
            "The average was highest in %(top)s (%(top_mean)s) and lowest in %(bottom)s "
            "(%(bottom_mean)s)."
        ) % {
            "top": top[0],
            "top_mean": _one_decimal(top[1].mean),
            "bottom": bottom[0],
            "bottom_mean": _one_decimal(bottom[1].mean),
        }
    withheld = any(m.answered is None for m in means)
    note = _interval_note() + (" " + _privacy_note(k) if withheld else "")
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=_mean_bars(labels, means, k, _axis_for(item)),
        note=note,
    )


def _entry_mean(entry: dict) -> Mean:
    return Mean(
        entry.get("answered"), entry.get("mean"), entry.get("mean_low"), entry.get("mean_high")
    )


def _quarters_choice_chart(item, groups, title, k) -> Chart:
    options = item["options"]
    labels = [_option_label(option) for option in options]
    quarters = [label for label, _entry in groups]

    def cell(entry, position):
        answered = entry.get("answered")
        if answered is None:
            return share_cell(None, None, k)
        cells = entry.get("options") or []
        if not answered or position >= len(cells):
            return share_cell(0, 0, k)
        return share_cell(cells[position]["count"], answered, k)

    table = Table(
        caption=_("%(title)s: share of each answer per quarter") % {"title": title},
        headings=[_("Answer")] + quarters,
        rows=[
            [label] + [cell(entry, position) for _quarter, entry in groups]
            for position, label in enumerate(labels)
        ],
    )
    shown = [(quarter, entry) for quarter, entry in groups if entry.get("answered")]
    if not shown:
        return Chart(
            title=title,
            summary=_(
                "In every quarter fewer than %(k)s people answered, so no quarter can be shown."
            )
            % {"k": k},
            table=table,
            note=_privacy_note(k),
        )
    parts = []
    for quarter, entry in shown:
        counted = [
            (position, option["count"])
            for position, option in enumerate(entry["options"])
            if option["count"] is not None
        ]
        if counted:
            position, count = max(counted, key=lambda pair: pair[1])
            parts.append(
                _("in %(quarter)s “%(label)s” (%(share)s %%)")
                % {
                    "quarter": quarter,
                    "label": labels[position],
                    "share": number_format(round(100 * count / entry["answered"])),
                }
            )
    summary = (
        _("The most frequent answer was %(parts)s.") % {"parts": "; ".join(parts)}
        if parts
        else _("Each answer was given by so few people per quarter that none can be shown.")
    )
    figure = go.Figure()
    for index, (quarter, entry) in enumerate(shown):
        colour = GROUP_COLOURS[index % len(GROUP_COLOURS)]
        shares = []
        for position in range(len(options)):
            count = (
                entry["options"][position]["count"] if position < len(entry["options"]) else None
            )
            shares.append(None if count is None else 100 * count / entry["answered"])
        figure.add_trace(
            go.Bar(
                name=quarter,
                x=[share or 0 for share in shares],
                y=labels,
                orientation="h",
                marker={
                    "color": colour,
                    "line": OUTLINE,
                    "pattern": {
                        "shape": GROUP_PATTERNS[index % len(GROUP_PATTERNS)],
                        "fgcolor": INK if colour != BLUE else "#ffffff",
                        "fgopacity": 0.35,
                    },
                },
                text=[
                    withheld_text(k) if share is None else f"{number_format(round(share))} %"
                    for share in shares
                ],
                textposition="outside",
                cliponaxis=False,
                hoverinfo="skip",
            )
        )
    figure.update_layout(
        _layout(
            height=140 + 22 * len(labels) * len(shown) + 16 * len(labels),
            barmode="group",
            showlegend=True,
            legend={"orientation": "h", "y": -0.15, "traceorder": "normal"},
            margin={"l": 10, "r": 40, "t": 10, "b": 70},
            xaxis={"title": {"text": _("Share in %")}, "range": [0, 110]},
            yaxis={"autorange": "reversed", "automargin": True},
        )
    )
    withheld = any(
        entry.get("answered") is None
        or any(option["count"] is None for option in entry.get("options", []))
        for _quarter, entry in groups
    )
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=_as_json(figure),
        note=_privacy_note(k) if withheld else "",
    )


# One figure in a sentence ---------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """One published figure said in a sentence: the figure stands out, the text explains it."""

    figure: str
    text: str
    source: str


def figure_statement(
    *, snapshot: Snapshot | None, key: str, answers: list[str] | None = None
) -> Statement | None:
    """Return the share who chose some answers, or an average, as one sentence.

    None when the snapshot does not hold the question; a withheld figure is said plainly.
    """
    item = item_of(snapshot, key)
    if item is None:
        return None
    k = snapshot.min_cell_size
    source = _("%(title)s %(label)s") % {
        "title": snapshot.data.get("wave", {}).get("title", ""),
        "label": wave_label(snapshot),
    }
    withheld = Statement(
        withheld_text(k),
        _("gave this answer: too few to show a figure without risking their privacy."),
        source,
    )
    if item.get("options") and answers:
        chosen = [option for option in item["options"] if option["value"] in answers]
        answered = item.get("answered")
        if not chosen:
            return None
        if not answered or any(option["count"] is None for option in chosen):
            return withheld
        share = round(100 * sum(option["count"] for option in chosen) / answered)
        labels = [f"„{_option_label(option)}“" for option in chosen]
        return Statement(
            _percent(share),
            _("of the %(n)s people who answered chose %(answers)s.")
            % {"n": number_format(answered), "answers": _(" or ").join(labels)},
            source,
        )
    mean = mean_of(item)
    if mean is None:
        return None
    if not mean.answered or mean.mean is None:
        return withheld
    text = _("was the average answer of %(n)s people.")
    if item["kind"] == "scale_0_10":
        text = _("was the average answer of %(n)s people, on a scale from 0 to 10.")
    elif item["kind"] == "agreement":
        text = _("was the average agreement of %(n)s people, from 1 (not at all) to 5 (fully).")
    return Statement(_one_decimal(mean.mean), text % {"n": number_format(mean.answered)}, source)
