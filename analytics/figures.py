"""Plotly figures built on the server from a snapshot, each with a table and a summary."""

import json
import uuid
from dataclasses import dataclass, field

import plotly.graph_objects as go
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from analytics.models import Snapshot
from analytics.snapshot_schema import ScoreRange, range_of
from analytics.subscales import scale_figures

# Okabe-Ito blue: colour-blind safe, 5.9:1 against white for the bars' outline contrast.
BAR_COLOUR = "#0072B2"


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


def score_range(item: dict) -> ScoreRange | None:
    """Return the range an item's average can take, or None when it has no fixed range."""
    return range_of(item)


def _point(value: float) -> str:
    return number_format(int(value)) if float(value).is_integer() else _one_decimal(value)


def range_words(found: ScoreRange) -> str:
    """Return a range as readers say it: "1 = stimme gar nicht zu … 5 = stimme voll zu"."""
    if found.low_label and found.high_label:
        return _("%(low)s = %(low_label)s … %(high)s = %(high_label)s") % {
            "low": _point(found.low),
            "low_label": found.low_label,
            "high": _point(found.high),
            "high_label": found.high_label,
        }
    return _("%(low)s to %(high)s") % {"low": _point(found.low), "high": _point(found.high)}


def mean_axis(item: dict) -> dict:
    """Return the Plotly axis of an average: the item's full range, named at both ends.

    An axis cut to the data (0 to 3 for a 1 to 5 item) makes 2.6 → 3.0 look dramatic.
    """
    found = score_range(item)
    if found is None:
        return {"title": {"text": _("Average")}, "rangemode": "tozero"}
    axis = {
        "title": {"text": _("Average (%(range)s)") % {"range": range_words(found)}},
        "range": [found.low, found.high],
        "zeroline": False,
    }
    if float(found.low).is_integer() and float(found.high).is_integer():
        step = 1 if found.high - found.low <= 10 else None
        if step:
            axis["tickvals"] = list(range(int(found.low), int(found.high) + 1))
    return axis


def axis_floor(axis: dict) -> float:
    """Return where bars on this axis start: the low end of a fixed range, else zero."""
    return axis["range"][0] if "range" in axis else 0


def count_cell(count: int | None, k: int) -> Cell:
    """Return a count, or the withheld text, as a cell."""
    return Cell(_count_cell(count, k), (("", count),))


def share_cell(count: int | None, answered: int | None, k: int) -> Cell:
    """Return "47 % (9)": a share of the people who answered and its count."""
    if count is None:
        return Cell(withheld_text(k), ((_("share in per cent"), None), (_("people"), None)))
    share = 100 * count / answered if answered else None
    text = "–" if share is None else f"{number_format(round(share))} % ({number_format(count)})"
    return Cell(text, ((_("share in per cent"), _rounded(share)), (_("people"), count)))


def mean_cell(
    mean: float | None, low: float | None = None, high: float | None = None, *, signed=False
) -> Cell:
    """Return "3,4 (3,1 to 3,7)": an average (or a change) with its 95 % range."""
    if mean is None:
        return Cell("–", ((_("average"), None),))
    shown = _one_decimal(mean)
    if signed and round(mean, 1) > 0:
        shown = f"+{shown}"
    numbers = [(_("average"), round(mean, 2))]
    if low is None or high is None:
        return Cell(shown, numbers)
    numbers += [(_("lowest likely"), round(low, 2)), (_("highest likely"), round(high, 2))]
    # The interval sits in the same cell: a fourth column would not fit a phone.
    interval = _("%(low)s to %(high)s") % {"low": _one_decimal(low), "high": _one_decimal(high)}
    return Cell(f"{shown} ({interval})", numbers)


def effect_size_words(value: float) -> str:
    """Return how large an effect is by Cohen's rule of thumb (0.2 small, 0.5 medium, 0.8 large)."""
    size = abs(value)
    if size < 0.2:
        return pgettext("effect size", "very small")
    if size < 0.5:
        return pgettext("effect size", "small")
    if size < 0.8:
        return pgettext("effect size", "medium")
    return pgettext("effect size", "large")


def effect_size_cell(value: float, low: float, high: float) -> Cell:
    """Return "0,52 (0,10 to 0,94), medium": an effect size, its 95 % range and its size."""
    text = _("%(value)s (%(low)s to %(high)s), %(size)s") % {
        "value": _two_decimals(value),
        "low": _two_decimals(low),
        "high": _two_decimals(high),
        "size": effect_size_words(value),
    }
    numbers = (
        (_("effect size"), round(value, 2)),
        (_("lowest likely"), round(low, 2)),
        (_("highest likely"), round(high, 2)),
    )
    return Cell(text, numbers)


def effect_size_sentence(measure: str, value: float) -> str:
    """Return the effect of a change in plain words, with the measure it was taken by."""
    return _(
        "By Cohen's rule of thumb the effect of the change is %(size)s (%(measure)s = %(value)s)."
    ) % {"size": effect_size_words(value), "measure": measure, "value": _two_decimals(value)}


def _two_decimals(value: float) -> str:
    return number_format(round(value, 2), decimal_pos=2)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


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


def _one_decimal(value: float) -> str:
    # Rounded first: number_format cuts digits off, so 7.57 would read "7,5".
    return number_format(round(value, 1), decimal_pos=1)


def withheld_text(min_cell_size: int) -> str:
    """Return what a withheld cell says: true both of a small group and of its partner.

    A cell withheld to protect another holds far more than k people, so "fewer than k"
    would be false; one label for both also does not tell which one is the small one.
    """
    return _("not shown, to protect a small group")


def perturbation_sentence() -> str:
    """Return the one sentence every dashboard, the API and the open data say about noise."""
    return _(
        "Figures are slightly changed at random so no single person can be recognised; "
        "totals may differ by a few from the sum of their parts."
    )


def perturbation_method(largest_noise: int) -> str:
    """Return how the figures are changed, for the API and the open-data README."""
    return _(
        "Each count is changed by at most %(noise)s, always the same way for the same "
        "people (cell-key perturbation); a true zero stays zero, and averages, medians, "
        "intervals and shares are computed from the changed counts."
    ) % {"noise": largest_noise}


def question_chart(
    *, snapshot: Snapshot | None, question_key: str, heading: str = "", language: str = "de"
) -> Chart:
    """Return the chart of one question from a published snapshot."""
    question = snapshot.question(question_key) if snapshot else None
    title = heading or (question["text"] if question else "")
    if snapshot is None:
        return _message_chart(
            title or _("Results"), _("No results have been published for this question yet.")
        )
    k = snapshot.min_cell_size
    status = snapshot.data.get("status", "ok")
    if status == "no_responses":
        return _message_chart(title or _("Results"), _("Nobody has answered this survey yet."))
    if question is None:
        return _message_chart(
            title or _("Results"),
            _("This question was not asked in this wave, so there are no results for it."),
        )
    if status == "too_few" or question.get("status") == "too_few":
        return _too_few_chart(title, k)
    if question.get("status") == "free_text":
        return _message_chart(
            title, _("Answers written in the person's own words are not shown as figures.")
        )
    if question.get("options"):
        return _choice_chart(question, title, k)
    return _number_chart(question, title, k, snapshot.data.get("segments", {}))


def scale_chart(*, snapshot: Snapshot | None, scale_key: str, heading: str = "") -> Chart:
    """Return the chart of one scale score, everyone and per quarter, from a snapshot."""
    scale = scale_figures(snapshot, scale_key) if snapshot else None
    title = heading or (scale["name"] if scale else _("Results"))
    if scale is None:
        return _message_chart(title, _("No results have been published for this scale yet."))
    k = snapshot.min_cell_size
    if scale.get("status") == "no_responses":
        return _message_chart(title, _("Nobody has answered this survey yet."))
    if scale.get("status") != "ok":
        return _message_chart(
            title,
            _(
                "Fewer than %(k)s people answered enough of the questions of this scale, "
                "so no score is shown."
            )
            % {"k": k},
        )
    return _number_chart(
        scale | {"kind": "scale"}, title, k, snapshot.data.get("segments", {}), is_score=True
    )


def _message_chart(title: str, summary: str) -> Chart:
    return Chart(title=title, summary=summary, table=Table(caption=title, headings=[]))


def _too_few_chart(title: str, k: int) -> Chart:
    summary = _(
        "Fewer than %(k)s people have answered this question so far, so no results are shown."
    )
    return _message_chart(title, summary % {"k": k})


def _count_cell(count: int | None, k: int) -> str:
    return withheld_text(k) if count is None else number_format(count)


def _privacy_note(k: int) -> str:
    return _(
        "To protect privacy, groups of fewer than %(k)s people are not shown; "
        "where needed, another group is hidden too "
        "so the hidden figure cannot be worked out."
    ) % {"k": k}


def _option_label(option: dict) -> str:
    return option.get("label") or _("An answer that is no longer offered")


def _choice_chart(question: dict, title: str, k: int) -> Chart:
    answered = question["answered"]
    options = question["options"]
    is_multiple = question.get("is_share_of_respondents", False)
    caption = _("%(title)s (n = %(n)s)") % {"title": title, "n": number_format(answered)}
    if is_multiple:
        caption += " " + _("Several answers were possible; shares are of the people who answered.")
    table = Table(
        caption=caption,
        headings=[_("Answer"), _("People"), _("Share")],
        rows=[
            [_option_label(option), count_cell(option["count"], k), _share_only(option, answered)]
            for option in options
        ],
    )
    shown = [option for option in options if option["count"] is not None]
    top = max(shown, key=lambda option: option["count"]) if shown else None
    summary = ngettext("%(n)s person answered.", "%(n)s people answered.", answered) % {
        "n": number_format(answered)
    }
    if top:
        summary += " " + _("The most frequent answer was “%(label)s” (%(share)s %%).") % {
            "label": _option_label(top),
            "share": number_format(round(100 * top["count"] / answered)),
        }
    else:
        summary += " " + _(
            "Each answer was given by so few people that none can be shown without "
            "putting someone's privacy at risk."
        )
    if question.get("declined") is not None:
        summary += " " + ngettext(
            "%(n)s person preferred not to say.",
            "%(n)s people preferred not to say.",
            question["declined"],
        ) % {"n": number_format(question["declined"])}
    figure = go.Figure(
        go.Bar(
            x=[option["count"] if option["count"] is not None else 0 for option in options],
            y=[_option_label(option) for option in options],
            orientation="h",
            marker={"color": BAR_COLOUR},
            text=[_count_cell(option["count"], k) for option in options],
            textposition="auto",
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        _layout(rows=len(options), xaxis={"title": {"text": _("People")}, "rangemode": "tozero"})
    )
    note = _privacy_note(k) if len(shown) < len(options) else ""
    if not shown:
        # Everything is withheld: a chart of empty bars would only mislead.
        return Chart(title=title, summary=summary, table=table, note=note)
    return Chart(title=title, summary=summary, table=table, figure=_as_json(figure), note=note)


def _share_only(option: dict, answered: int) -> Cell:
    if option["count"] is None or not answered:
        return Cell("–", ((_("in per cent"), None),))
    share = 100 * option["count"] / answered
    return Cell(f"{number_format(round(share))} %", ((_("in per cent"), _rounded(share)),))


def _segment_label(segments: dict, dimension: str, value: str) -> str:
    if value == "":
        return pgettext("segment", "Not stated")
    labels = {item["value"]: item["label"] for item in segments.get(dimension, [])}
    return labels.get(value, value)


def _number_chart(question: dict, title: str, k: int, segments: dict, is_score=False) -> Chart:
    answered = question["answered"]
    mean = question["mean"]
    groups = question.get("breakdowns", {}).get("quarter", [])
    if is_score:
        caption = _("%(title)s: average score (n = %(n)s)")
        summary = _("On average, the %(n)s people who answered scored %(mean)s.")
    elif question.get("kind") == "scale_0_10":
        caption = _("%(title)s: average on a scale from 0 to 10 (n = %(n)s)")
        summary = _("On average, the %(n)s people who answered gave %(mean)s out of 10.")
    else:
        caption = _("%(title)s: average (n = %(n)s)")
        summary = _("On average, the %(n)s people who answered said %(mean)s.")
    axis = mean_axis(question)

    def average(item):
        return mean_cell(item.get("mean"), item.get("mean_low"), item.get("mean_high"))

    table = Table(
        caption=caption % {"title": title, "n": number_format(answered)},
        headings=[
            _("Group"),
            _("People"),
            pgettext("confidence interval", "Average (95 %% range)") % {},
        ],
        rows=[[_("Everyone"), count_cell(answered, k), average(question)]]
        + [
            [
                _segment_label(segments, "quarter", group["values"][0]),
                count_cell(group["answered"], k),
                average(group),
            ]
            for group in groups
        ],
    )
    summary = summary % {
        "n": number_format(answered),
        "mean": _one_decimal(mean),
    }
    labels = [_("Everyone")] + [
        _segment_label(segments, "quarter", group["values"][0]) for group in groups
    ]
    floor = axis_floor(axis)
    values = [mean - floor] + [
        group["mean"] - floor if group["mean"] is not None else 0 for group in groups
    ]
    texts = [_one_decimal(mean)] + [
        withheld_text(k) if group["mean"] is None else _one_decimal(group["mean"])
        for group in groups
    ]
    figure = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            base=floor,
            orientation="h",
            marker={"color": BAR_COLOUR},
            text=texts,
            textposition="auto",
            hoverinfo="skip",
        )
    )
    figure.update_layout(_layout(rows=len(labels), xaxis=axis))
    note = _privacy_note(k) if any(group["mean"] is None for group in groups) else ""
    return Chart(title=title, summary=summary, table=table, figure=_as_json(figure), note=note)


def _layout(*, rows: int, xaxis: dict) -> dict:
    """Return the layout shared by horizontal bar charts; the heading sits above in HTML."""
    return {
        "xaxis": xaxis,
        "yaxis": {"autorange": "reversed", "automargin": True},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
        "height": 60 + 44 * rows,
        "font": {"family": "system-ui, sans-serif", "size": 14, "color": "#1b1b1f"},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
    }


def _as_json(figure: go.Figure) -> dict:
    """Return the figure as plain JSON data, ready for `json_script`."""
    return json.loads(figure.to_json())
