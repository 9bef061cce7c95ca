"""Two waves' averages side by side, and the change between them with its effect size."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from analytics.charts.items import (
    SCALE_PREFIX,
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
    count_cell,
    effect_size_cell,
    mean_cell,
    message_chart,
    people_cell,
    unsupported_group_chart,
)
from analytics.charts.theme import (
    BLUE,
    SKY_BLUE,
    mean_axis,
    mean_bars,
)
from analytics.charts.wording import (
    effect_size_sentence,
    interval_note,
    one_decimal,
    signed,
    subtitle_of,
)
from analytics.groups import Group
from analytics.models import ComparisonSnapshot, Snapshot
from analytics.snapshot_schema import Change


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
    shown = second or first
    title = heading or (shown.text if shown else "") or _("Results")
    if before is None or after is None:
        return message_chart(title, _("The results of both waves are not published yet."))
    if first is None or second is None:
        return message_chart(title, _("This question was not asked in both waves."))
    if not has_mean(second.kind):
        return message_chart(
            title, _("A before-and-after comparison needs a question with an average.")
        )
    k = max(before.min_cell_size, after.min_cell_size)
    if group is not None and group.grouping is None:
        return unsupported_group_chart(title, group, after)
    means = [mean_of(first, group), mean_of(second, group)]
    if any(mean is None for mean in means):
        return message_chart(
            title,
            _(
                "For this question, averages are published for everyone only, not for "
                "the group “%(group)s”."
            )
            % {"group": group_part(after, group)},
        )
    labels = [wave_label(before), wave_label(after)]
    rows = [
        [label, people_cell(mean, k), average_cell(mean, k)]
        for label, mean in zip(labels, means, strict=True)
    ]
    difference = _difference(comparison, key) if group is None else None
    paired = _paired(difference)
    if difference is not None:
        rows += [
            [
                _("Change"),
                "",
                mean_cell(difference.difference, difference.low, difference.high, signed=True),
            ],
            [
                _("Effect size (Hedges' g)"),
                "",
                effect_size_cell(
                    difference.effect_size, difference.effect_low, difference.effect_high
                ),
            ],
        ]
    if paired is not None:
        rows += [
            [
                _("Change of the same people"),
                count_cell(paired.pairs, k),
                mean_cell(paired.difference, paired.low, paired.high, signed=True),
            ],
            [
                _("Effect size of the same people (d_z)"),
                "",
                effect_size_cell(paired.effect_size, paired.effect_low, paired.effect_high),
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
    note = interval_note()
    if group is not None:
        note += " " + _("The change with its range is worked out for everyone only.")
    figure = None
    if all(mean.mean is not None for mean in means):
        figure = mean_bars(labels, means, k, mean_axis(second), colours=[SKY_BLUE, BLUE])
    answered = [mean.answered for mean in means if mean.answered]
    return Chart(
        title=title,
        summary=summary,
        table=table,
        figure=figure,
        note=note,
        subtitle=subtitle_of(
            _("%(before)s → %(after)s") % {"before": labels[0], "after": labels[1]},
            group_part(after, group),
            _("n = %(before)s and %(after)s")
            % {"before": people_cell(means[0], k), "after": people_cell(means[1], k)}
            if answered
            else "",
        ),
    )


def _difference(comparison: ComparisonSnapshot | None, key: str) -> Change | None:
    if comparison is None:
        return None
    if key.startswith(SCALE_PREFIX):
        change = comparison.figures.scale(key.removeprefix(SCALE_PREFIX))
    else:
        change = comparison.figures.question(key)
    return change if change is not None and change.is_ok else None


def _paired(difference: Change | None) -> Change | None:
    """Return the paired comparison of linked waves, if k pairs or more were found."""
    paired = difference.paired if difference is not None else None
    return paired if paired is not None and paired.is_ok else None


def _paired_summary(paired: Change) -> str:
    summary = _(
        "Of the %(n)s people who answered both times, the average changed by %(change)s."
    ) % {"n": number_format(paired.pairs), "change": signed(paired.difference)}
    return summary + " " + effect_size_sentence("d_z", paired.effect_size)


def _before_after_summary(labels, means, difference, k) -> str:
    first, second = means
    if first.mean is None or second.mean is None:
        return _(
            "In one of the two waves fewer than %(k)s people answered, so the two cannot "
            "be compared."
        ) % {"k": k}
    values = {
        "before": one_decimal(first.mean),
        "after": one_decimal(second.mean),
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
        if difference.low > 0 or difference.high < 0:
            summary += " " + _("The change is larger than chance alone would explain.")
        else:
            summary += " " + _("The change is so small that it may be chance.")
        summary += " " + effect_size_sentence("Hedges' g", difference.effect_size)
    return summary
