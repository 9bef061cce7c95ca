import uuid

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.models import Answer, Response
from tests.factories import WaveFactory, three_page_wave

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]

URL = "/api/v1/responses/"


def _payload(wave, **answers):
    return {
        "id": str(uuid.uuid4()),
        "wave": wave.slug,
        "version": wave.questionnaire.version,
        "language": "de",
        "answers": answers or {"quartier": "wehringhausen", "wohlfuehlen": "4"},
    }


def test_a_posted_response_is_stored_with_its_segments(client):
    wave = WaveFactory()

    response = client.post(URL, _payload(wave), content_type="application/json")

    assert response.status_code == 201 and response.json()["stored"] is True
    assert Response.objects.get().quarter == "wehringhausen"


def test_sending_the_same_id_twice_stores_it_once(client):
    wave = WaveFactory()
    payload = _payload(wave)

    client.post(URL, payload, content_type="application/json")
    again = client.post(URL, payload, content_type="application/json")

    assert again.status_code == 200 and again.json() == {"id": payload["id"], "stored": False}
    assert Response.objects.count() == 1


def test_a_missing_answer_gives_a_400_naming_the_question_and_writes_nothing(client):
    wave = WaveFactory()

    response = client.post(URL, _payload(wave, quartier="hagen"), content_type="application/json")

    assert response.status_code == 400
    assert list(response.json()["answers"]) == ["wohlfuehlen"]
    assert Response.objects.count() == 0


def test_an_unknown_question_is_refused(client):
    wave = WaveFactory()
    payload = _payload(wave)
    payload["answers"]["lieblingsfarbe"] = "blau"

    response = client.post(URL, payload, content_type="application/json")

    assert response.status_code == 400 and "lieblingsfarbe" in response.json()["answers"]


def test_an_old_version_is_refused(client):
    wave = WaveFactory()
    payload = _payload(wave)
    payload["version"] = 7

    response = client.post(URL, payload, content_type="application/json")

    assert response.status_code == 400 and "version" in response.json()


def test_a_closed_wave_takes_no_answers_through_the_api(client):
    from django.utils import timezone

    wave = WaveFactory(closes_at=timezone.now())

    response = client.post(URL, _payload(wave), content_type="application/json")

    assert response.status_code == 400 and "wave" in response.json()
    assert Response.objects.count() == 0


def test_a_wave_closed_after_answers_came_in_refuses_the_next_one_at_once(client):
    from django.utils import timezone

    from surveys.services.waves import close_wave

    wave = WaveFactory()
    assert client.post(URL, _payload(wave), content_type="application/json").status_code == 201

    close_wave(wave=wave, at=timezone.now())
    response = client.post(URL, _payload(wave), content_type="application/json")

    assert response.status_code == 400 and "wave" in response.json()
    assert Response.objects.count() == 1


def test_a_wave_closed_by_a_bulk_update_refuses_the_next_answer_at_once(client):
    from django.utils import timezone

    from surveys.models import Wave

    wave = WaveFactory()
    assert client.post(URL, _payload(wave), content_type="application/json").status_code == 201

    Wave.objects.filter(pk=wave.pk).update(closes_at=timezone.now())
    response = client.post(URL, _payload(wave), content_type="application/json")

    assert response.status_code == 400 and "wave" in response.json()


def test_after_a_switch_to_a_new_version_answers_to_the_old_one_are_refused(client):
    from surveys.services.questionnaires import create_new_version
    from surveys.services.waves import switch_version

    wave = WaveFactory()
    old = _payload(wave)
    assert client.post(URL, old, content_type="application/json").status_code == 201

    switch_version(wave=wave, questionnaire=create_new_version(questionnaire=wave.questionnaire))
    response = client.post(URL, {**old, "id": str(uuid.uuid4())}, content_type="application/json")

    assert response.status_code == 400 and "version" in response.json()
    assert Response.objects.count() == 1


def test_errors_come_back_in_the_respondents_language(client):
    wave = WaveFactory()
    payload = _payload(wave, quartier="mond", wohlfuehlen="4")
    payload["language"] = "en"

    response = client.post(URL, payload, content_type="application/json")

    assert response.json()["answers"]["quartier"] == ["Please choose one of the answers shown."]


def test_a_response_without_an_id_is_refused(client):
    wave = WaveFactory()
    payload = _payload(wave)
    del payload["id"]

    response = client.post(URL, payload, content_type="application/json")

    assert response.status_code == 400 and "id" in response.json()


def test_the_api_applies_the_same_rules_and_kinds_as_the_runner(client):
    wave = three_page_wave()
    answers = {
        "quartier": "altenhagen",
        "alter": {"declined": True},
        "gefuehl_1": "4",
        "gefuehl_2": 3,
        "gefuehl_3": "5",
        "treffpunkte": {"values": ["andere"], "other": "Am Bahnhof"},
        "spielplatz": "ja",
    }

    response = client.post(URL, _payload(wave, **answers), content_type="application/json")

    assert response.status_code == 201
    assert not Answer.objects.filter(question__key="spielplatz").exists()
    assert Answer.objects.get(question__key="alter").declined


def test_the_endpoint_is_in_the_openapi_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    operation = schema["paths"]["/api/v1/responses/"]["post"]
    assert operation["operationId"] == "submit_response"
    assert {"201", "200", "400"} <= set(operation["responses"])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["value", "values", "other", "declined", "x"]), children)
    ),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=st.dictionaries(
        st.sampled_from(["quartier", "wohlfuehlen", "mitbestimmen", "?"]), json_values
    )
)
def test_any_json_answers_get_a_201_or_a_400_with_field_errors(answers):
    client = Client()
    wave = WaveFactory()
    before = Response.objects.count()

    response = client.post(
        URL, _payload(wave, **answers) | {"answers": answers}, content_type="application/json"
    )

    assert response.status_code in (201, 400)
    if response.status_code == 400:
        assert response.json() and Response.objects.count() == before
