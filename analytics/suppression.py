"""Small-cell suppression: no public figure may come from fewer than k people."""

from collections.abc import Hashable, Iterable, Mapping, Sequence


def withhold_linked_cells(
    counts: Mapping[Hashable, int],
    relations: Iterable[tuple[Hashable, Sequence[Hashable]]],
    *,
    min_cell_size: int,
    known_zeros: Iterable[Hashable] = (),
    fixed: Mapping[Hashable, bool] | None = None,
) -> set[Hashable]:
    """Return the keys of the counts to withhold from a set of linked published tables.

    `counts` holds every count that would be published: cells, row and column totals,
    the margins of a cross table, and counts a reader can work out without seeing
    them (took part minus answered: who skipped). Each relation `(total, parts)` says
    that the total is the sum of the parts, as anybody can see from the published
    tables (a row of quarter × age band adds up to the quarter alone, the quarters add
    up to everyone, took part = answered + skipped).

    `known_zeros` are cells that are empty by construction (a segment question broken
    down by itself: nobody from Altenhagen answered "Wehringhausen"). Everybody knows
    them, so they are left out of every relation, never withheld and never count as
    protection. `fixed` maps cells decided elsewhere (the participation table, shared
    by every question) to whether they are withheld: they keep that state, and are
    never picked to protect another cell.

    Every other count from 1 to `min_cell_size` - 1 is withheld. A zero is withheld
    only where its total is: "none of these 40 chose it" speaks of no one, but the
    zeros of a withheld row would tell what its one person did not answer. Then, until
    nothing changes: where a relation's total is published, its withheld parts must be
    none, or at least two that together hold at least `min_cell_size`; where the total
    is withheld, at least one part must be withheld too. Otherwise the smallest
    published part that may be withheld (or, with none left, the total) is withheld
    as well.
    """
    fixed = dict(fixed or {})
    known_zeros = set(known_zeros)
    withheld = {key for key, is_withheld in fixed.items() if is_withheld}
    withheld |= {
        key
        for key, count in counts.items()
        if 0 < count < min_cell_size and key not in fixed and key not in known_zeros
    }
    relations = [
        (total, [part for part in parts if part not in known_zeros]) for total, parts in relations
    ]
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            if total in withheld:
                zeros = {
                    part for part in parts if counts[part] == 0 and part not in fixed
                } - withheld
                if zeros:
                    withheld |= zeros
                    changed = True
            hidden = [part for part in parts if part in withheld]
            if total in withheld:
                is_safe = bool(hidden) or not parts
            else:
                is_safe = not hidden or (
                    len(hidden) >= 2 and sum(counts[part] for part in hidden) >= min_cell_size
                )
            if is_safe:
                continue
            shown = sorted(
                (counts[part], str(part), part)
                for part in parts
                if part not in withheld and part not in fixed
            )
            if shown:
                withheld.add(shown[0][2])
            elif total not in fixed and total not in withheld:
                withheld.add(total)
            else:
                continue  # Decided by the fixed cells' own table, which protects them.
            changed = True
    return withheld
