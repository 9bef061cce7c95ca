"""The offline tablet page: only where staff switched it on, self-served, under our CSP."""

import json
import re
import uuid
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from surveys.models import Response, TabletDevice
from surveys.services.tablets import enrol_tablet, revoke_tablet, tablet_for_token
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


def enrolled(wave) -> str:
    """Return the address a staff member's QR code opens on a newly enrolled tablet."""
    _device, token = enrol_tablet(wave=wave, name="Tablet 1", user=None)
    return f"/s/{wave.slug}/tablet/?{urlencode({'device': token})}"


def test_the_tablet_page_hands_its_script_german_texts_and_the_device_token(client):
    wave = WaveFactory(tablet_mode=True)
    address = enrolled(wave)

    config = _config(client.get(address).content.decode())

    assert config["strings"]["waitingMany"] == "{count} Antworten warten auf Verbindung"
    assert config["strings"]["sendNow"] == "Jetzt senden"
    assert tablet_for_token(config["tablet"], wave=wave).name == "Tablet 1"
    assert config["definitionUrl"] == f"/api/v1/waves/{wave.slug}/questionnaire/?language=de"


def test_the_tablet_page_has_no_inline_script_and_loads_nothing_from_another_host(client):
    wave = WaveFactory(tablet_mode=True)

    response = client.get(enrolled(wave))
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

    page = client.get(enrolled(wave)).content.decode()

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
    assert client.get(enrolled(Wave.objects.get(pk=wave.pk))).status_code == 200


def test_the_tablet_page_without_an_enrolled_token_offers_the_normal_runner(client):
    wave = WaveFactory(tablet_mode=True)

    response = client.get(f"/s/{wave.slug}/tablet/")

    assert response.status_code == 302 and response.url == f"/s/{wave.slug}/"


def test_a_revoked_tablet_page_offers_the_normal_runner(client):
    wave = WaveFactory(tablet_mode=True)
    address = enrolled(wave)
    revoke_tablet(device=TabletDevice.objects.get(), user=None)

    assert client.get(address).url == f"/s/{wave.slug}/"


def _sync(client, wave, token):
    body = {
        "id": str(uuid.uuid4()),
        "wave": wave.slug,
        "language": "de",
        "tablet": token,
        "answers": {"quartier": "altenhagen", "wohlfuehlen": "4"},
    }
    return client.post("/api/v1/responses/", body, content_type="application/json")


def test_an_enrolled_tablet_syncs_its_answers(client):
    wave = WaveFactory(tablet_mode=True)
    _device, token = enrol_tablet(wave=wave, name="Tablet 1", user=None)

    assert _sync(client, wave, token).status_code == 201


def test_a_revoked_tablet_cannot_sync_and_is_told_why(client):
    wave = WaveFactory(tablet_mode=True)
    device, token = enrol_tablet(wave=wave, name="Tablet 1", user=None)
    revoke_tablet(device=device, user=None)

    response = _sync(client, wave, token)

    assert response.status_code == 403
    assert "abgeschaltet" in response.json()["tablet"][0]
    assert not Response.objects.exists()


def test_staff_with_the_paper_and_tablet_right_enrol_a_tablet_and_see_its_qr_code_once(
    client, django_user_model
):
    wave = WaveFactory(tablet_mode=True)
    user = django_user_model.objects.create_user(username="team", password="pw")
    user.groups.add(Group.objects.get(name="Umfrage-Team"))
    client.force_login(user)

    response = client.post("/admin/surveys/tablets/", {"wave": wave.pk, "name": "Tablet 2"})

    assert "<svg" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "device=" not in client.get("/admin/surveys/tablets/").content.decode()


def test_revoking_a_tablet_is_audited(client, django_user_model):
    wave = WaveFactory(tablet_mode=True)
    device, _token = enrol_tablet(wave=wave, name="Tablet 1", user=None)
    client.force_login(django_user_model.objects.create_superuser("leitung", "", "pw"))

    client.post(f"/admin/surveys/tablets/{device.pk}/revoke/")

    device.refresh_from_db()
    assert device.is_revoked
    assert ModelLogEntry.objects.filter(action="part.tablet_revoked").exists()
