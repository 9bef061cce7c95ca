"""The charts a dashboard shows, built from published snapshots only.

`build(kind, …)` returns the chart model (figure, table, summary, note) of one chart
kind, and `problems(kind, …)` says what keeps that kind from working for a wave and a
question, keyed by what is wrong ("item", "kind", "earlier_waves"); cms blocks map
them onto their fields. Each kind lives in its own module; `theme` holds the look,
`wording` the words, `model` the chart with its table, `svg` the static picture.
"""

from django.utils.translation import gettext as _

from analytics.charts.bar import bar_chart, question_chart, scale_chart
from analytics.charts.before_after import before_after_chart
from analytics.charts.diverging import diverging_chart
from analytics.charts.items import MEAN_KINDS, SCALE_PREFIX, has_mean, item_of
from analytics.charts.model import Cell, Chart, Table
from analytics.charts.quarters import quarters_chart
from analytics.charts.statement import Statement, figure_statement
from analytics.charts.trend import trend_chart
from analytics.groups import Group
from analytics.localisation import localised_snapshot
from analytics.selectors import published_comparison, published_snapshot
from analytics.subscales import scale_is_asked
from surveys.models import Question, Segment, Wave


class PublishedResults:
    """Published figures read one by one, for a chart built outside a dashboard request.

    Each snapshot is worded in the active language (`analytics.localisation`).
    """

    def snapshot(self, wave: Wave | None):
        if wave is None:
            return None
        return localised_snapshot(published_snapshot(wave=wave), wave=wave)

    def comparison(self, *, before: Wave, after: Wave):
        return published_comparison(before=before, after=after)


class Kind:
    """The chart kinds a chart block offers."""

    BAR = "bar"
    DIVERGING = "diverging"
    BEFORE_AFTER = "before_after"
    TREND = "trend"
    QUARTERS = "quarters"


# Kinds that show one wave, so a dashboard's wave filter may swap it.
SINGLE_WAVE_KINDS = {Kind.BAR, Kind.DIVERGING, Kind.QUARTERS}
AGREEMENT_KINDS = {Question.Kind.AGREEMENT, Question.Kind.MATRIX, Question.Kind.MATRIX_ROW}


def build(
    kind: str,
    *,
    wave: Wave | None,
    key: str,
    earlier: list[Wave] = (),
    heading: str = "",
    group: Group | None = None,
    results=None,
) -> Chart:
    """Return the chart of one kind for a wave (and earlier waves) from published snapshots.

    `results` reads the published figures (`snapshot(wave)`, `comparison(before=, after=)`);
    a dashboard passes the reader that fetched all its waves at once. Left out, each
    snapshot is read on its own.
    """
    kind = kind or Kind.BAR
    results = results if results is not None else PublishedResults()
    snapshot = results.snapshot(wave)
    if kind == Kind.DIVERGING:
        return diverging_chart(snapshot=snapshot, key=key, heading=heading, group=group)
    if kind == Kind.QUARTERS:
        return quarters_chart(snapshot=snapshot, key=key, heading=heading, group=group)
    earlier = sorted(
        (other for other in earlier or [] if other and other != wave),
        key=lambda other: other.opens_at,
    )
    if kind == Kind.BEFORE_AFTER:
        before = earlier[-1] if earlier else None
        return before_after_chart(
            before=results.snapshot(before),
            after=snapshot,
            comparison=results.comparison(before=before, after=wave) if before and wave else None,
            key=key,
            heading=heading,
            group=group,
        )
    if kind == Kind.TREND:
        waves = sorted([*earlier, wave], key=lambda other: other.opens_at) if wave else earlier
        snapshots = [results.snapshot(other) for other in waves]
        return trend_chart(
            snapshots=[found for found in snapshots if found is not None],
            key=key,
            heading=heading,
            group=group,
        )
    return bar_chart(snapshot=snapshot, key=key, heading=heading, group=group)


def item_kind(*, wave: Wave, key: str) -> str | None:
    """Return the kind of a question of a wave, "scale" for a scale, or None if not asked."""
    if key.startswith(SCALE_PREFIX):
        scale_key = key.removeprefix(SCALE_PREFIX)
        return "scale" if scale_is_asked(wave.questionnaire, scale_key) else None
    return wave.questionnaire.questions.filter(key=key).values_list("kind", flat=True).first()


def problems(kind: str, *, wave: Wave | None, earlier: list[Wave], key: str) -> dict[str, str]:
    """Return what keeps a chart of this kind from working: "item", "kind" or "earlier_waves"."""
    if wave is None:
        return {}
    found = {}
    asked = item_kind(wave=wave, key=key)
    if asked is None:
        return {
            "item": _("This is not asked in the wave “%(wave)s”; choose one that is.")
            % {"wave": wave}
        }
    if kind == Kind.BAR and asked == Question.Kind.MATRIX:
        found["kind"] = _(
            "A matrix heading has no answers of its own: choose the agreement chart, "
            "or one row of the matrix."
        )
    if kind == Kind.DIVERGING and asked not in AGREEMENT_KINDS:
        found["kind"] = _(
            "The agreement chart needs an agreement item or a matrix; this question is "
            "of another kind."
        )
    if (
        kind == Kind.QUARTERS
        and not wave.questionnaire.questions.filter(segment=Segment.QUARTER).exists()
    ):
        found["kind"] = _(
            "This wave does not ask where people live, so the quarters cannot be compared."
        )
    if kind in (Kind.BEFORE_AFTER, Kind.TREND):
        if not has_mean(asked):
            found["kind"] = _(
                "This chart compares averages: choose an agreement item, a 0 to 10 "
                "question, a number or a scale."
            )
        if kind == Kind.BEFORE_AFTER and len(earlier) != 1:
            found["earlier_waves"] = _(
                "A before-and-after comparison needs exactly one earlier wave."
            )
        elif kind == Kind.TREND and not earlier:
            found["earlier_waves"] = _("A trend needs at least one more wave.")
        elif any(other.questionnaire.key != wave.questionnaire.key for other in earlier if other):
            found["earlier_waves"] = _(
                "Only waves of the same questionnaire can be compared with “%(wave)s”."
            ) % {"wave": wave}
        elif kind == Kind.BEFORE_AFTER and earlier[0].opens_at >= wave.opens_at:
            found["earlier_waves"] = _("The earlier wave must have opened before “%(wave)s”.") % {
                "wave": wave
            }
    return found


__all__ = [
    "AGREEMENT_KINDS",
    "MEAN_KINDS",
    "SCALE_PREFIX",
    "SINGLE_WAVE_KINDS",
    "Cell",
    "Chart",
    "Kind",
    "PublishedResults",
    "Statement",
    "Table",
    "bar_chart",
    "before_after_chart",
    "build",
    "diverging_chart",
    "figure_statement",
    "has_mean",
    "item_of",
    "problems",
    "quarters_chart",
    "question_chart",
    "scale_chart",
    "trend_chart",
]
