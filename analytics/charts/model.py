"""The chart model: a chart with its figure, its table (cells keep their numbers) and summary."""

import uuid
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from analytics.charts.items import group_part, wave_label
from analytics.charts.wording import (
    count_text,
    effect_size_words,
    one_decimal,
    rounded,
    subtitle_of,
    two_decimals,
    withheld_text,
)
from analytics.groups import Group
from analytics.models import Snapshot
from analytics.snapshot_schema import Average, OptionCell, is_withheld


class Cell(str):
    """A table cell as the page shows it, carrying the numbers it stands for.

    The page prints "47 % (9)"; a download writes the share and the count as two
    numbers, headed "heading: label" ("" keeps the column's heading). A withheld
    cell carries None, and a download writes its text instead.
    """

    numbers: tuple[tuple[str, float | int | None], ...]

    def __new__(cls, text: str, numbers=()):
        cell = super().__new__(cls, text)
        cell.numbers = tuple(numbers)
        return cell


@dataclass
class Table:
    caption: str
    headings: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Chart:
    title: str
    summary: str
    table: Table
    figure: dict | None = None
    note: str = ""
    data_id: str = field(default_factory=lambda: f"figure-{uuid.uuid4().hex[:8]}")
    # Who the figures are of and how many, e.g. "Herbst 2026 · Altenhagen · n = 84".
    subtitle: str = ""
    # A static SVG drawn without a Plotly figure (a quarter map), with every text escaped;
    # embeds and the printed report show it where other charts show their figure.
    picture: str = ""


def message_chart(title: str, summary: str) -> Chart:
    return Chart(title=title, summary=summary, table=Table(caption=title, headings=[]))


def too_few_chart(title: str, k: int) -> Chart:
    summary = _(
        "Fewer than %(k)s people have answered this question so far, so no results are shown."
    )
    return message_chart(title, summary % {"k": k})


def unsupported_group_chart(title: str, group: Group, snapshot: Snapshot) -> Chart:
    chart = message_chart(
        title,
        _(
            "No figures are published for the group “%(group)s”: the snapshot holds one "
            "feature at a time, or quarter together with age band."
        )
        % {"group": group_part(snapshot, group)},
    )
    return chart


def withheld_group_chart(title: str, snapshot: Snapshot, group: Group, k: int) -> Chart:
    chart = message_chart(
        title,
        _("The result of the group “%(group)s” is not shown, to protect a small group.")
        % {"group": group_part(snapshot, group)},
    )
    chart.subtitle = subtitle_of(wave_label(snapshot), group_part(snapshot, group))
    return chart


def nobody_in_group_chart(title: str, snapshot: Snapshot, group: Group) -> Chart:
    chart = message_chart(
        title,
        _("Nobody in the group “%(group)s” has answered this question.")
        % {"group": group_part(snapshot, group)},
    )
    chart.subtitle = subtitle_of(wave_label(snapshot), group_part(snapshot, group))
    return chart


def count_cell(count: int | None, k: int) -> Cell:
    """Return a count, or the withheld text, as a cell."""
    return Cell(count_text(count, k), (("", count),))


def share_cell(count: int | None, answered: int | None, k: int) -> Cell:
    """Return "47 % (9)": a share of the people who answered and its count."""
    if is_withheld(count):
        return Cell(withheld_text(k), ((_("share in per cent"), None), (_("people"), None)))
    share = 100 * count / answered if answered else None
    text = "–" if share is None else f"{number_format(round(share))} % ({number_format(count)})"
    return Cell(text, ((_("share in per cent"), rounded(share)), (_("people"), count)))


def share_only(option: OptionCell, answered: int) -> Cell:
    if option.is_withheld or not answered:
        return Cell("–", ((_("in per cent"), None),))
    share = 100 * option.count / answered
    return Cell(f"{number_format(round(share))} %", ((_("in per cent"), rounded(share)),))


def mean_cell(
    mean: float | None, low: float | None = None, high: float | None = None, *, signed=False
) -> Cell:
    """Return "3,4 (3,1 to 3,7)": an average (or a change) with its 95 % range."""
    if mean is None:
        return Cell("–", ((_("average"), None),))
    shown = one_decimal(mean)
    if signed and round(mean, 1) > 0:
        shown = f"+{shown}"
    numbers = [(_("average"), round(mean, 2))]
    if low is None or high is None:
        return Cell(shown, numbers)
    numbers += [(_("lowest likely"), round(low, 2)), (_("highest likely"), round(high, 2))]
    # The interval sits in the same cell: a fourth column would not fit a phone.
    interval = _("%(low)s to %(high)s") % {"low": one_decimal(low), "high": one_decimal(high)}
    return Cell(f"{shown} ({interval})", numbers)


def effect_size_cell(value: float, low: float, high: float) -> Cell:
    """Return "0,52 (0,10 to 0,94), medium": an effect size, its 95 % range and its size."""
    text = _("%(value)s (%(low)s to %(high)s), %(size)s") % {
        "value": two_decimals(value),
        "low": two_decimals(low),
        "high": two_decimals(high),
        "size": effect_size_words(value),
    }
    numbers = (
        (_("effect size"), round(value, 2)),
        (_("lowest likely"), round(low, 2)),
        (_("highest likely"), round(high, 2)),
    )
    return Cell(text, numbers)


def average_cell(mean: Average, k: int) -> Cell:
    if mean.is_withheld:
        return Cell(withheld_text(k), ((_("average"), None),))
    return mean_cell(mean.mean, mean.mean_low, mean.mean_high)


def people_cell(mean: Average, k: int) -> Cell:
    return count_cell(mean.answered, k)


def average_short(mean: Average) -> str:
    return "–" if mean.mean is None else one_decimal(mean.mean)
