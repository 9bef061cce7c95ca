"""Cell-key perturbation: every published count is changed a little, always the same way.

The method is the Australian Bureau of Statistics' cell-key method (TableBuilder):

- Each response gets a record key when it is stored: a uniform random integer from
  0 to ``KEY_RANGE`` - 1 (``surveys.models.random_record_key``), linked to nothing else.
- A cell's key is the sum of the record keys of the responses it counts, plus twice
  the sum of the keys of every response of the wave (the wave key), modulo
  ``KEY_RANGE``. The database sums the keys in the same GROUP BY that counts the
  responses, and every roll-up adds them like the counts, so a cell key does not
  depend on how the counting was split up.
- A fixed lookup table (the p-table, ``P_TABLE``) maps (true count, cell key) to a
  small noise. The same responses therefore always get the same published value in
  a version (asking again, through another channel or filter, averages nothing
  away), while a cell that differs by one response gets a new cell key and with it
  noise that cannot be predicted: the difference of two versions is no longer the
  difference of people.
- The wave key goes further than the ABS method for tables that never change: a
  new version has new responses, so every cell gets a new key, the cells nobody
  joined too. Otherwise a cell whose value stayed put would tell that the planted
  person is not in it, and the one that moved where he is. The price is that an
  attacker who makes many versions (k new answers an hour) could average a cell
  nobody joins over them; the publication cadence keeps those versions few.

Parameters: ``KEY_RANGE`` = 256 keys. The p-table has one row per true count from 1 to
``P_TABLE_ROWS`` (larger counts use the last row); each row is a fixed shuffle (seed
``P_TABLE_SEED``) of the same 256 noises: -3 and +3 twice each, -2 and +2 ten times
each, -1 and +1 fifty times each, 0 a hundred and thirty-two times. So the noise is at
most 3 either way, zero on average, with variance 0.84; about half the cells keep their
true count. The tails are thin on purpose: an attacker who knows the table learns a
change between two versions exactly only when one version's noise sits at -3 and the
other's at +3 (a chance of 1 in 16,384 per changed cell), instead of 1 in 256 for a
flat ±2.
A true zero stays zero. A published count is never below ``at_least`` (the smallest
group size k for counts shown as numbers, 0 for the bins behind a mean or median), so
no published count lies between 1 and k - 1; cells of fewer than k people are withheld
before (analytics/suppression.py), by their true counts.

Means, medians, standard deviations, intervals and shares are computed from perturbed
counts only, so a mean times its n is never a sum of true values.
"""

import random

from surveys.models import RECORD_KEY_RANGE as KEY_RANGE

P_TABLE_ROWS = 20
P_TABLE_SEED = 20_261_206
NOISE_WEIGHTS = {-3: 2, -2: 10, -1: 50, 0: 132, 1: 50, 2: 10, 3: 2}
LARGEST_NOISE = max(abs(noise) for noise in NOISE_WEIGHTS)


def _p_table() -> tuple[tuple[int, ...], ...]:
    column = [noise for noise, times in NOISE_WEIGHTS.items() for _ in range(times)]
    assert len(column) == KEY_RANGE
    shuffler = random.Random(P_TABLE_SEED)  # noqa: S311 - a fixed, published table
    rows = []
    for _row in range(P_TABLE_ROWS):
        shuffled = list(column)
        shuffler.shuffle(shuffled)
        rows.append(tuple(shuffled))
    return tuple(rows)


P_TABLE = _p_table()


def cell_key(key_sum: int, wave_key: int) -> int:
    """Return the cell key of a cell: its record keys and twice the wave's, mod the range.

    Twice, an even number, so a cell of the whole wave (key sum = wave key) still gets
    every key: 3 × the sum is uniform when the sum is.
    """
    return (key_sum + 2 * wave_key) % KEY_RANGE


def noise(count: int, key: int) -> int:
    """Return the p-table's noise for a cell of `count` responses with cell key `key`."""
    if count <= 0:
        return 0
    return P_TABLE[min(count, P_TABLE_ROWS) - 1][key % KEY_RANGE]


def perturb(count: int, key_sum: int, *, wave_key: int = 0, at_least: int = 0) -> int:
    """Return the published value of a true count: zero stays zero, nothing below `at_least`."""
    if count <= 0:
        return 0
    return max(at_least, count + noise(count, cell_key(key_sum, wave_key)))
