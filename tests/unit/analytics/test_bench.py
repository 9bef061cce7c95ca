"""The benchmark command, as a smoke run of a few hundred responses on PostgreSQL."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from surveys.models import Response

pytestmark = [pytest.mark.benchmark, pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_the_benchmark_ends_with_a_result_line_of_every_measure(postgres_and_redis, capsys):
    call_command("bench_aggregation", "--responses", "300")

    lines = capsys.readouterr().out.strip().splitlines()
    assert re.fullmatch(
        r"RESULT responses=300 full_s=[\d.]+ full_min_s=[\d.]+ baseline_s=[\d.]+ "
        r"baseline_min_s=[\d.]+ ratio=[\d.]+ after_100_new_s=[\d.]+ "
        r"after_100_new_min_s=[\d.]+ peak_rss_mb=[\d.]+ rounds=3 load=[\d.]+/[\d.]+/[\d.]+",
        lines[-1],
    )
    # Three alternating rounds, each with the load it ran under.
    rounds = [line for line in lines if ", round " in line]
    assert len(rounds) == 3 and all("; load " in line for line in rounds)


def test_the_baseline_computes_the_same_figures_as_plain_sql_over_the_answers(
    postgres_and_redis,
):
    from benchmarks.management.commands.bench_aggregation import (
        Command,
        _Generator,
        baseline_params,
        baseline_statements,
    )

    command = Command()
    wave = command._wave()
    _Generator(wave, seed=1).load(60)
    question = wave.questionnaire.questions.get(key="mitbestimmen")
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in baseline_statements():
            cursor.execute(sql, baseline_params(wave))
            rows = cursor.fetchall() if cursor.description else []
        # The last statement: scale scores. The one before: number questions.
        scale_everyone = next(row for row in rows if row[0] == "" and row[1] == 15)
        cursor.execute(baseline_statements()[-2], baseline_params(wave))
        number_everyone = next(
            row for row in cursor.fetchall() if row[0] == question.pk and row[1] == 15
        )
        cursor.execute(
            "SELECT COUNT(*), AVG(number), STDDEV_SAMP(number), "
            "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY number) FROM surveys_answer "
            "WHERE question_id = %s",
            [question.pk],
        )
        expected = cursor.fetchone()
    command._remove_old_runs()
    answered, _keys, mean, sd, median = number_everyone[6:]
    assert (answered, median) == (expected[0], expected[3])
    assert float(mean) == pytest.approx(expected[1]) and float(sd) == pytest.approx(expected[2])
    # Everyone with at least 7 of 10 items answered has a scale score.
    assert 55 <= scale_everyone[6] <= 60


def test_the_benchmark_removes_its_synthetic_responses(postgres_and_redis):
    call_command("bench_aggregation", "--responses", "200")

    assert not Response.objects.exists()


def test_the_benchmark_refuses_sqlite(settings):
    if connection.vendor == "postgresql":
        pytest.skip("this checks the message on SQLite")

    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench_aggregation", "--responses", "10")
