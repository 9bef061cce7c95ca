"""Writes of analytics: count responses, build and publish snapshots and comparisons."""

from analytics.services.comparisons import compare_pairs, refresh_comparisons
from analytics.services.snapshots import min_cell_size, refresh_snapshot, stale_waves

__all__ = [
    "compare_pairs",
    "min_cell_size",
    "refresh_comparisons",
    "refresh_snapshot",
    "stale_waves",
]
