"""A refresh that merges only new responses publishes exactly what a full count would."""

import json
import logging
import random

import pytest
from django.db import transaction

from analytics.models import AggregateCell, AggregateRollup
from analytics.services.aggregation import count_responses
from analytics.services.snapshots import build_figures
from surveys.models import Response
from tests.factories import (
    AGE_BANDS,
    DECLINED,
    GENDERS,
    LEISURE,
    QUARTERS,
    WaveFactory,
    add_responses,
    full_questionnaire,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave():
    return WaveFactory(questionnaire=full_questionnaire())


def _published(wave, *, rebuild: bool) -> str:
    """Count as a refresh does and return the public figures, as stored (JSON text)."""
    counted = count_responses(wave=wave, rebuild=rebuild)
    return json.dumps(build_figures(wave=wave, counted=counted, min_cell_size=5))


def _full_count(wave) -> str:
    """Return the figures of a full count, leaving the stored counts as they were."""
    with transaction.atomic():
        figures = _published(wave, rebuild=True)
        transaction.set_rollback(True)
    return figures


def _random_answers(chance: random.Random) -> tuple[dict, dict]:
    def maybe(value):
        return value if chance.random() < 0.8 else None

    answers = {
        "freizeit": chance.sample([v for v, _label in LEISURE], chance.randint(0, 3)),
        "mitbestimmen": maybe(chance.randint(0, 10)),
        "stunden": chance.choice([None, DECLINED, 0, 1.5, 2, 7, 12.25, chance.randint(0, 40)]),
        "wunsch": maybe("Mehr Bänke"),
    }
    for number in range(1, 5):
        answers[f"se{number}"] = maybe(str(chance.randint(1, 5)))
    if chance.random() < 0.1:
        answers["geschlecht"] = DECLINED
    segments = {
        "quarter": chance.choice([v for v, _label in QUARTERS]),
        "age_band": chance.choice([v for v, _label in AGE_BANDS]),
    }
    if "geschlecht" not in answers:
        segments["gender"] = chance.choice([v for v, _label in GENDERS])
    answers = {key: value for key, value in answers.items() if value not in (None, [])}
    return answers, segments


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merging_new_responses_step_by_step_publishes_what_a_full_count_does(wave, seed):
    chance = random.Random(seed)
    for _step in range(8):
        for _response in range(chance.randint(1, 9)):
            answers, segments = _random_answers(chance)
            add_responses(wave, chance.randint(1, 3), answers=answers, **segments)
        if chance.random() < 0.3:
            continue  # Several batches of responses may wait for one refresh.

        merged = _published(wave, rebuild=False)

        assert merged == _full_count(wave)


def test_a_refresh_after_new_responses_reads_no_stored_cell(wave):
    add_responses(wave, 30, quarter="altenhagen", answers={"se1": "4", "mitbestimmen": 6})
    _published(wave, rebuild=False)
    add_responses(wave, 2, quarter="hagen", answers={"se1": "2"})
    AggregateCell.objects.filter(wave=wave).update(count=1000)

    merged = json.loads(_published(wave, rebuild=False))

    # The answered count comes from the stored roll-up and the two new responses only.
    se1 = next(question for question in merged["questions"] if question["key"] == "se1")
    assert se1["answered"] in range(32 - 3, 32 + 4)


def test_a_response_deleted_among_counted_ones_makes_the_refresh_count_all_again(wave, caplog):
    first = add_responses(wave, 1, quarter="hagen", answers={"se1": "1"})
    add_responses(wave, 12, quarter="altenhagen", answers={"se1": "4"})
    _published(wave, rebuild=False)
    Response.objects.filter(pk=first.pk).delete()
    add_responses(wave, 3, quarter="altenhagen", answers={"se1": "5"})

    with caplog.at_level(logging.INFO, logger="analytics.services.aggregation"):
        merged = _published(wave, rebuild=False)

    assert merged == _full_count(wave)
    assert "counting all again" in caplog.text


def test_counts_stored_before_roll_ups_existed_are_rolled_up_once(wave):
    add_responses(wave, 9, quarter="altenhagen", answers={"se2": "3", "stunden": 4.5})
    expected = _published(wave, rebuild=False)
    AggregateRollup.objects.filter(wave=wave).delete()

    assert _published(wave, rebuild=False) == expected
    assert AggregateRollup.objects.filter(wave=wave).exists()
