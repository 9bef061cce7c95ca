"""Error answers tell the truth about the answers: 503 without the database, JSON 413."""

import json
import logging
import re
import uuid
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import translation

from config import errors
from surveys.models import Response
from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/responses/"
ANSWERS = {"quartier": "wehringhausen", "wohlfuehlen": "4"}


@contextmanager
def database_down():
    """Make every query fail as it does when PostgreSQL has stopped."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection to server failed: Connection refused")

    with connection.execute_wrapper(refuse):
        yield


def _field(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def _runner_form(client, wave) -> dict:
    page = client.get(f"/s/{wave.slug}/").content.decode()
    return {"state": _field(page, "state"), "started": _field(page, "started"), **ANSWERS}


def test_without_the_database_the_home_page_answers_503_with_retry_after(settings):
    settings.PART_RETRY_AFTER_SECONDS = 45
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "45"


def test_without_the_database_a_sent_runner_form_says_the_answers_were_not_sent(client):
    wave = WaveFactory()
    form = _runner_form(client, wave)

    with database_down():
        response = client.post(f"/s/{wave.slug}/", form)

    page = response.content.decode()
    assert response.status_code == 503
    assert "Deine Antworten auf dieser Seite wurden nicht gesendet" in page
    assert "eine Seite zurück" in page
    assert "sind gespeichert" not in page


def test_the_same_runner_form_sent_again_once_the_database_is_back_is_stored_once(client):
    wave = WaveFactory()
    form = _runner_form(client, wave)
    with database_down():
        client.post(f"/s/{wave.slug}/", form)

    again = client.post(f"/s/{wave.slug}/", form)
    client.post(f"/s/{wave.slug}/", form)

    assert again.status_code == 302
    assert Response.objects.count() == 1


def test_without_the_database_the_api_answers_a_json_503_that_nothing_was_stored(client):
    wave = WaveFactory()
    body = {"id": str(uuid.uuid4()), "wave": wave.slug, "language": "de", "answers": ANSWERS}

    with database_down():
        response = client.post(API, body, content_type="application/json")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "30"
    assert "nichts gespeichert" in response.json()["detail"]


def test_without_the_database_a_page_in_english_says_so_in_english():
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/en/")

    assert response.status_code == 503
    assert '<html lang="en"' in response.content.decode()
    assert "Your answers on this page were not sent" in response.content.decode()


def test_the_500_page_never_claims_answers_were_saved(rf):
    with translation.override("de"):
        response = errors.server_error(rf.get("/s/quartier-check/"))

    page = response.content.decode()
    assert response.status_code == 500
    assert "Antworten vielleicht nicht gespeichert" in page
    assert "sind gespeichert." not in page


def test_an_oversized_api_body_gets_a_json_413_and_no_traceback_in_the_log(client, caplog):
    caplog.set_level(logging.DEBUG)
    body = json.dumps({"id": str(uuid.uuid4()), "answers": {"a": "x" * 3_000_000}})

    response = client.post(API, body, content_type="application/json")

    assert response.status_code == 413
    assert "zu groß" in response.json()["detail"]
    assert not any(record.exc_info for record in caplog.records)
    assert "Traceback" not in caplog.text
    assert Response.objects.count() == 0


def test_an_oversized_runner_form_gets_a_413_page_saying_nothing_was_sent(client, caplog):
    caplog.set_level(logging.DEBUG)
    wave = WaveFactory()
    form = {**_runner_form(client, wave), "mitbestimmen": "x" * 3_000_000}

    response = client.post(f"/s/{wave.slug}/", form)

    page = response.content.decode()
    assert response.status_code == 413
    assert "Deine Antworten auf dieser Seite wurden nicht gesendet" in page
    assert "kürze lange Texte" in page
    assert "gespeichert." not in page.replace("nichts davon gespeichert.", "")
    assert "Traceback" not in caplog.text
    assert Response.objects.count() == 0


def test_a_runner_form_with_too_many_fields_gets_a_plain_400_page_saying_nothing_was_sent(
    client, settings
):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    wave = WaveFactory()
    form = {**_runner_form(client, wave), **{f"extra{index}": "1" for index in range(60)}}

    response = client.post(f"/s/{wave.slug}/", form)

    page = response.content.decode()
    assert response.status_code == 400
    assert "Das Formular war nicht lesbar" in page
    assert "Deine Antworten auf dieser Seite wurden nicht gesendet" in page
    assert Response.objects.count() == 0


def test_a_body_found_too_large_only_while_reading_still_gets_the_413_page(rf):
    from django.core.exceptions import RequestDataTooBig

    with translation.override("de"):
        response = errors.bad_request(rf.post("/s/quartier-check/"), RequestDataTooBig())

    assert response.status_code == 413
    assert "Das Formular war größer, als wir annehmen können" in response.content.decode()
