"""A submission costs few round trips to PostgreSQL, so 2 cores store hundreds a second."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import WaveFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def test_an_api_submission_reads_the_wave_checks_its_token_and_writes_in_one_go(
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

    # The wave; the token among earlier days; then in one transaction (a savepoint in a
    # test) the response, its answers and the token added to today's set.
    statements = [query["sql"].split()[0] for query in queries.captured_queries]
    assert statements == ["SELECT", "SELECT", "SAVEPOINT", "INSERT", "INSERT", "WITH", "RELEASE"]
