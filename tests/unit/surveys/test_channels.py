"""Every response records how it came in: online, with a code, from a tablet, or by API."""

import re
import uuid

import pytest

from surveys.models import Response, Wave
from surveys.services import generate_access_codes
from surveys.services.tablets import enrol_tablet
from tests.factories import WaveFactory, answers_for

pytestmark = pytest.mark.django_db


def _send_runner(client, wave, address):
    page = client.get(address).content.decode()
    data = answers_for(wave)
    data["state"] = re.search(r'name="state" value="([^"]+)"', page).group(1)
    return client.post(f"/s/{wave.slug}/", data, follow=True)


def _send_api(client, wave, **extra):
    body = {
        "id": str(uuid.uuid4()),
        "wave": wave.slug,
        "language": "de",
        "answers": {"quartier": "altenhagen", "wohlfuehlen": "4"},
        **extra,
    }
    return client.post("/api/v1/responses/", body, content_type="application/json")


def test_an_answer_sent_from_the_runner_is_recorded_as_online(client):
    wave = WaveFactory()

    _send_runner(client, wave, f"/s/{wave.slug}/")

    assert Response.objects.get().channel == "online"


def test_an_answer_sent_with_a_printed_code_is_recorded_as_code(client):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    [code] = generate_access_codes(wave=wave, venue="Jugendtreff Altenhagen", count=1)

    _send_runner(client, wave, f"/s/{wave.slug}/?code={code}")

    assert Response.objects.get().channel == "code"


def test_an_answer_synced_by_an_enrolled_tablet_is_recorded_as_tablet(client):
    wave = WaveFactory(tablet_mode=True)
    _device, token = enrol_tablet(wave=wave, name="Tablet 1", user=None)

    assert _send_api(client, wave, tablet=token).status_code == 201

    assert Response.objects.get().channel == "tablet"


def test_an_answer_sent_to_the_api_without_a_tablet_is_recorded_as_api(client):
    wave = WaveFactory(tablet_mode=True)

    assert _send_api(client, wave, tablet="not-an-enrolled-token").status_code == 201

    assert Response.objects.get().channel == "api"
