"""Moved to `analytics.charts.svg`; kept so existing imports go on working."""

from analytics.charts.svg import render_bar_svg, render_svg

__all__ = ["render_bar_svg", "render_svg"]
