"""The offline tablet page: only where staff switched it on, self-served, under our CSP."""

import json
import re

import pytest

from surveys import protection
from tests.factories import WaveFactory, three_page_wave

pytestmark = pytest.mark.django_db


def _config(page) -> dict:
    found = re.search(
        r'<script id="tablet-config" type="application/json">(.*?)</script>', page, re.S
    )
    return json.loads(found.group(1))


def test_the_tablet_page_is_not_found_unless_staff_switched_tablet_mode_on(client):
    wave = WaveFactory(tablet_mode=False)

    assert client.get(f"/s/{wave.slug}/tablet/").status_code == 404
    assert client.get(f"/s/{wave.slug}/tablet/worker.js").status_code == 404


def test_the_tablet_page_hands_its_script_german_texts_and_a_token_of_its_wave(client):
    wave = WaveFactory(tablet_mode=True)

    config = _config(client.get(f"/s/{wave.slug}/tablet/").content.decode())

    assert config["strings"]["waitingMany"] == "{count} Antworten warten auf Verbindung"
    assert config["strings"]["sendNow"] == "Jetzt senden"
    assert protection.is_tablet_token(config["tablet"], wave=wave)
    assert config["definitionUrl"] == f"/api/v1/waves/{wave.slug}/questionnaire/?language=de"


def test_the_tablet_page_has_no_inline_script_and_loads_nothing_from_another_host(client):
    wave = WaveFactory(tablet_mode=True)

    response = client.get(f"/s/{wave.slug}/tablet/")
    page = response.content.decode()

    scripts = re.findall(r"<script([^>]*)>", page)
    assert all("src=" in attributes or "application/json" in attributes for attributes in scripts)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_the_service_worker_is_served_as_javascript_inside_the_page_scope(client):
    wave = WaveFactory(tablet_mode=True)

    response = client.get(f"/s/{wave.slug}/tablet/worker.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert "caches.match" in response.content.decode()


def test_the_tablet_page_says_without_javascript_where_to_answer_instead(client):
    wave = WaveFactory(tablet_mode=True)

    page = client.get(f"/s/{wave.slug}/tablet/").content.decode()

    noscript = re.search(r"<noscript>(.*?)</noscript>", page, re.S).group(1)
    assert "braucht JavaScript" in noscript and f'href="/s/{wave.slug}/"' in noscript


def test_the_definition_carries_page_and_question_rules_for_the_tablet(client):
    wave = three_page_wave(slug="drei", tablet_mode=True)

    definition = client.get("/api/v1/waves/drei/questionnaire/").json()

    assert definition["pages"] == [
        {
            "number": 3,
            "title": "Wehringhausen",
            "intro": "",
            "show_if": {"question": "quartier", "operator": "equals", "value": "wehringhausen"},
        }
    ]
    wish = next(question for question in definition["questions"] if question["key"] == "wunsch")
    assert wish["max_length"] == 100 and wish["show_if"] is None
    assert wave.tablet_mode


def test_staff_switch_tablet_mode_on_in_the_wave_form_and_the_tablet_page_opens(client):
    from django.contrib.auth import get_user_model

    from surveys.models import Wave

    wave = WaveFactory(slug="herbst")
    client.force_login(get_user_model().objects.create_superuser("sozialarbeit", "", "geheim"))
    form = client.get(f"/admin/snippets/surveys/wave/edit/{wave.pk}/").content.decode()
    assert "Tablet-Modus" in form

    client.post(
        f"/admin/snippets/surveys/wave/edit/{wave.pk}/",
        {
            "title": wave.title,
            "slug": "herbst",
            "label": wave.label,
            "questionnaire": wave.questionnaire.pk,
            "opens_at": "2026-11-01 10:00",
            "results_policy": "live",
            "code_policy": "open",
            "licence": "CC-BY-4.0",
            "tablet_mode": "on",
        },
    )

    assert Wave.objects.get(pk=wave.pk).tablet_mode
    assert client.get("/s/herbst/tablet/").status_code == 200
