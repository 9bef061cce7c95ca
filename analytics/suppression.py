"""Small-cell suppression: no public figure may come from fewer than k people."""

from collections.abc import Mapping


def withhold_small_cells(counts: Mapping[str, int], *, min_cell_size: int) -> set[str]:
    """Return the keys of the cells that must be withheld from a table with a published total.

    Every cell below `min_cell_size` is withheld. Because the total is published, the
    withheld cells together are known by subtraction; so more cells are withheld, the
    smallest first, until at least two are withheld and together they hold at least
    `min_cell_size` responses, or all of them are. Then no withheld cell can be worked
    out exactly, and their sum says nothing about a group smaller than k.
    """
    withheld = {key for key, count in counts.items() if count < min_cell_size}
    if not withheld:
        return withheld
    remaining = sorted((count, key) for key, count in counts.items() if key not in withheld)
    while remaining and (len(withheld) < 2 or sum(counts[key] for key in withheld) < min_cell_size):
        withheld.add(remaining.pop(0)[1])
    return withheld
