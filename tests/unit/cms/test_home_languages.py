"""The home page offers open surveys under their title in the reader's language."""

import pytest

from tests.factories import WaveFactory, build_site

pytestmark = pytest.mark.django_db


def test_the_arabic_home_page_names_an_open_survey_by_its_arabic_title(client):
    WaveFactory(questionnaire__title="Dein Quartier")
    build_site()

    page = client.get("/ar/").content.decode()

    assert '<h3 class="card__title" dir="auto">Dein Quartier (ar)</h3>' in page
    assert "«<bdi>Dein Quartier (ar)</bdi>»" in page


def test_the_german_home_page_names_an_open_survey_by_its_german_title(client):
    WaveFactory(questionnaire__title="Dein Quartier")
    build_site()

    page = client.get("/").content.decode()

    assert '<h3 class="card__title" dir="auto">Dein Quartier</h3>' in page
