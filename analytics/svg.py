"""Moved to `analytics.charts.svg`; kept so existing imports go on working."""

from analytics.charts.svg import (
    CHARACTER_WIDTH,
    DEFAULT_COLOUR,
    FONT_SIZE,
    GRID_COLOUR,
    TEXT_COLOUR,
    WIDTH,
    render_bar_svg,
    render_svg,
)

__all__ = [
    "CHARACTER_WIDTH",
    "DEFAULT_COLOUR",
    "FONT_SIZE",
    "GRID_COLOUR",
    "TEXT_COLOUR",
    "WIDTH",
    "render_bar_svg",
    "render_svg",
]
