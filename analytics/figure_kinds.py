"""Moved to the `analytics.charts` package; these names stay for existing imports."""

from analytics.charts import Kind
from analytics.charts.bar import bar_chart
from analytics.charts.before_after import before_after_chart
from analytics.charts.diverging import diverging_chart
from analytics.charts.items import (
    MEAN_KINDS,
    SCALE_PREFIX,
    agreement_rows,
    has_mean,
    item_of,
    mean_of,
    wave_label,
)
from analytics.charts.quarters import quarters_chart
from analytics.charts.statement import Statement, figure_statement
from analytics.charts.trend import trend_chart

__all__ = [
    "MEAN_KINDS",
    "SCALE_PREFIX",
    "Kind",
    "Statement",
    "agreement_rows",
    "bar_chart",
    "before_after_chart",
    "diverging_chart",
    "figure_statement",
    "has_mean",
    "item_of",
    "mean_of",
    "quarters_chart",
    "trend_chart",
    "wave_label",
]
