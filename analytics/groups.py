"""Groups of respondents a snapshot publishes figures for: its breakdowns, read only."""

from dataclasses import dataclass

from django.utils.translation import pgettext

from analytics.services.aggregation import SEGMENTS
from analytics.services.snapshots import GROUPINGS
from analytics.snapshot_schema import Average, GroupFigures, ItemFigures, SnapshotFigures


@dataclass(frozen=True)
class Group:
    """A group of respondents: one value for each of some segment dimensions."""

    # (dimension, value) pairs in the order of SEGMENTS, as snapshot groupings are named.
    values: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, chosen: dict[str, str]) -> "Group | None":
        """Return the group of the chosen dimension → value pairs, or None for everyone."""
        pairs = tuple((dim, chosen[dim]) for dim in SEGMENTS if chosen.get(dim))
        return cls(pairs) if pairs else None

    @property
    def dimensions(self) -> tuple[str, ...]:
        return tuple(dim for dim, _value in self.values)

    @property
    def grouping(self) -> str | None:
        """Return the name of the snapshot breakdown holding this group, or None if none does."""
        return "__".join(self.dimensions) if self.dimensions in GROUPINGS else None

    @property
    def key(self) -> list[str]:
        return [value for _dim, value in self.values]

    def value_of(self, dimension: str) -> str | None:
        return dict(self.values).get(dimension)

    def without(self, dimension: str) -> "Group | None":
        pairs = tuple(pair for pair in self.values if pair[0] != dimension)
        return Group(pairs) if pairs else None


def group_figures(figures: ItemFigures, group: Group) -> GroupFigures | None:
    """Return the breakdown figures of one group from a question's or scale's figures."""
    if group.grouping is None:
        return None
    return figures.group(group.grouping, group.key)


def nobody_in(group: Group) -> GroupFigures:
    """Return the figures of a group the snapshot lists no one in: nobody answered."""
    return GroupFigures(tuple(group.key), Average(0))


def segment_label(figures: SnapshotFigures, dimension: str, value: str) -> str:
    """Return how a segment value is named in a snapshot (the option's label)."""
    if value == "":
        return pgettext("segment", "Not stated")
    label = figures.segment_label(dimension, value)
    return value if label is None else label


def group_label(figures: SnapshotFigures, group: Group) -> str:
    """Return a group's name for readers, e.g. "Altenhagen, 14 bis 17 Jahre"."""
    return ", ".join(segment_label(figures, dim, value) for dim, value in group.values)
