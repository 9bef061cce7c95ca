"""The language spoken at home as a dashboard filter, offered only where k allows."""

import pytest

from analytics.services import refresh_snapshot
from surveys.models import Question
from tests.factories import WaveFactory, add_question, add_responses, build_site, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]

LANGUAGES = [("deutsch", "Deutsch"), ("tuerkisch", "Türkisch"), ("arabisch", "Arabisch")]


@pytest.fixture
def dashboard():
    questionnaire = full_questionnaire()
    add_question(
        questionnaire,
        "sprache",
        Question.Kind.SINGLE_CHOICE,
        options=LANGUAGES,
        segment="home_language",
    )
    wave = WaveFactory(questionnaire=questionnaire, label="Herbst 2026")
    add_responses(wave, 12, answers={"mitbestimmen": 4}, home_language="deutsch")
    add_responses(wave, 9, answers={"mitbestimmen": 8}, home_language="tuerkisch")
    add_responses(wave, 2, answers={"mitbestimmen": 2}, home_language="arabisch")
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)
    dashboard.body = [
        ("chart", {"wave": wave, "question": "mitbestimmen", "heading": "Mitbestimmen"}),
    ]
    dashboard.save()
    return dashboard


def test_the_filter_offers_each_home_language_whose_group_is_published(client, dashboard):
    page = client.get(dashboard.url).content.decode()

    assert '<label class="field__label" for="id_sprache">Zu Hause gesprochene Sprache</label>' in (
        page
    )
    assert '<option value="deutsch">Deutsch</option>' in page


def test_a_language_spoken_by_fewer_than_k_people_is_not_offered(client, dashboard):
    page = client.get(dashboard.url).content.decode()

    assert 'value="arabisch"' not in page


def test_a_home_language_in_the_address_narrows_the_chart_to_its_speakers(client, dashboard):
    page = client.get(dashboard.url, {"sprache": "deutsch"}).content.decode()

    assert "Gezeigt: <strong><bdi>Deutsch</bdi></strong>" in page
    assert "Im Durchschnitt gaben die 12 Personen der Gruppe „Deutsch“ 4,0 an." in page


def test_asking_for_a_language_that_is_not_offered_is_refused_plainly(client, dashboard):
    response = client.get(dashboard.url, {"sprache": "arabisch"})

    assert response.status_code == 400
    assert "gibt es hier nicht zur Auswahl" in response.content.decode()
    assert "2,0" not in response.content.decode()
