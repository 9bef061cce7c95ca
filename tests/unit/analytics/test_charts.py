"""One way in to every chart kind: `charts.build`, `charts.problems` and the static picture."""

import datetime

import pytest
from django.utils import timezone, translation

from analytics import charts
from analytics.charts.pictures import chart_picture
from analytics.services import refresh_comparisons, refresh_snapshot
from tests.factories import WaveFactory, add_responses, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


@pytest.fixture
def waves():
    questionnaire = full_questionnaire()
    spring = WaveFactory(
        questionnaire=questionnaire,
        label="Frühjahr",
        opens_at=timezone.now() - datetime.timedelta(days=200),
    )
    autumn = WaveFactory(questionnaire=questionnaire, label="Herbst")
    for wave, value in ((spring, 4), (autumn, 6)):
        add_responses(wave, 8, answers={"mitbestimmen": value}, quarter="altenhagen")
        add_responses(wave, 8, answers={"mitbestimmen": value + 2}, quarter="wehringhausen")
        refresh_snapshot(wave=wave)
    refresh_comparisons(wave=autumn)
    return spring, autumn


@pytest.mark.parametrize("kind", ["bar", "quarters", "trend", "before_after"])
def test_every_kind_of_an_average_is_built_on_the_0_to_10_axis(waves, kind):
    spring, autumn = waves

    chart = charts.build(kind, wave=autumn, earlier=[spring], key="mitbestimmen")

    layout = chart.figure["layout"]
    axis = layout["yaxis"] if kind == "trend" else layout["xaxis"]
    assert axis["range"] == [0, 10]


def test_build_of_before_and_after_compares_with_the_earlier_wave(waves):
    spring, autumn = waves

    chart = charts.build("before_after", wave=autumn, earlier=[spring], key="mitbestimmen")

    assert [row[0] for row in chart.table.rows[:3]] == ["Frühjahr", "Herbst", "Veränderung"]


def test_problems_say_an_agreement_chart_needs_an_agreement_item(waves):
    _spring, autumn = waves

    found = charts.problems("diverging", wave=autumn, earlier=[], key="mitbestimmen")

    assert set(found) == {"kind"}


def test_problems_name_a_question_the_wave_does_not_ask(waves):
    _spring, autumn = waves

    found = charts.problems("bar", wave=autumn, earlier=[], key="gibt-es-nicht")

    assert set(found) == {"item"}


def test_a_chart_block_shows_the_problem_on_its_question_field(waves):
    from cms.blocks import chart_problems

    _spring, autumn = waves

    found = chart_problems(kind="trend", wave=autumn, earlier=[], key="gibt-es-nicht")

    assert set(found) == {"question"}


def test_the_static_picture_is_drawn_from_the_chart_model(waves):
    _spring, autumn = waves
    chart = charts.build("quarters", wave=autumn, key="mitbestimmen")

    svg = chart_picture(chart)

    assert svg.startswith("<svg") and chart.title in svg and f"svg-title-{chart.data_id}" in svg
