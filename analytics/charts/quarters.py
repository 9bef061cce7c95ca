"""A question or scale compared between the quarters."""

import plotly.graph_objects as go
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.charts.bar import bar_chart
from analytics.charts.items import (
    group_part,
    item_of,
    wave_label,
)
from analytics.charts.model import (
    Chart,
    Table,
    average_cell,
    message_chart,
    people_cell,
    share_cell,
    unsupported_group_chart,
)
from analytics.charts.theme import (
    BLUE,
    GROUP_COLOURS,
    GROUP_PATTERNS,
    INK,
    OUTLINE,
    as_json,
    layout,
    mean_axis,
    mean_bars,
)
from analytics.charts.wording import (
    interval_note,
    n_text,
    one_decimal,
    option_label,
    privacy_note,
    subtitle_of,
    withheld_text,
)
from analytics.groups import Group, group_figures, nobody_in, segment_label
from analytics.models import Snapshot
from analytics.snapshot_schema import GroupFigures, ItemFigures, is_withheld


def quarters_chart(
    *, snapshot: Snapshot | None, key: str, heading: str = "", group: Group | None = None
) -> Chart:
    """Return a question or scale compared between the quarters, as grouped bars."""
    item = item_of(snapshot, key)
    title = heading or (item.text if item else _("Results"))
    if snapshot is None or item is None or item.status != "ok":
        return bar_chart(snapshot=snapshot, key=key, heading=heading)
    k = snapshot.min_cell_size
    figures = snapshot.figures
    if "quarter" not in figures.segments:
        return message_chart(title, _("This survey did not ask where people live."))
    # The quarters are the bars; a chosen quarter is one of them, not a filter.
    rest = group.without("quarter") if group is not None else None
    grouping = "quarter" if rest is None else Group((("quarter", ""),) + rest.values).grouping
    if grouping is None:
        return unsupported_group_chart(title, group, snapshot)
    groups = []
    for value in [entry.value for entry in figures.segments["quarter"]]:
        chosen = Group((("quarter", value),) + (rest.values if rest else ()))
        entry = group_figures(item, chosen) or nobody_in(chosen)
        groups.append((segment_label(figures, "quarter", value), entry))
    subtitle = subtitle_of(
        wave_label(snapshot),
        group_part(snapshot, rest),
        n_text(item.answered if rest is None else None),
    )
    if item.options:
        chart = _quarters_choice_chart(item, groups, title, k)
    else:
        chart = _quarters_mean_chart(item, groups, title, k)
    chart.subtitle = subtitle
    return chart


def _quarters_mean_chart(
    item: ItemFigures, groups: list[tuple[str, GroupFigures]], title: str, k: int
) -> Chart:
    means = [entry.average for _label, entry in groups]
    labels = [label for label, _entry in groups]
    table = Table(
        caption=_("%(title)s: average per quarter") % {"title": title},
        headings=[
            _("Quarter"),
            _("People"),
            pgettext("confidence interval", "Average (95 %% range)") % {},
        ],
        rows=[
            [label, people_cell(m, k), average_cell(m, k)]
            for label, m in zip(labels, means, strict=True)
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
            note=privacy_note(k),
        )
    top = max(shown, key=lambda pair: pair[1].mean)
    bottom = min(shown, key=lambda pair: pair[1].mean)
    if top[0] == bottom[0]:
        summary = _("Only %(quarter)s can be shown: the average there was %(mean)s.") % {
            "quarter": top[0],
            "mean": one_decimal(top[1].mean),
        }
    else:
        summary = _(
            "The average was highest in %(top)s (%(top_mean)s) and lowest in %(bottom)s "
            "(%(bottom_mean)s)."
        ) % {
            "top": top[0],
            "top_mean": one_decimal(top[1].mean),
            "bottom": bottom[0],
            "bottom_mean": one_decimal(bottom[1].mean),
        }
    withheld = any(m.is_withheld for m in means)
    note = interval_note() + (" " + privacy_note(k) if withheld else "")
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=mean_bars(labels, means, k, mean_axis(item)),
        note=note,
    )


def _quarters_choice_chart(
    item: ItemFigures, groups: list[tuple[str, GroupFigures]], title: str, k: int
) -> Chart:
    options = item.options
    labels = [option_label(option) for option in options]
    quarters = [label for label, _entry in groups]

    def cell(entry: GroupFigures, position: int):
        if entry.is_withheld:
            return share_cell(None, None, k)
        if not entry.answered or position >= len(entry.options):
            return share_cell(0, 0, k)
        return share_cell(entry.options[position].count, entry.answered, k)

    table = Table(
        caption=_("%(title)s: share of each answer per quarter") % {"title": title},
        headings=[_("Answer")] + quarters,
        rows=[
            [label] + [cell(entry, position) for _quarter, entry in groups]
            for position, label in enumerate(labels)
        ],
    )
    shown = [(quarter, entry) for quarter, entry in groups if entry.answered]
    if not shown:
        return Chart(
            title=title,
            summary=_(
                "In every quarter fewer than %(k)s people answered, so no quarter can be shown."
            )
            % {"k": k},
            table=table,
            note=privacy_note(k),
        )
    parts = []
    for quarter, entry in shown:
        counted = [
            (position, option.count)
            for position, option in enumerate(entry.options)
            if not option.is_withheld
        ]
        if counted:
            position, count = max(counted, key=lambda pair: pair[1])
            parts.append(
                _("in %(quarter)s “%(label)s” (%(share)s %%)")
                % {
                    "quarter": quarter,
                    "label": labels[position],
                    "share": number_format(round(100 * count / entry.answered)),
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
            count = entry.options[position].count if position < len(entry.options) else None
            shares.append(None if is_withheld(count) else 100 * count / entry.answered)
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
        layout(
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
        entry.is_withheld or any(option.is_withheld for option in entry.options)
        for _quarter, entry in groups
    )
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=as_json(figure),
        note=privacy_note(k) if withheld else "",
    )
