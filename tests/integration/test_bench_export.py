"""The export benchmark runs on PostgreSQL, where synthetic data is made set-wise."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.benchmark, pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("format", ["csv", "sav"])
def test_bench_export_on_postgresql_prints_its_result_line(
    postgres_and_redis, capsys, settings, tmp_path, format
):
    settings.PART_EXPORT_ROOT = tmp_path

    call_command("bench_export", responses=200, format=format)

    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("RESULT rows=200 seconds=") for line in lines), lines
