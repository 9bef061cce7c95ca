"""The average of a question or scale across several waves, oldest first."""

import plotly.graph_objects as go
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.charts.items import (
    group_part,
    has_mean,
    item_of,
    mean_of,
    wave_label,
)
from analytics.charts.model import (
    Chart,
    Table,
    average_cell,
    message_chart,
    people_cell,
    unsupported_group_chart,
)
from analytics.charts.theme import (
    BLUE,
    as_json,
    interval_bars,
    layout,
    mean_axis,
)
from analytics.charts.wording import (
    interval_note,
    one_decimal,
    privacy_note,
    subtitle_of,
)
from analytics.groups import Group
from analytics.models import Snapshot


def trend_chart(
    *, snapshots: list[Snapshot], key: str, heading: str = "", group: Group | None = None
) -> Chart:
    """Return the average of a question or scale across several waves, oldest first."""
    items = [(snapshot, item_of(snapshot, key)) for snapshot in snapshots]
    items = [(snapshot, item) for snapshot, item in items if item is not None]
    title = heading or (items[-1][1].text if items else _("Results"))
    if len(items) < 2:
        return message_chart(
            title, _("A trend needs published results of this question from at least two waves.")
        )
    latest = items[-1][1]
    if not has_mean(latest.kind):
        return message_chart(title, _("A trend needs a question with an average."))
    if group is not None and group.grouping is None:
        return unsupported_group_chart(title, group, items[-1][0])
    k = max(snapshot.min_cell_size for snapshot, _item in items)
    means = [mean_of(item, group) for _snapshot, item in items]
    if any(mean is None for mean in means):
        return message_chart(
            title,
            _(
                "For this question, averages are published for everyone only, not for "
                "the group “%(group)s”."
            )
            % {"group": group_part(items[-1][0], group)},
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
            [label, people_cell(mean, k), average_cell(mean, k)]
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
        return Chart(title=title, summary=summary, table=table, note=privacy_note(k))
    (first_label, first), (last_label, last) = shown[0], shown[-1]
    values = {
        "before": one_decimal(first.mean),
        "after": one_decimal(last.mean),
        "first": first_label,
        "last": last_label,
    }
    if round(last.mean, 1) > round(first.mean, 1):
        summary = _("From %(first)s to %(last)s the average rose from %(before)s to %(after)s.")
    elif round(last.mean, 1) < round(first.mean, 1):
        summary = _("From %(first)s to %(last)s the average fell from %(before)s to %(after)s.")
    else:
        summary = _("From %(first)s to %(last)s the average stayed at %(after)s.")
    axis = mean_axis(latest)
    figure = go.Figure(
        go.Scatter(
            x=[label for label, _mean in shown],
            y=[mean.mean for _label, mean in shown],
            mode="lines+markers+text",
            line={"color": BLUE, "width": 3},
            marker={"color": BLUE, "size": 10, "symbol": "circle"},
            text=[one_decimal(mean.mean) for _label, mean in shown],
            textposition="middle right",
            cliponaxis=False,
            error_y=interval_bars([mean for _label, mean in shown]),
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        layout(
            height=360,
            margin={"l": 10, "r": 40, "t": 20, "b": 50},
            yaxis=axis,
            # Half a column either side, so the first wave's name clears the value axis.
            xaxis={"type": "category", "range": [-0.5, len(shown) - 0.5]},
        )
    )
    withheld = any(mean.is_withheld for mean in means)
    note = interval_note() + (" " + privacy_note(k) if withheld else "")
    return Chart(
        title=title,
        summary=summary % values,
        table=table,
        figure=as_json(figure),
        note=note,
        subtitle=subtitle_of(
            _("%(first)s to %(last)s") % {"first": labels[0], "last": labels[-1]},
            group_part(items[-1][0], group),
        ),
    )
