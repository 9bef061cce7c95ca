"""Reads behind sharing a dashboard: one chart of a page, and the waves it offers as open data.

Every chart-like block (one whose context holds an `analytics.charts.Chart`) can be
embedded and downloaded, whatever its kind.
"""

from dataclasses import dataclass

from wagtail.blocks import StreamValue

from analytics.charts.model import Chart
from cms.dashboard_charts import dashboard_charts
from cms.dashboard_filters import dashboard_waves
from surveys.models import Wave


@dataclass(frozen=True)
class SharedChart:
    page: object
    block_id: str
    chart: Chart
    # The filter the chart was asked with, as a query string ("" for none).
    query_string: str = ""


def chart_of_block(
    block: StreamValue.StreamChild, *, context=None, page=None, request=None
) -> Chart | None:
    """Return the chart a block draws in this page context, or None when it draws none.

    A page's context holds its `dashboard_charts`, so the chart is the one the page
    built for this request, filter included; without a context (a printed report), the
    block's own chart for `page`.
    """
    if context is None:
        context = {"page": page, "request": request}
    get_context = getattr(block.block, "get_context", None)
    if get_context is None:
        return None
    try:
        block_context = get_context(block.value, parent_context=context)
    except (AttributeError, KeyError, TypeError):
        return None
    chart = block_context.get("chart")
    return chart if isinstance(chart, Chart) else None


def live_dashboard(*, page_id: int):
    """Return the live, public dashboard page with this id, or None."""
    from cms.models import DashboardPage

    return DashboardPage.objects.live().public().filter(pk=page_id).specific().first()


def shared_chart(*, page_id: int, block_id: str, request) -> SharedChart | None:
    """Return one chart block of a live public dashboard, filtered as the request asks.

    None when there is no such chart, or the filter names a choice the page does not offer.
    """
    page = live_dashboard(page_id=page_id)
    if page is None:
        return None
    block = next((block for block in page.body if block.id == block_id), None)
    if block is None:
        return None
    charts = dashboard_charts(blocks=page.body, params=request.GET)
    if charts.filter.is_invalid:
        return None
    context = {
        "page": page,
        "request": request,
        "dashboard_filter": charts.filter,
        "dashboard_charts": charts,
    }
    chart = chart_of_block(block, context=context)
    return SharedChart(page, block_id, chart, charts.filter.query_string) if chart else None


def _wave_ids(value) -> set[int]:
    """Collect the wave ids a block's raw value names (under any key mentioning a wave)."""
    found = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if "wave" in key and isinstance(item, int):
                found.add(item)
            elif "wave" in key and isinstance(item, list):
                found |= {entry for entry in item if isinstance(entry, int)}
            else:
                found |= _wave_ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= _wave_ids(item)
    return found


def wave_ids_in(value) -> set[int]:
    """Return the ids of every wave a block's raw value names."""
    return _wave_ids(value)


def dashboard_wave_ids(page) -> set[int]:
    """Return the ids of every wave a dashboard's blocks read."""
    return {wave.pk for wave in dashboard_waves(page.body)}


def waves_with_open_data(page) -> list[Wave]:
    """Return the waves of a dashboard whose results are public and published, oldest first."""
    waves = Wave.objects.filter(
        pk__in=[wave.pk for wave in dashboard_waves(page.body)], snapshots__isnull=False
    )
    return sorted(
        (wave for wave in waves.distinct() if wave.results_are_public()),
        key=lambda wave: wave.opens_at,
    )
