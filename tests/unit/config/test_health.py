import pytest

pytestmark = pytest.mark.django_db


def test_liveness_answers_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_liveness_answers_on_any_host_name_so_container_probes_work(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200


def test_readiness_is_ok_when_database_and_broker_answer(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_readiness_names_the_broker_when_it_cannot_be_reached(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:9/0"  # discard port: nothing listens there

    response = client.get("/readyz")

    assert response.status_code == 503
    assert "broker unreachable" in response.json()["problems"][0]
