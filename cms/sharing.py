"""Reads behind sharing a dashboard: one chart of a page, the waves a page shows, its cache key.

Every chart-like block (one whose context holds an `analytics.charts.Chart`) can be
embedded and downloaded, whatever its kind.
"""

from dataclasses import dataclass

from wagtail.blocks import StreamValue

from analytics.charts.model import Chart
from surveys.models import Wave


@dataclass(frozen=True)
class SharedChart:
    page: object
    block_id: str
    chart: Chart


def chart_of_block(block: StreamValue.StreamChild, *, page, request=None) -> Chart | None:
    """Return the chart a block draws, or None when the block is not a chart."""
    get_context = getattr(block.block, "get_context", None)
    if get_context is None:
        return None
    try:
        context = get_context(block.value, parent_context={"page": page, "request": request})
    except (AttributeError, KeyError, TypeError):
        return None
    chart = context.get("chart")
    return chart if isinstance(chart, Chart) else None


def live_dashboard(*, page_id: int):
    """Return the live, public dashboard page with this id, or None."""
    from cms.models import DashboardPage

    return DashboardPage.objects.live().public().filter(pk=page_id).specific().first()


def shared_chart(*, page_id: int, block_id: str, request=None) -> SharedChart | None:
    """Return one chart block of a live public dashboard, or None."""
    page = live_dashboard(page_id=page_id)
    if page is None:
        return None
    for block in page.body:
        if block.id == block_id:
            chart = chart_of_block(block, page=page, request=request)
            return SharedChart(page, block_id, chart) if chart else None
    return None


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
    return _wave_ids([block.get("value") for block in page.body.raw_data])


def waves_with_open_data(page) -> list[Wave]:
    """Return the waves of a dashboard whose results are public and published, oldest first."""
    waves = Wave.objects.filter(pk__in=dashboard_wave_ids(page), snapshots__isnull=False)
    return sorted(
        (wave for wave in waves.distinct() if wave.results_are_public()),
        key=lambda wave: wave.opens_at,
    )
