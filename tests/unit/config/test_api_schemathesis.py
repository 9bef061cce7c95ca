"""schemathesis calls every public API operation as the schema at /api/v1/schema/ declares it.

Read operations must answer as documented (status, content type, body shape); the
response POST is only held to "never a server error", since its validation is still
growing. A wave with published figures exists, so the results are exercised too.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from analytics.services import refresh_snapshot
from tests.factories import WaveFactory, submit

pytestmark = pytest.mark.django_db


def _served_schema() -> dict:
    """Return the schema exactly as /api/v1/schema/ serves it (no database needed)."""
    response = Client().get("/api/v1/schema/?format=json", HTTP_HOST="localhost")
    assert response.status_code == 200
    return json.loads(response.content)


# schemathesis' lazy fixture loader does not run on pytest 9, so the schema is loaded here.
schema = schemathesis.openapi.from_dict(_served_schema())
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def test_database_connection_stays_open():
    """Keep the test's connection across calls, as Django's test client does.

    The app is called in-process; at the end of each request Django would close the
    connection that holds the test's transaction (PostgreSQL then says "the connection
    is closed"; SQLite's in-memory database ignores the close).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def published_wave(db):
    wave = WaveFactory(slug="quartier-check")
    submit(wave, 8, quarter="altenhagen", feeling="3")
    submit(wave, 9, quarter="wehringhausen", feeling="4", say=6)
    refresh_snapshot(wave=wave)
    return wave


@schema.include(method="GET").parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_read_operation_answers_as_documented(case, published_wave):
    # The in-process transport does not undo gzip as an HTTP client would.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})


@schema.include(method="POST").parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_sending_a_response_never_fails_with_a_server_error(case, published_wave):
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=[not_a_server_error])
