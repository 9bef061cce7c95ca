"""Bar charts: the answers to one question, or an average for everyone, per quarter, per group."""

import plotly.graph_objects as go
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from analytics.charts.items import (
    SCALE_PREFIX,
    group_part,
    item_of,
    mean_of,
    wave_label,
)
from analytics.charts.model import (
    Chart,
    Table,
    average_cell,
    count_cell,
    mean_cell,
    message_chart,
    nobody_in_group_chart,
    people_cell,
    share_only,
    too_few_chart,
    unsupported_group_chart,
    withheld_group_chart,
)
from analytics.charts.theme import BLUE, as_json, axis_floor, bar_layout, mean_axis, mean_bars
from analytics.charts.wording import (
    count_text,
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
from analytics.snapshot_schema import Average, ItemFigures, OptionCell, SnapshotFigures
from analytics.subscales import scale_figures


def question_chart(
    *, snapshot: Snapshot | None, question_key: str, heading: str = "", language: str = "de"
) -> Chart:
    """Return the chart of one question from a published snapshot."""
    question = snapshot.figures.question(question_key) if snapshot else None
    title = heading or (question.text if question else "")
    if snapshot is None:
        return message_chart(
            title or _("Results"), _("No results have been published for this question yet.")
        )
    k = snapshot.min_cell_size
    status = snapshot.figures.status
    if status == "no_responses":
        return message_chart(title or _("Results"), _("Nobody has answered this survey yet."))
    if question is None:
        return message_chart(
            title or _("Results"),
            _("This question was not asked in this wave, so there are no results for it."),
        )
    if status == "too_few" or question.status == "too_few":
        return too_few_chart(title, k)
    if question.status == "free_text":
        return message_chart(
            title, _("Answers written in the person's own words are not shown as figures.")
        )
    if question.options:
        return choice_chart(
            question.answered,
            question.options,
            title,
            k,
            is_multiple=question.is_share_of_respondents,
            declined=question.declined,
        )
    return number_chart(question, title, k, snapshot.figures)


def scale_chart(*, snapshot: Snapshot | None, scale_key: str, heading: str = "") -> Chart:
    """Return the chart of one scale score, everyone and per quarter, from a snapshot."""
    scale = scale_figures(snapshot.figures, scale_key) if snapshot else None
    title = heading or (scale.text if scale else _("Results"))
    if scale is None:
        return message_chart(title, _("No results have been published for this scale yet."))
    k = snapshot.min_cell_size
    if scale.status == "no_responses":
        return message_chart(title, _("Nobody has answered this survey yet."))
    if scale.status != "ok":
        return message_chart(
            title,
            _(
                "Fewer than %(k)s people answered enough of the questions of this scale, "
                "so no score is shown."
            )
            % {"k": k},
        )
    return number_chart(scale, title, k, snapshot.figures, is_score=True)


def choice_chart(
    answered: int,
    options: tuple[OptionCell, ...],
    title: str,
    k: int,
    *,
    is_multiple: bool = False,
    declined: int | None = None,
) -> Chart:
    """Return the chart of the answers to a choice question, of everyone or of one group."""
    caption = _("%(title)s (n = %(n)s)") % {"title": title, "n": number_format(answered)}
    if is_multiple:
        caption += " " + _("Several answers were possible; shares are of the people who answered.")
    table = Table(
        caption=caption,
        headings=[_("Answer"), _("People"), _("Share")],
        rows=[
            [option_label(option), count_cell(option.count, k), share_only(option, answered)]
            for option in options
        ],
    )
    shown = [option for option in options if not option.is_withheld]
    top = max(shown, key=lambda option: option.count) if shown else None
    summary = ngettext("%(n)s person answered.", "%(n)s people answered.", answered) % {
        "n": number_format(answered)
    }
    if top:
        summary += " " + _("The most frequent answer was “%(label)s” (%(share)s %%).") % {
            "label": option_label(top),
            "share": number_format(round(100 * top.count / answered)),
        }
    else:
        summary += " " + _(
            "Each answer was given by so few people that none can be shown without "
            "putting someone's privacy at risk."
        )
    if declined is not None:
        summary += " " + ngettext(
            "%(n)s person preferred not to say.",
            "%(n)s people preferred not to say.",
            declined,
        ) % {"n": number_format(declined)}
    figure = go.Figure(
        go.Bar(
            x=[0 if option.is_withheld else option.count for option in options],
            y=[option_label(option) for option in options],
            orientation="h",
            marker={"color": BLUE},
            text=[count_text(option.count, k) for option in options],
            textposition="auto",
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        bar_layout(rows=len(options), xaxis={"title": {"text": _("People")}, "rangemode": "tozero"})
    )
    note = privacy_note(k) if len(shown) < len(options) else ""
    if not shown:
        # Everything is withheld: a chart of empty bars would only mislead.
        return Chart(title=title, summary=summary, table=table, note=note)
    return Chart(title=title, summary=summary, table=table, figure=as_json(figure), note=note)


def number_chart(
    item: ItemFigures, title: str, k: int, figures: SnapshotFigures, is_score=False
) -> Chart:
    """Return the average of a number, a 0 to 10 question or a score, everyone and per quarter."""
    answered = item.answered
    mean = item.average.mean
    groups = item.breakdowns.get("quarter", ())
    if is_score:
        caption = _("%(title)s: average score (n = %(n)s)")
        summary = _("On average, the %(n)s people who answered scored %(mean)s.")
    elif item.kind == "scale_0_10":
        caption = _("%(title)s: average on a scale from 0 to 10 (n = %(n)s)")
        summary = _("On average, the %(n)s people who answered gave %(mean)s out of 10.")
    else:
        caption = _("%(title)s: average (n = %(n)s)")
        summary = _("On average, the %(n)s people who answered said %(mean)s.")
    axis = mean_axis(item)

    def average(figures: Average):
        return mean_cell(figures.mean, figures.mean_low, figures.mean_high)

    table = Table(
        caption=caption % {"title": title, "n": number_format(answered)},
        headings=[
            _("Group"),
            _("People"),
            pgettext("confidence interval", "Average (95 %% range)") % {},
        ],
        rows=[[_("Everyone"), count_cell(answered, k), average(item.average)]]
        + [
            [
                segment_label(figures, "quarter", group.values[0]),
                count_cell(group.answered, k),
                average(group.average),
            ]
            for group in groups
        ],
    )
    summary = summary % {
        "n": number_format(answered),
        "mean": one_decimal(mean),
    }
    labels = [_("Everyone")] + [
        segment_label(figures, "quarter", group.values[0]) for group in groups
    ]
    floor = axis_floor(axis)
    values = [mean - floor] + [
        group.average.mean - floor if group.average.mean is not None else 0 for group in groups
    ]
    texts = [one_decimal(mean)] + [
        withheld_text(k) if group.average.mean is None else one_decimal(group.average.mean)
        for group in groups
    ]
    figure = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            base=floor,
            orientation="h",
            marker={"color": BLUE},
            text=texts,
            textposition="auto",
            hoverinfo="skip",
        )
    )
    figure.update_layout(bar_layout(rows=len(labels), xaxis=axis))
    note = privacy_note(k) if any(group.average.mean is None for group in groups) else ""
    return Chart(title=title, summary=summary, table=table, figure=as_json(figure), note=note)


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
            chart.subtitle = subtitle_of(
                wave_label(snapshot), group_part(snapshot, None), n_text(item.answered)
            )
        return chart
    item = item_of(snapshot, key)
    title = heading or (item.text if item else _("Results"))
    k = snapshot.min_cell_size
    if item is None or item.status != "ok":
        return bar_chart(snapshot=snapshot, key=key, heading=heading)
    if group.grouping is None:
        return unsupported_group_chart(title, group, snapshot)
    entry = group_figures(item, group) or nobody_in(group)
    if entry.is_withheld:
        return withheld_group_chart(title, snapshot, group, k)
    subtitle = subtitle_of(
        wave_label(snapshot), group_part(snapshot, group), n_text(entry.answered)
    )
    if item.options:
        if not entry.answered:
            return nobody_in_group_chart(title, snapshot, group)
        chart = choice_chart(
            entry.answered, entry.options, title, k, is_multiple=item.is_share_of_respondents
        )
        chart.subtitle = subtitle
        return chart
    mean = mean_of(item, group)
    if mean is None or not mean.answered:
        return nobody_in_group_chart(title, snapshot, group)
    label = group_part(snapshot, group)
    table = Table(
        caption=_("%(title)s: average (n = %(n)s)")
        % {"title": title, "n": number_format(mean.answered)},
        headings=[
            _("Group"),
            _("People"),
            pgettext("confidence interval", "Average (95 %% range)") % {},
        ],
        rows=[[label, people_cell(mean, k), average_cell(mean, k)]],
    )
    summary = _("On average, the %(n)s people in the group “%(group)s” said %(mean)s.") % {
        "n": number_format(mean.answered),
        "group": label,
        "mean": one_decimal(mean.mean),
    }
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=mean_bars([label], [mean], k, mean_axis(item)),
        note=interval_note(),
        subtitle=subtitle,
    )
