"""Awkward data gives a snapshot that says what is missing, never an error or a false zero."""

import pytest

from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from surveys.models import Answer, Option
from tests.factories import WaveFactory, add_responses, full_questionnaire

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture
def wave():
    return WaveFactory(questionnaire=full_questionnaire())


def test_a_wave_with_no_responses_gets_a_snapshot_that_says_so(wave):
    refresh_snapshot(wave=wave)

    snapshot = published_snapshot(wave=wave)

    assert snapshot.data["status"] == "no_responses"
    assert snapshot.figures.question("se1").source["answered"] is None


def test_a_question_whose_every_answer_is_withheld_says_so_and_shows_no_zero(wave):
    for value in "12345":
        add_responses(wave, answers={"se1": value})
    refresh_snapshot(wave=wave)

    question = published_snapshot(wave=wave).figures.question("se1").source

    assert question["status"] == "all_withheld"
    assert [option["count"] for option in question["options"]] == [None] * 5


def test_a_scale_answered_by_too_few_with_enough_items_says_so(wave):
    add_responses(wave, 8, answers={"se1": "4", "se2": "4"})
    refresh_snapshot(wave=wave)

    scale = published_snapshot(wave=wave).figures.scale("selbstwirksamkeit").source

    assert (scale["status"], scale["answered"], scale["too_few_items"]) == ("too_few", 0, 8)


def test_an_option_removed_after_it_was_counted_is_named_as_removed_not_dropped(wave):
    add_responses(wave, 6, answers={"se1": "4"})
    add_responses(wave, 6, answers={"se1": "1"})
    refresh_snapshot(wave=wave)
    Answer.objects.filter(option__question__key="se1", option__value="1").delete()
    Option.objects.filter(question__key="se1", value="1").delete()
    add_responses(wave, 5, answers={"se1": "4"})  # The next version needs k new answers.

    question = refresh_snapshot(wave=wave).figures.question("se1").source

    assert question["has_removed_options"] is True
    assert [o["count"] for o in question["options"] if o["value"].startswith("removed-")] == [6]


def test_an_option_removed_before_anyone_chose_it_simply_disappears(wave):
    Option.objects.filter(question__key="se1", value="1").delete()
    add_responses(wave, 6, answers={"se1": "4"})

    question = refresh_snapshot(wave=wave).figures.question("se1").source

    assert [option["value"] for option in question["options"]] == ["2", "3", "4", "5"]
