"""Text of another direction keeps its own order inside a right-to-left page, and back."""

import pytest
from django.template.loader import render_to_string

from analytics.figures import Table
from tests.factories import three_page_wave

pytestmark = pytest.mark.django_db


def test_question_wording_in_an_arabic_runner_is_isolated_so_its_question_mark_stays(client):
    wave = three_page_wave()

    page = client.get(f"/ar/s/{wave.slug}/").content.decode()

    assert "<bdi>Wo wohnst du? (ar)</bdi>" in page


def test_answer_options_in_an_arabic_runner_are_isolated_so_numbers_stay_in_place(client):
    wave = three_page_wave()

    page = client.get(f"/ar/s/{wave.slug}/").content.decode()

    # The standard age bands come with their Arabic wording.
    assert "<bdi>من 10 إلى 13 سنة</bdi>" in page


def test_the_survey_title_is_isolated_from_the_page_direction(client):
    wave = three_page_wave()

    page = client.get(f"/ar/s/{wave.slug}/").content.decode()

    assert "<h1><bdi>Dein Quartier (ar)</bdi></h1>" in page


def test_a_typed_answer_takes_the_direction_of_what_is_typed():
    field = {"key": "wunsch", "kind": "long_text", "label": "Was wünschst du dir?"}

    html = render_to_string("surveys/question.html", {"field": field})

    assert 'id="q-wunsch" dir="auto"' in html


def test_every_cell_of_a_chart_table_is_isolated():
    table = Table(
        caption="Wo wohnst du?",
        headings=["Antwort", "Anteil"],
        rows=[["Woanders in Hagen", "12 %"]],
    )

    html = render_to_string("components/data_table.html", {"table": table})

    assert '<th scope="row"><bdi>Woanders in Hagen</bdi></th>' in html
    assert "<td><bdi>12 %</bdi></td>" in html
    assert "<caption><bdi>Wo wohnst du?</bdi></caption>" in html
