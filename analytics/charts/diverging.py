"""Agreement as a diverging stacked bar: disagree left, agree right, neutral centred."""

import html
import textwrap

import plotly.graph_objects as go
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from analytics.charts.bar import question_chart
from analytics.charts.items import (
    agreement_rows,
    group_part,
    wave_label,
)
from analytics.charts.model import (
    Chart,
    Table,
    count_cell,
    message_chart,
    nobody_in_group_chart,
    share_cell,
    unsupported_group_chart,
    withheld_group_chart,
)
from analytics.charts.theme import (
    AGREEMENT_COLOURS,
    GROUP_COLOURS,
    INK,
    OUTLINE,
    TEXT_ON,
    as_json,
    layout,
    reading_side,
)
from analytics.charts.wording import (
    n_text,
    option_label,
    percent,
    privacy_note,
    subtitle_of,
)
from analytics.groups import Group, group_figures, nobody_in
from analytics.models import Snapshot
from analytics.snapshot_schema import is_withheld


def diverging_chart(
    *, snapshot: Snapshot | None, key: str, heading: str = "", group: Group | None = None
) -> Chart:
    """Return agreement as a diverging stacked bar: disagree left, agree right, neutral centred."""
    item = snapshot.figures.question(key) if snapshot else None
    title = heading or (item.text if item else _("Results"))
    if snapshot is None or item is None:
        return question_chart(snapshot=snapshot, question_key=key, heading=heading)
    k = snapshot.min_cell_size
    rows = agreement_rows(snapshot, key)
    if not rows:
        return message_chart(title, _("This question is not an agreement item or matrix."))
    if any(row.status not in ("ok", "all_withheld") for row in rows):
        return question_chart(snapshot=snapshot, question_key=rows[0].key, heading=title)
    if group is not None and group.grouping is None:
        return unsupported_group_chart(title, group, snapshot)
    options = rows[0].options
    labels = [option_label(option) for option in options]
    cells = []  # per row: (label, answered, [count per option])
    for row in rows:
        source = row if group is None else (group_figures(row, group) or nobody_in(group))
        counts = [cell.count for cell in source.options] or [0] * len(options)
        cells.append((row.text, source.answered, counts))
    if all(is_withheld(answered) for _label, answered, _counts in cells):
        return withheld_group_chart(title, snapshot, group, k)
    if not any(answered for _label, answered, _counts in cells):
        return nobody_in_group_chart(title, snapshot, group)
    split, has_middle = len(options) // 2, len(options) % 2 == 1
    colours = AGREEMENT_COLOURS.get(len(options)) or (GROUP_COLOURS * 2)[: len(options)]

    def share(count, answered):
        return None if is_withheld(count) or not answered else 100 * count / answered

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
                    percent(abs(v) * (2 if has_middle and position == split else 1))
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
            "xref": "paper",
            "y": key,
            "yref": "y",
            "yanchor": "bottom",
            "yshift": 16,
            "showarrow": False,
            "text": "<br>".join(html.escape(line) for line in lines),
            "font": {"size": 13},
            "bgcolor": "#ffffff",
        }
        | reading_side(" ".join(lines))
        for key, lines in zip(row_keys, wrapped, strict=True)
        if has_labels
    ]
    figure.update_layout(
        layout(
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
    withheld = any(is_withheld(count) for _l, _a, counts in cells for count in counts)
    answered = [a for _l, a, _c in cells if a]
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=as_json(figure),
        note=privacy_note(k) if withheld else "",
        subtitle=subtitle_of(
            wave_label(snapshot),
            group_part(snapshot, group),
            n_text(max(answered) if answered else 0),
        ),
    )


def _side_share(counts, answered, positions) -> int | None:
    chosen = [counts[position] for position in positions]
    if not answered or any(is_withheld(count) for count in chosen):
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
