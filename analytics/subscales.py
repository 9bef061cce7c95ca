"""Subscales on dashboards: a scale key with "/subscale" names one part of a scale.

Snapshots publish each subscale beside its scale (count, mean, interval, breakdowns,
all withheld like every figure); this reads one of them as if it were a scale, so every
chart kind that shows a scale shows a subscale too.
"""

from dataclasses import replace

from django.utils.translation import gettext as _

from analytics.snapshot_schema import ItemFigures, SnapshotFigures
from surveys.models import Questionnaire

SEPARATOR = "/"


def subscale_name(scale_name: str, subscale: str) -> str:
    return _("%(scale)s: subscale “%(subscale)s”") % {"scale": scale_name, "subscale": subscale}


def scale_figures(figures: SnapshotFigures, key: str) -> ItemFigures | None:
    """Return a scale's published figures, or a subscale's for "scale/subscale"."""
    scale_key, _separator, subscale = key.partition(SEPARATOR)
    scale = figures.scale(scale_key)
    if scale is None or not subscale:
        return scale
    part = next((part for part in scale.subscales if part.key == subscale), None)
    if part is None:
        return None
    # Its own item count stays: a comparison checks that both waves scored the same items.
    return replace(part, key=key, text=subscale_name(scale.text, subscale))


def scale_is_asked(questionnaire: Questionnaire, key: str) -> bool:
    """Return whether a questionnaire scores this scale (and subscale, if one is named)."""
    scale_key, _separator, subscale = key.partition(SEPARATOR)
    scales = questionnaire.scales.filter(key=scale_key)
    if subscale:
        scales = scales.filter(items__subscale=subscale)
    return scales.exists()


def subscale_choices(scales) -> dict[str, str]:
    """Return {"scale/subscale": name} for every subscale of the given scales."""
    choices = {}
    for scale in scales:
        for subscale in sorted({item.subscale for item in scale.items.all() if item.subscale}):
            choices[f"{scale.key}{SEPARATOR}{subscale}"] = subscale_name(scale.name, subscale)
    return choices


def scales_and_subscales(figures: SnapshotFigures) -> dict[str, ItemFigures]:
    """Return the typed figures of every scale and subscale ("scale/subscale") by key."""
    found = {}
    for scale in figures.scales:
        found[scale.key] = scale
        for part in scale.subscales:
            key = f"{scale.key}{SEPARATOR}{part.key}"
            found[key] = scale_figures(figures, key)
    return found
