"""The static pictures of charts that print and the PDF report draw: faithful to the chart."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from analytics import figure_kinds
from analytics.charts.pictures import chart_picture
from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from tests.factories import WaveFactory, add_question, add_responses, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]

ANSWERS = [("1", "Nein"), ("2", "Eher nein"), ("3", "Teils"), ("4", "Eher"), ("5", "Ja")]


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def _wave(questionnaire, days_ago, label):
    wave = WaveFactory(
        questionnaire=questionnaire,
        label=label,
        opens_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    return wave


@pytest.fixture
def agreement_picture():
    questionnaire = full_questionnaire()
    add_question(questionnaire, "gefuehl", "matrix", text="Wie sehr stimmst du zu?")
    for number in (1, 2):
        add_question(
            questionnaire,
            f"gefuehl_{number}",
            "matrix_row",
            text=f"Aussage {number} über mein Quartier",
            options=ANSWERS,
        )
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 10, answers={"gefuehl_1": "5", "gefuehl_2": "1"})
    add_responses(wave, 10, answers={"gefuehl_1": "3", "gefuehl_2": "2"})
    refresh_snapshot(wave=wave)
    chart = figure_kinds.diverging_chart(snapshot=published_snapshot(wave=wave), key="gefuehl")
    return _texts(chart_picture(chart))


def test_the_agreement_picture_writes_each_statement(agreement_picture):
    assert "Aussage 1 über mein Quartier" in agreement_picture
    assert "Aussage 2 über mein Quartier" in agreement_picture


def test_the_agreement_picture_names_each_answer_once_in_their_order(agreement_picture):
    legend = [label for _value, label in ANSWERS]

    assert [text for text in agreement_picture if text in legend] == legend


def test_the_agreement_picture_counts_shares_from_0_to_100_percent_each_way(agreement_picture):
    # The axis comes last, under the bars (whose labels may read "50 %" too).
    axis = [text for text in agreement_picture if text in {"100 %", "50 %", "0"}][-5:]

    assert axis == ["100 %", "50 %", "0", "50 %", "100 %"]


def test_the_trend_picture_spans_the_scale_and_names_each_wave():
    questionnaire = full_questionnaire()
    waves = [_wave(questionnaire, days, label) for days, label in ((300, "A"), (10, "B"))]
    for wave, value in zip(waves, (3, 6), strict=True):
        add_responses(wave, 8, answers={"mitbestimmen": value})
        refresh_snapshot(wave=wave)
    chart = figure_kinds.trend_chart(
        snapshots=[published_snapshot(wave=wave) for wave in waves], key="mitbestimmen"
    )

    texts = _texts(chart_picture(chart))

    ticks = [str(tick) for tick in range(0, 11, 2)]
    assert [text for text in texts if text in ticks] == ticks
    assert any(text.startswith("Durchschnitt (0") for text in texts)
    assert {"A", "B", "3,0", "6,0"} <= set(texts)


def test_a_picture_keeps_left_to_right_geometry_on_a_right_to_left_page():
    questionnaire = full_questionnaire()
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 8, answers={"se1": "4"})
    refresh_snapshot(wave=wave)
    chart = figure_kinds.bar_chart(snapshot=published_snapshot(wave=wave), key="se1")

    svg = chart_picture(chart)

    assert svg.startswith('<svg direction="ltr" ')
