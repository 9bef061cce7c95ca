from analytics.suppression import withhold_small_cells


def test_a_table_without_small_cells_withholds_nothing():
    assert withhold_small_cells({"a": 5, "b": 9}, min_cell_size=5) == set()


def test_a_cell_below_k_is_withheld_together_with_the_next_smallest():
    withheld = withhold_small_cells({"a": 2, "b": 7, "c": 30}, min_cell_size=5)

    assert withheld == {"a", "b"}


def test_an_empty_cell_counts_as_small():
    withheld = withhold_small_cells({"a": 0, "b": 6, "c": 9}, min_cell_size=5)

    assert "a" in withheld


def test_withheld_cells_together_hold_at_least_k_so_their_sum_reveals_no_small_group():
    withheld = withhold_small_cells({"a": 1, "b": 1, "c": 8, "d": 20}, min_cell_size=5)

    assert sum({"a": 1, "b": 1, "c": 8, "d": 20}[key] for key in withheld) >= 5
    assert withheld == {"a", "b", "c"}


def test_a_lone_small_cell_is_never_the_only_withheld_one_when_there_is_another():
    withheld = withhold_small_cells({"a": 4, "b": 100}, min_cell_size=5)

    assert withheld == {"a", "b"}
