"""Small-cell suppression, down to differencing attacks on every published figure."""

import itertools

import pytest

from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from analytics.suppression import withhold_linked_cells
from tests.factories import WaveFactory, add_responses, full_questionnaire


def _one_table(cells: dict, total: int | None = None) -> tuple[dict, list]:
    counts = dict(cells) | {"total": sum(cells.values()) if total is None else total}
    return counts, [("total", list(cells))]


def test_a_table_without_small_cells_withholds_nothing():
    counts, relations = _one_table({"a": 5, "b": 9})

    assert withhold_linked_cells(counts, relations, min_cell_size=5) == set()


def test_a_cell_below_k_is_withheld_together_with_the_next_smallest():
    counts, relations = _one_table({"a": 2, "b": 7, "c": 30})

    assert withhold_linked_cells(counts, relations, min_cell_size=5) == {"a", "b"}


def test_an_empty_cell_of_a_table_with_a_published_total_is_shown():
    counts, relations = _one_table({"a": 0, "b": 6, "c": 9})

    assert withhold_linked_cells(counts, relations, min_cell_size=5) == set()


def test_the_empty_cells_of_a_withheld_row_are_withheld_too():
    counts = {"row": 1, "yes": 1, "no": 0}

    withheld = withhold_linked_cells(counts, [("row", ["yes", "no"])], min_cell_size=5)

    assert withheld == {"row", "yes", "no"}


def test_withheld_cells_together_hold_at_least_k_so_their_sum_reveals_no_small_group():
    counts, relations = _one_table({"a": 1, "b": 1, "c": 8, "d": 20})

    assert withhold_linked_cells(counts, relations, min_cell_size=5) == {"a", "b", "c"}


def test_a_lone_small_cell_is_never_the_only_withheld_one_when_there_is_another():
    counts, relations = _one_table({"a": 4, "b": 100})

    assert withhold_linked_cells(counts, relations, min_cell_size=5) == {"a", "b"}


def test_a_zero_everybody_knows_is_shown_and_never_counts_as_protection():
    # "Wehringhausen" among the people of Altenhagen: empty by construction.
    counts, relations = _one_table({"small": 3, "known": 0, "big": 40})

    withheld = withhold_linked_cells(counts, relations, min_cell_size=5, known_zeros={"known"})

    assert withheld == {"small", "big"}


def test_a_known_zero_in_a_withheld_row_stays_shown_as_public_knowledge():
    counts = {"row": 1, "yes": 1, "no": 0}

    withheld = withhold_linked_cells(
        counts, [("row", ["yes", "no"])], min_cell_size=5, known_zeros={"no"}
    )

    assert withheld == {"row", "yes"}


def test_a_cell_withheld_in_a_cross_table_is_protected_in_its_margin_too():
    # Quarter × age band: (Q1, A1) = 1. Its row Q1 and column A1 are both published.
    counts = {
        ("Q1", "A1"): 1,
        ("Q1", "A2"): 9,
        ("Q2", "A1"): 8,
        ("Q2", "A2"): 7,
        "Q1": 10,
        "Q2": 15,
        "A1": 9,
        "A2": 16,
        "all": 25,
    }
    relations = [
        ("Q1", [("Q1", "A1"), ("Q1", "A2")]),
        ("Q2", [("Q2", "A1"), ("Q2", "A2")]),
        ("A1", [("Q1", "A1"), ("Q2", "A1")]),
        ("A2", [("Q1", "A2"), ("Q2", "A2")]),
        ("all", ["Q1", "Q2"]),
        ("all", ["A1", "A2"]),
    ]

    withheld = withhold_linked_cells(counts, relations, min_cell_size=5)

    for total, parts in relations:
        hidden = [part for part in parts if part in withheld]
        assert total in withheld or not hidden or len(hidden) >= 2


# Differencing attacks: everything a snapshot publishes, given to an integer program.
# On true counts: suppression alone must protect one snapshot, noise or not (the
# attacks across versions, with the noise, are in test_differencing_attack.py).

milp = pytest.importorskip("scipy.optimize").milp
LinearConstraint = pytest.importorskip("scipy.optimize").LinearConstraint
np = pytest.importorskip("numpy")


def _derivable_answers(snapshot, question_key: str, lone: dict) -> set[str]:
    """Return the answers the lone person could have given, given every published figure.

    Unknowns are the finest counts (segment combination × option) and the people of
    each combination who gave no answer. Every published count of the snapshot (the
    question in every breakdown and the participation tables) becomes an equation;
    the attacker also knows the lone person answered. An option is possible if some
    integer solution gives it to the lone person's group.
    """
    data = snapshot.data
    question = snapshot.figures.question(question_key).source
    dimensions = list(data["segments"])
    values = {dim: [item["value"] for item in data["segments"][dim]] for dim in dimensions}
    combos = list(itertools.product(*(values[dim] for dim in dimensions)))
    options = [option["value"] for option in question["options"]]
    columns = [(combo, option) for combo in combos for option in options]
    columns += [(combo, None) for combo in combos]
    index = {column: position for position, column in enumerate(columns)}
    rows, bounds = [], []

    def equation(match, option, count, *, with_no_answer=False):
        if count is None:
            return
        row = np.zeros(len(columns))
        for combo in combos:
            if match(combo):
                targets = options if option == "*" else [option]
                for target in targets:
                    row[index[(combo, target)]] = 1
                if with_no_answer:
                    row[index[(combo, None)]] = 1
        rows.append(row)
        bounds.append(count)

    everyone = lambda combo: True  # noqa: E731
    equation(everyone, "*", question["answered"])
    equation(everyone, "*", data["response_count"], with_no_answer=True)
    for option in question["options"]:
        equation(everyone, option["value"], option["count"])
    for name, breakdown in question["breakdowns"].items():
        grouping = name.split("__")
        for group in breakdown:

            def match(combo, grouping=grouping, group=group):
                return all(
                    combo[dimensions.index(dim)] == value
                    for dim, value in zip(grouping, group["values"], strict=True)
                )

            equation(match, "*", group["answered"])
            for option in group["options"]:
                equation(match, option["value"], option["count"])
    for name, table in data["participation"].items():
        grouping = name.split("__")
        for group in table:

            def match(combo, grouping=grouping, group=group):
                return all(
                    combo[dimensions.index(dim)] == value
                    for dim, value in zip(grouping, group["values"], strict=True)
                )

            equation(match, "*", group["count"], with_no_answer=True)

    def lone_match(combo):
        return all(combo[dimensions.index(dim)] == value for dim, value in lone.items())

    equation(lone_match, "*", 1)
    equation(lone_match, "*", 1, with_no_answer=True)
    possible = set()
    matrix = np.array(rows)
    for option in options:
        target = np.zeros(len(columns))
        for combo in combos:
            if lone_match(combo):
                target[index[(combo, option)]] = 1
        result = milp(
            -target,
            constraints=[LinearConstraint(matrix, bounds, bounds)],
            integrality=np.ones(len(columns)),
            bounds=(0, data["response_count"]),
        )
        if result.success and -result.fun >= 1:
            possible.add(option)
    return possible


@pytest.mark.django_db
@pytest.mark.usefixtures("unperturbed")
def test_the_answer_of_the_one_person_of_a_gender_cannot_be_worked_out():
    wave = WaveFactory(questionnaire=full_questionnaire())
    add_responses(
        wave, 12, quarter="altenhagen", age_band="14-17", gender="w", answers={"se1": "4"}
    )
    add_responses(wave, 9, quarter="altenhagen", age_band="14-17", gender="m", answers={"se1": "5"})
    add_responses(
        wave, 8, quarter="wehringhausen", age_band="18-21", gender="m", answers={"se1": "2"}
    )
    add_responses(
        wave, 1, quarter="wehringhausen", age_band="14-17", gender="d", answers={"se1": "1"}
    )
    refresh_snapshot(wave=wave)

    possible = _derivable_answers(published_snapshot(wave=wave), "se1", {"gender": "d"})

    assert len(possible) >= 2


@pytest.mark.django_db
@pytest.mark.usefixtures("unperturbed")
def test_the_answer_of_the_one_person_of_a_quarter_and_age_band_cannot_be_worked_out():
    wave = WaveFactory(questionnaire=full_questionnaire())
    add_responses(wave, 7, quarter="hagen", age_band="14-17", gender="w", answers={"se1": "3"})
    add_responses(wave, 6, quarter="altenhagen", age_band="10-13", gender="w", answers={"se1": "3"})
    add_responses(wave, 9, quarter="altenhagen", age_band="14-17", gender="m", answers={"se1": "4"})
    add_responses(wave, 1, quarter="hagen", age_band="10-13", gender="m", answers={"se1": "5"})
    refresh_snapshot(wave=wave)

    possible = _derivable_answers(
        published_snapshot(wave=wave), "se1", {"quarter": "hagen", "age_band": "10-13"}
    )

    assert len(possible) >= 2


@pytest.mark.django_db
@pytest.mark.usefixtures("unperturbed")
def test_the_one_person_of_a_group_that_all_answered_alike_stays_hidden():
    wave = WaveFactory(questionnaire=full_questionnaire())
    add_responses(
        wave, 20, quarter="altenhagen", age_band="14-17", gender="w", answers={"se1": "4"}
    )
    add_responses(wave, 6, quarter="altenhagen", age_band="14-17", gender="m", answers={"se1": "4"})
    add_responses(wave, 1, quarter="altenhagen", age_band="14-17", gender="d", answers={"se1": "4"})
    refresh_snapshot(wave=wave)

    possible = _derivable_answers(published_snapshot(wave=wave), "se1", {"gender": "d"})

    assert len(possible) >= 2


@pytest.mark.django_db
@pytest.mark.usefixtures("unperturbed")
def test_a_withheld_group_mean_comes_with_another_so_their_sum_hides_the_lone_value():
    wave = WaveFactory(questionnaire=full_questionnaire())
    add_responses(wave, 10, gender="w", answers={"mitbestimmen": 6})
    add_responses(wave, 7, gender="m", answers={"mitbestimmen": 4})
    add_responses(wave, 1, gender="d", answers={"mitbestimmen": 10})
    refresh_snapshot(wave=wave)

    rows = (
        published_snapshot(wave=wave)
        .figures.question("mitbestimmen")
        .source["breakdowns"]["gender"]
    )

    hidden = [row for row in rows if row["mean"] is None]
    assert {"d"} < {row["values"][0] for row in hidden}
