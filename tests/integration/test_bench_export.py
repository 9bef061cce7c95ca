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
        r"peak_rss_mb=\d+ "
        rf"format={format} database=postgresql load=[\d.]+/[\d.]+/[\d.]+",
        result[0],
    ), lines


def test_bench_export_of_a_kept_wave_exports_it_and_leaves_its_responses(
    postgres_and_redis, capsys, settings, tmp_path
):
    from surveys.models import Response, Wave

    settings.PART_EXPORT_ROOT = tmp_path
    call_command("bench_export", responses=120, keep=True)
    capsys.readouterr()

    call_command("bench_export", wave="bench-export", format="xlsx", rounds=2)

    result = capsys.readouterr().out.strip().splitlines()[-1]
    assert result.startswith("RESULT rows=120 ") and "format=xlsx" in result
    # The wave and its answers stay for the next run; the benchmark's files do not.
    assert Response.objects.filter(wave=Wave.objects.get(slug="bench-export")).count() == 120
    assert list(tmp_path.iterdir()) == []
