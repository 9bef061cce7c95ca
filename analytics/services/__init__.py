"""Writes of analytics: count responses, build and publish snapshots and comparisons."""

from analytics.services.snapshots import min_cell_size, refresh_snapshot, stale_waves

__all__ = ["min_cell_size", "refresh_snapshot", "stale_waves"]
