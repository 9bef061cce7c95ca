"""An API submission costs one round trip to PostgreSQL, so 2 cores store hundreds a second."""

import pytest
from django.db import connection

from surveys.models import Response
from tests.factories import WaveFactory, send_answer

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def _prepared() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return {statement for (statement,) in cursor.fetchall()}


def test_an_api_submission_checks_its_wave_and_token_and_writes_in_one_statement(
    postgres_and_redis,
):
    wave = WaveFactory()
    # The first spend of a day creates the day's set; the process reads the wave.
    send_answer(wave)
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        assert send_answer(wave).status_code == 201

    # One statement (its own transaction in production): unless the wave changed since
    # this process read it, or the token is among any day's spent ones, it spends the
    # token in today's set and stores the response and its answers with it.
    assert len(statements) == 1
    assert "surveys_wave" in statements[0] and "INSERT INTO surveys_answer" in statements[0]


def test_api_submissions_reuse_the_statements_prepared_by_the_first(postgres_and_redis):
    wave = WaveFactory()
    # The first reads the wave and looks for the token; the second, with the wave known,
    # checks both in the statement that stores.
    send_answer(wave)
    send_answer(wave)
    first = _prepared()
    for _ in range(3):
        assert send_answer(wave).status_code == 201

    assert any(
        "INSERT INTO surveys_answer" in statement and "current" in statement for statement in first
    )
    assert any("surveys_spentset" in statement and "xmin" in statement for statement in first)
    assert _prepared() == first
    assert Response.objects.count() == 5
