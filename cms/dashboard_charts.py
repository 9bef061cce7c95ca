"""The figures of one dashboard request: read once, built once, shared by the whole page.

The blocks, their download and embed links, the share tags and the filter all ask the
same `DashboardCharts` for a chart, so each chart is built once per request from
snapshots read in one query, and a download shows exactly the chart the page shows,
filter included.
"""

from analytics import charts
from analytics.charts.model import Chart
from analytics.localisation import localised_snapshot
from analytics.selectors import published_comparison, published_snapshot, published_snapshots
from cms.dashboard_filters import DashboardFilter, dashboard_filter, dashboard_waves
from surveys.models import Wave


class PublishedResults:
    """The newest public snapshot of each wave a page shows, read in one query.

    Each snapshot is worded in the page's language (`analytics.localisation`), so every
    block, link and filter of the page shows the questionnaire's own translation. A wave
    not named on the page (none today) is read on its own when asked for.
    """

    def __init__(self, waves: list[Wave]):
        found = published_snapshots(waves=waves)
        self._snapshots = {
            wave.pk: localised_snapshot(found[wave.pk], wave=wave)
            for wave in waves
            if wave is not None and wave.pk in found
        }
        self._asked = {wave.pk for wave in waves if wave is not None}
        self._comparisons = {}

    def snapshot(self, wave: Wave | None):
        if wave is None:
            return None
        if wave.pk not in self._asked:
            self._asked.add(wave.pk)
            if (snapshot := published_snapshot(wave=wave)) is not None:
                self._snapshots[wave.pk] = localised_snapshot(snapshot, wave=wave)
        return self._snapshots.get(wave.pk)

    def comparison(self, *, before: Wave, after: Wave):
        pair = (before.pk, after.pk)
        if pair not in self._comparisons:
            self._comparisons[pair] = published_comparison(before=before, after=after)
        return self._comparisons[pair]


class DashboardCharts:
    """Build each chart of one dashboard request once, narrowed by the visitor's filter."""

    def __init__(self, *, results: PublishedResults, chosen: DashboardFilter):
        self.results = results
        self.filter = chosen
        # id(block value) → (value, chart); the value is kept so its id is never reused.
        self._built: dict[int, tuple[object, Chart]] = {}

    def chart(self, value, build) -> Chart:
        """Return the chart of a chart-like block's value, building it on first use.

        `build(value, chosen, results=)` draws the block's chart (a chart, a map).
        """
        found = self._built.get(id(value))
        if found is None:
            found = (value, build(value, self.filter, results=self.results))
            self._built[id(value)] = found
        return found[1]


def page_chart(value, parent_context, build) -> Chart:
    """Return the chart a chart-like block draws on its page, narrowed by the page's filter.

    On a dashboard request it is the page's chart, built once and shared with the chart's
    download, share and embed links; elsewhere (a preview) the block builds its own.
    """
    context = parent_context or {}
    page_charts = context.get("dashboard_charts")
    if page_charts is not None:
        return page_charts.chart(value, build)
    return build(value, context.get("dashboard_filter"))


def results_of(parent_context):
    """Return the published figures the page read already, or a reader of its own."""
    results = getattr((parent_context or {}).get("dashboard_charts"), "results", None)
    return results if results is not None else charts.PublishedResults()


def filtered_wave(wave: Wave | None, parent_context) -> Wave | None:
    """Return the wave the dashboard's filter chose instead of a block's own, if any."""
    chosen = (parent_context or {}).get("dashboard_filter")
    return chosen.wave if chosen is not None and chosen.wave is not None else wave


def dashboard_charts(*, blocks, params) -> DashboardCharts:
    """Return the charts of a dashboard's blocks for the filter its query string asks for."""
    results = PublishedResults(dashboard_waves(blocks))
    chosen = dashboard_filter(blocks=blocks, params=params, results=results)
    return DashboardCharts(results=results, chosen=chosen)
