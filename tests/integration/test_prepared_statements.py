"""The statements every submission sends are prepared once per connection (PostgreSQL)."""

import uuid

import pytest
from django.db import connection
from django.test import Client

from surveys.models import Response
from tests.conftest import need
from tests.factories import WaveFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def postgres(settings):
    need(
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        "this test needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/part",
    )


def _prepared() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return {statement: 1 for (statement,) in cursor.fetchall()}


def test_api_submissions_reuse_the_statements_prepared_by_the_first(postgres):
    wave = WaveFactory()
    client = Client()

    def send():
        body = {
            "id": str(uuid.uuid4()),
            "wave": wave.slug,
            "language": "de",
            "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4"},
        }
        response = client.post("/api/v1/responses/", body, content_type="application/json")
        assert response.status_code == 201

    # The first reads the wave and looks for the token; the second, with the wave known,
    # checks both in the statement that stores.
    send()
    send()
    first = _prepared()
    for _ in range(3):
        send()

    assert any(
        "INSERT INTO surveys_answer" in statement and "current" in statement for statement in first
    )
    assert any("surveys_spentset" in statement and "xmin" in statement for statement in first)
    assert _prepared() == first
    assert Response.objects.count() == 5
