"""The benchmark command, as a smoke run of a few hundred responses on PostgreSQL."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from surveys.models import Response

pytestmark = [pytest.mark.benchmark, pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_the_benchmark_ends_with_a_result_line_of_every_measure(postgres_and_redis, capsys):
    call_command("bench_aggregation", "--responses", "300")

    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(
        r"RESULT responses=300 full_s=[\d.]+ sql_s=[\d.]+ ratio=[\d.]+ "
        r"after_100_new_s=[\d.]+ peak_rss_mb=[\d.]+",
        last_line,
    )


def test_the_benchmark_removes_its_synthetic_responses(postgres_and_redis):
    call_command("bench_aggregation", "--responses", "200")

    assert not Response.objects.exists()


def test_the_benchmark_refuses_sqlite(settings):
    if connection.vendor == "postgresql":
        pytest.skip("this checks the message on SQLite")

    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench_aggregation", "--responses", "10")
