"""The declared schema of POST /api/v1/responses/ matches what it really answers."""

import jsonschema
import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/responses/"


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _declared(schema, status: str) -> dict:
    operation = schema["paths"][URL]["post"]
    body = operation["responses"][status]["content"]["application/json"]["schema"]
    return {**body, "components": schema["components"]}


def _check(schema, response) -> None:
    jsonschema.validate(response.json(), _declared(schema, str(response.status_code)))


BAD_BODIES = {
    "not json": "{",
    "a list": "[1, 2]",
    "fields missing": "{}",
    "a wrong id": '{"id": "x", "wave": "w", "language": "de", "answers": {}}',
    "answers not an object": (
        '{"id": "6f1c2a56-8d0e-4a57-9a53-3f0e2b8f5c11", "wave": "w", '
        '"language": "de", "answers": "ja"}'
    ),
    "no such wave": (
        '{"id": "6f1c2a56-8d0e-4a57-9a53-3f0e2b8f5c11", "wave": "gibt-es-nicht", '
        '"language": "de", "answers": {}}'
    ),
}


@pytest.mark.parametrize("body", BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_every_kind_of_400_body_matches_the_declared_error_schema(client, schema, body):
    response = client.post(URL, body, content_type="application/json")

    assert response.status_code == 400
    _check(schema, response)


def test_answer_errors_per_question_match_the_declared_error_schema(client, schema):
    wave = WaveFactory()
    body = {
        "id": "6f1c2a56-8d0e-4a57-9a53-3f0e2b8f5c11",
        "wave": wave.slug,
        "language": "de",
        "answers": {"quartier": "mond", "farbe": "blau"},
    }

    response = client.post(URL, body, content_type="application/json")

    assert set(response.json()["answers"]) == {"quartier", "wohlfuehlen", "farbe"}
    _check(schema, response)


def test_a_429_for_a_burst_matches_the_declared_error_schema(client, schema, settings):
    settings.PART_BURST_PER_DEVICE = 0
    wave = WaveFactory()
    body = {
        "id": "6f1c2a56-8d0e-4a57-9a53-3f0e2b8f5c11",
        "wave": wave.slug,
        "language": "de",
        "answers": {"quartier": "altenhagen", "wohlfuehlen": "3"},
    }

    response = client.post(URL, body, content_type="application/json")

    assert response.status_code == 429
    _check(schema, response)


def test_the_request_example_is_stored_once_when_replayed_against_the_demo_wave(client, schema):
    WaveFactory(slug="quartier-check")
    operation = schema["paths"][URL]["post"]
    example = operation["requestBody"]["content"]["application/json"]["examples"]["OneResponse"]

    first = client.post(URL, example["value"], content_type="application/json")
    again = client.post(URL, example["value"], content_type="application/json")

    assert (first.status_code, again.status_code) == (201, 200)
    _check(schema, first)
    _check(schema, again)


def test_every_response_example_matches_its_declared_schema(schema):
    operation = schema["paths"][URL]["post"]

    for status, declared in operation["responses"].items():
        for example in declared["content"]["application/json"].get("examples", {}).values():
            jsonschema.validate(example["value"], _declared(schema, status))
