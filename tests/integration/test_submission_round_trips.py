"""An API submission costs one round trip to PostgreSQL, so 2 cores store hundreds a second."""

import uuid

import pytest
from django.db import connection

from tests.factories import WaveFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def test_an_api_submission_checks_its_wave_and_token_and_writes_in_one_statement(
    client, postgres_and_redis
):
    wave = WaveFactory()

    def send():
        body = {
            "id": str(uuid.uuid4()),
            "wave": wave.slug,
            "language": "de",
            "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4"},
        }
        return client.post("/api/v1/responses/", body, content_type="application/json")

    # The first spend of a day creates the day's set; the process reads the wave.
    send()
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        assert send().status_code == 201

    # One statement (its own transaction in production): unless the wave changed since
    # this process read it, or the token is among any day's spent ones, it spends the
    # token in today's set and stores the response and its answers with it.
    assert len(statements) == 1
    assert "surveys_wave" in statements[0] and "INSERT INTO surveys_answer" in statements[0]
