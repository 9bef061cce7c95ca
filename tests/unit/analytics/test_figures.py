"""Charts say in plain German what a snapshot holds, and what it cannot show and why."""

import pytest
from django.utils import translation

from analytics import figures
from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from surveys.models import Answer, Option
from tests.factories import DECLINED, WaveFactory, add_responses, build_site, full_questionnaire

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


@pytest.fixture
def wave():
    return WaveFactory(questionnaire=full_questionnaire())


def _chart(wave, key):
    return figures.question_chart(snapshot=published_snapshot(wave=wave), question_key=key)


def test_a_wave_nobody_has_answered_says_so_on_its_dashboard(client):
    wave = WaveFactory()
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)

    page = client.get(dashboard.url).content.decode()

    assert "Bisher hat noch niemand an dieser Umfrage teilgenommen." in page


def test_a_question_whose_every_answer_is_withheld_says_why_without_a_chart(wave):
    for value in "12345":
        add_responses(wave, answers={"se1": value})
    refresh_snapshot(wave=wave)

    chart = _chart(wave, "se1")

    assert chart.figure is None
    assert "so wenigen Personen" in chart.summary


def test_a_question_not_asked_in_this_wave_says_so(wave):
    add_responses(wave, 6)
    refresh_snapshot(wave=wave)

    chart = _chart(wave, "gibt-es-nicht")

    assert "in dieser Welle nicht gestellt" in chart.summary


def test_a_scale_answered_by_too_few_with_enough_items_says_so(wave):
    add_responses(wave, 8, answers={"se1": "4"})
    refresh_snapshot(wave=wave)

    chart = figures.scale_chart(
        snapshot=published_snapshot(wave=wave), scale_key="selbstwirksamkeit"
    )

    assert "genug Fragen dieser Skala" in chart.summary


def test_a_removed_option_is_named_as_no_longer_offered(wave):
    add_responses(wave, 6, answers={"se1": "4"})
    add_responses(wave, 6, answers={"se1": "1"})
    refresh_snapshot(wave=wave)
    Answer.objects.filter(option__question__key="se1", option__value="1").delete()
    Option.objects.filter(question__key="se1", value="1").delete()
    add_responses(wave, 5, answers={"se1": "4"})  # The next version needs k new answers.
    refresh_snapshot(wave=wave)

    rows = _chart(wave, "se1").table.rows

    assert rows[-1][0] == "Eine Antwort, die nicht mehr angeboten wird"


def test_a_multiple_choice_table_says_shares_are_of_people(wave):
    add_responses(wave, 6, answers={"freizeit": ["sport", "musik"]})
    refresh_snapshot(wave=wave)

    chart = _chart(wave, "freizeit")

    assert "Mehrere Antworten waren möglich" in chart.table.caption


def test_people_who_preferred_not_to_say_are_counted_in_the_summary(wave):
    add_responses(wave, 6, answers={"stunden": 3})
    add_responses(wave, 5, answers={"stunden": DECLINED})
    refresh_snapshot(wave=wave)

    chart = _chart(wave, "stunden")

    assert "Im Durchschnitt" in chart.summary
    assert chart.table.rows[0][1] == "6"


def test_a_mean_is_shown_with_its_confidence_interval(wave):
    for number in [1, 2, 2, 3, 10, 6]:
        add_responses(wave, answers={"mitbestimmen": number})
    refresh_snapshot(wave=wave)

    chart = _chart(wave, "mitbestimmen")

    assert chart.table.rows[0][2] == "4,0 (0,4 bis 7,6)"


def test_an_unnamed_group_is_shown_as_not_stated(wave):
    add_responses(wave, 6, quarter="altenhagen", answers={"mitbestimmen": 5})
    add_responses(wave, 6, answers={"mitbestimmen": 7})
    refresh_snapshot(wave=wave)

    labels = [row[0] for row in _chart(wave, "mitbestimmen").table.rows]

    assert "Keine Angabe" in labels
