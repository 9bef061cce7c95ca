"""What a wave's snapshot contains: counts, shares, means, scale scores, breakdowns."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analytics.models import AggregateState
from analytics.selectors import published_snapshot
from analytics.services import aggregation, refresh_snapshot
from analytics.services.aggregation import count_responses
from analytics.services.snapshots import build_figures
from surveys.models import Response
from tests.factories import DECLINED, WaveFactory, add_responses, full_questionnaire

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture
def wave():
    return WaveFactory(questionnaire=full_questionnaire())


def _option_counts(question: dict) -> dict:
    return {option["value"]: option["count"] for option in question["options"]}


def test_multiple_choice_shares_are_of_people_not_of_answers(wave):
    add_responses(wave, 6, answers={"freizeit": ["sport", "musik"]})
    add_responses(wave, 6, answers={"freizeit": ["sport"]})
    refresh_snapshot(wave=wave)

    question = published_snapshot(wave=wave).figures.question("freizeit").source

    sport = next(option for option in question["options"] if option["value"] == "sport")
    assert question["answered"] == 12
    assert sport["share"] == 1.0


def test_prefer_not_to_say_is_counted_apart_and_never_as_a_value(wave):
    add_responses(wave, 6, answers={"stunden": 4})
    add_responses(wave, 5, answers={"stunden": DECLINED})
    refresh_snapshot(wave=wave)

    question = published_snapshot(wave=wave).figures.question("stunden").source

    assert (question["answered"], question["mean"], question["declined"]) == (6, 4.0, 5)


def test_a_number_question_has_its_mean_median_and_standard_deviation(wave):
    for number in [1, 2, 2, 3, 10, 6]:
        add_responses(wave, answers={"mitbestimmen": number})
    refresh_snapshot(wave=wave)

    question = published_snapshot(wave=wave).figures.question("mitbestimmen").source

    assert question["mean"] == 4.0
    assert question["median"] == 2.5
    assert question["sd"] == pytest.approx(3.4059, abs=1e-4)


def test_a_mean_has_a_95_percent_t_interval(wave):
    for number in [1, 2, 2, 3, 10, 6]:
        add_responses(wave, answers={"mitbestimmen": number})
    refresh_snapshot(wave=wave)

    question = published_snapshot(wave=wave).figures.question("mitbestimmen").source

    # 4 ± t(0.975, 5) · 3.4059 / √6 = 4 ± 2.5706 · 1.3904
    assert (question["mean_low"], question["mean_high"]) == pytest.approx(
        (0.4258, 7.5742), abs=1e-4
    )


def test_a_share_has_a_wilson_interval(wave):
    add_responses(wave, 8, answers={"se1": "5"})
    add_responses(wave, 12, answers={"se1": "4"})
    refresh_snapshot(wave=wave)

    question = published_snapshot(wave=wave).figures.question("se1").source

    five = next(option for option in question["options"] if option["value"] == "5")
    assert (five["share_low"], five["share_high"]) == pytest.approx((0.2188, 0.6134), abs=1e-4)


def test_a_scale_score_reverses_its_reversed_item(wave):
    # se4 is reversed: 1 counts as 5. Mean of 4, 4, 4, 5 = 4.25.
    add_responses(wave, 5, answers={"se1": "4", "se2": "4", "se3": "4", "se4": "1"})
    refresh_snapshot(wave=wave)

    scale = published_snapshot(wave=wave).figures.scale("selbstwirksamkeit").source

    assert scale["mean"] == 4.25


def test_a_subscale_is_scored_from_its_own_items(wave):
    add_responses(wave, 5, answers={"se1": "2", "se2": "4", "se3": "5", "se4": "5"})
    refresh_snapshot(wave=wave)

    subscales = {
        item["key"]: item["mean"]
        for item in published_snapshot(wave=wave)
        .figures.scale("selbstwirksamkeit")
        .source["subscales"]
    }

    assert subscales == {"handeln": 3.0, "zutrauen": 3.0}


def test_a_response_with_fewer_answered_items_than_the_minimum_gets_no_score(wave):
    add_responses(wave, 5, answers={"se1": "5", "se2": "5", "se3": "5"})
    add_responses(wave, 5, answers={"se1": "1", "se2": "1"})
    refresh_snapshot(wave=wave)

    scale = published_snapshot(wave=wave).figures.scale("selbstwirksamkeit").source

    assert (scale["answered"], scale["mean"], scale["too_few_items"]) == (5, 5.0, 5)


def test_each_dimension_is_broken_down_alone(wave):
    add_responses(wave, 6, quarter="altenhagen", age_band="14-17", gender="w")
    add_responses(wave, 7, quarter="wehringhausen", age_band="14-17", gender="m")
    refresh_snapshot(wave=wave)

    breakdowns = published_snapshot(wave=wave).figures.question("alter").source["breakdowns"]

    by_quarter = {row["values"][0]: row["answered"] for row in breakdowns["quarter"]}
    assert by_quarter["wehringhausen"] == 7
    assert set(breakdowns) == {"quarter", "age_band", "gender", "quarter__age_band"}


def test_quarter_by_age_band_is_broken_down_together(wave):
    add_responses(wave, 6, quarter="altenhagen", age_band="14-17")
    add_responses(wave, 7, quarter="altenhagen", age_band="18-21")
    add_responses(wave, 9, quarter="wehringhausen", age_band="14-17")
    refresh_snapshot(wave=wave)

    rows = (
        published_snapshot(wave=wave)
        .figures.question("quartier")
        .source["breakdowns"]["quarter__age_band"]
    )

    cells = {tuple(row["values"]): row["answered"] for row in rows}
    assert cells[("wehringhausen", "14-17")] == 9


def test_free_text_never_enters_a_snapshot(wave):
    add_responses(wave, 6, answers={"wunsch": "Mehr Bänke am Wilhelmsplatz"})
    refresh_snapshot(wave=wave)

    snapshot = published_snapshot(wave=wave)

    assert "Wilhelmsplatz" not in json.dumps(snapshot.data)
    assert snapshot.figures.question("wunsch").source["status"] == "free_text"


def test_a_snapshot_carries_when_it_was_built_how_many_it_counts_and_its_k(wave, settings):
    settings.PART_MIN_CELL_SIZE = 7
    add_responses(wave, 9)

    snapshot = refresh_snapshot(wave=wave)

    assert (snapshot.response_count, snapshot.min_cell_size) == (9, 7)
    assert snapshot.built_at is not None


def test_k_is_never_below_three(wave, settings):
    settings.PART_MIN_CELL_SIZE = 1
    add_responses(wave, 2)

    snapshot = refresh_snapshot(wave=wave)

    assert snapshot.min_cell_size == 3
    assert snapshot.data["response_count"] is None


def _figures(wave, *, rebuild=False) -> dict:
    """Count (what a refresh does every time) and build the figures, published or not."""
    counted = count_responses(wave=wave, rebuild=rebuild)
    return build_figures(wave=wave, counted=counted, min_cell_size=5)


def test_new_responses_merged_into_the_counts_give_the_same_figures_as_a_full_count(wave):
    add_responses(wave, 7, quarter="altenhagen", answers={"mitbestimmen": 3, "se1": "2"})
    refresh_snapshot(wave=wave)
    add_responses(wave, 8, quarter="hagen", answers={"mitbestimmen": 9, "freizeit": ["sport"]})

    merged = _figures(wave)
    rebuilt = _figures(wave, rebuild=True)

    assert merged == rebuilt


def test_a_deleted_response_is_no_longer_counted(wave):
    add_responses(wave, 7)
    last = add_responses(wave, 1)
    refresh_snapshot(wave=wave)
    Response.objects.filter(pk=last.pk).delete()

    assert count_responses(wave=wave).response_count == 7


def test_a_response_committed_late_with_a_lower_id_is_still_counted(wave, monkeypatch):
    add_responses(wave, 6)
    refresh_snapshot(wave=wave)
    late = add_responses(wave, 1)
    # As if a newer response had been counted before this one committed, which only
    # happens when inserts under way kept the newest ids from being settled.
    AggregateState.objects.filter(wave=wave).update(last_response_id=late.pk)
    monkeypatch.setattr(aggregation, "settled_newest", lambda wave: None)

    assert count_responses(wave=wave).response_count == 7


def test_the_number_of_queries_of_a_refresh_does_not_grow_with_the_responses(wave):
    add_responses(wave, 6, answers={"freizeit": ["sport"], "se1": "3"})
    refresh_snapshot(wave=wave)
    with CaptureQueriesContext(connection) as few:
        _figures(wave, rebuild=True)
    add_responses(wave, 60, answers={"freizeit": ["musik"], "se1": "4"})

    with CaptureQueriesContext(connection) as many:
        _figures(wave, rebuild=True)

    assert len(many) == len(few)
