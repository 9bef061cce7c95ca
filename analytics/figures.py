"""Moved to the `analytics.charts` package; these names stay for existing imports."""

from analytics.charts.bar import question_chart, scale_chart
from analytics.charts.model import (
    Cell,
    Chart,
    Table,
    count_cell,
    effect_size_cell,
    mean_cell,
    share_cell,
)
from analytics.charts.theme import axis_floor, mean_axis, score_range
from analytics.charts.wording import (
    effect_size_sentence,
    effect_size_words,
    perturbation_method,
    perturbation_sentence,
    range_words,
    withheld_text,
)

__all__ = [
    "Cell",
    "Chart",
    "Table",
    "axis_floor",
    "count_cell",
    "effect_size_cell",
    "effect_size_sentence",
    "effect_size_words",
    "mean_axis",
    "mean_cell",
    "perturbation_method",
    "perturbation_sentence",
    "question_chart",
    "range_words",
    "scale_chart",
    "score_range",
    "share_cell",
    "withheld_text",
]
