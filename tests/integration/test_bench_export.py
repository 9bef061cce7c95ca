"""The export benchmark runs on PostgreSQL, where synthetic data is made set-wise."""

import re

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.benchmark, pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("format", ["csv", "xlsx", "sav"])
def test_bench_export_on_postgresql_prints_its_result_line(
    postgres_and_redis, capsys, settings, tmp_path, format
):
    settings.PART_EXPORT_ROOT = tmp_path

    call_command("bench_export", responses=200, format=format)

    lines = capsys.readouterr().out.splitlines()
    result = [line for line in lines if line.startswith("RESULT ")]
    # The export's own memory beside the process's, and the load it ran under.
    assert re.fullmatch(
        r"RESULT rows=200 seconds=[\d.]+ min_s=[\d.]+ export_mb=[\d.]+ base_rss_mb=\d+ "
        rf"format={format} database=postgresql load=[\d.]+/[\d.]+/[\d.]+",
        result[0],
    ), lines
