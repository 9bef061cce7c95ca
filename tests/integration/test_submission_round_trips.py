"""A submission costs two round trips to PostgreSQL, so 2 cores store hundreds a second."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import WaveFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def test_an_api_submission_checks_its_wave_and_token_then_writes_in_one_statement(
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

    send()  # the first spend of a day creates the day's set
    with CaptureQueriesContext(connection) as queries:
        assert send().status_code == 201

    # Whether the wave changed since this process read it, with the token among every
    # day's spent ones; then one statement (its own transaction in production) that
    # spends the token in today's set and stores the response and its answers with it.
    statements = [query["sql"].split()[0] for query in queries.captured_queries]
    assert statements == ["SELECT", "WITH"]
    assert "INSERT INTO surveys_answer" in queries.captured_queries[1]["sql"]
