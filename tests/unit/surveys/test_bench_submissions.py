"""A few-second smoke run of the submission benchmark against real PostgreSQL."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from surveys.models import Response, SpentSet, Wave

pytestmark = [pytest.mark.benchmark, pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_the_benchmark_posts_through_gunicorn_and_loses_nothing(postgres_and_redis):
    out = StringIO()

    call_command("bench_submissions", seconds=2, raw_seconds=1, clients=2, workers=2, stdout=out)

    last = out.getvalue().strip().splitlines()[-1]
    match = re.fullmatch(
        r"RESULT html_per_s=([\d.]+) html_p95_ms=[\d.]+ api_per_s=([\d.]+) api_p95_ms=[\d.]+ "
        r"lost=(\d+) raw_insert_ratio=[\d.]+ raw_per_s=[\d.]+ html_cpu_ms=([\d.]+) "
        r"api_cpu_ms=([\d.]+) api_cpu_ceiling_per_s=\d+ load=[\d.]+/[\d.]+/[\d.]+",
        last,
    )
    assert match, out.getvalue()
    # Both paths stored answers: the runner's three requests and the API's one.
    assert float(match.group(1)) > 0 and float(match.group(2)) > 0
    assert match.group(3) == "0"
    # The server's CPU per submission was measured for both paths.
    assert float(match.group(4)) > 0 and float(match.group(5)) > 0
    assert not Wave.objects.exists() and not Response.objects.exists()
    assert not SpentSet.objects.exclude(entries="\n").exists()
