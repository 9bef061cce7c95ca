"""The benchmark table: every benchmark in alternating rounds, one markdown table."""

import re

import pytest
from django.core.management import call_command
from django.db import connection

from benchmarks.management.commands.bench_table import (
    Run,
    markdown_table,
    parse_result,
    summarise,
)

pytestmark = pytest.mark.benchmark


def test_the_table_gives_the_median_and_minimum_of_each_figure_over_the_rounds():
    runs = [
        Run("aggregation", 1, "3.00/2.00/1.00", 60, {"full_s": "40.5", "ratio": "1.5"}),
        Run("aggregation", 2, "4.00/2.00/1.00", 60, {"full_s": "38.0", "ratio": "1.2"}),
        Run("aggregation", 3, "5.00/2.00/1.00", 60, {"full_s": "44.0", "ratio": "1.4"}),
    ]

    table = markdown_table(summarise(runs), rounds=3)

    assert "| aggregation | full_s | 40.5 | 38 | 40.5 | 38.0 | 44.0 |" in table
    assert "| aggregation | ratio | 1.4 | 1.2 | 1.5 | 1.2 | 1.4 |" in table


def test_the_table_shows_the_load_each_round_started_under():
    runs = [
        Run("code_sheet", 1, "3.10/2.00/1.00", 2, {"seconds": "1.0"}),
        Run("code_sheet", 2, "0.50/0.40/0.30", 2, {"seconds": "1.2"}),
    ]

    table = markdown_table(summarise(runs), rounds=2)

    row = "| code_sheet | load at start (1/5/15 min) |  |  | 3.10/2.00/1.00 | 0.50/0.40/0.30 |"
    assert row in table


def test_a_failed_round_counts_in_no_median():
    runs = [
        Run("submissions", 1, "1.00/1.00/1.00", 60, {"api_per_s": "30.0"}),
        Run("submissions", 2, "1.00/1.00/1.00", 60, {}, error="gunicorn did not answer"),
        Run("submissions", 3, "1.00/1.00/1.00", 60, {"api_per_s": "20.0"}),
    ]

    table = markdown_table(summarise(runs), rounds=3)

    assert "| submissions | api_per_s | 25 | 20 | 30.0 |  | 20.0 |" in table
    assert "| submissions | failed |  |  |  | failed |  |" in table


def test_a_figure_that_is_not_a_number_gets_no_median():
    runs = [Run("export_xlsx", 1, "1.00/1.00/1.00", 9, {"format": "xlsx", "load": "1/1/1"})]

    table = markdown_table(summarise(runs), rounds=1)

    assert "| export_xlsx | format |  |  | xlsx |" in table


def test_only_the_last_result_line_of_a_benchmark_counts():
    output = "RESULT seconds=9\nround 2: 1.0 s\nRESULT rows=200 seconds=1.25 format=csv\n"

    assert parse_result(output) == {"rows": "200", "seconds": "1.25", "format": "csv"}


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_the_smoke_run_alternates_the_order_and_ends_with_its_result_line(
    postgres_and_redis, capsys, settings, tmp_path
):
    # The benchmarks run in processes of their own against this test's database.
    call_command("bench_aggregation", "--responses", "150", "--rounds", "1", "--keep")
    capsys.readouterr()

    call_command(
        "bench_table",
        "--dataset",
        connection.settings_dict["NAME"],
        "--rounds",
        "2",
        "--only",
        "aggregation,code_sheet",
        "--smoke",
    )

    lines = capsys.readouterr().out.strip().splitlines()
    order = [line.split()[2] for line in lines if line.startswith("round ")]
    first = ["aggregation", "code_sheet"]
    assert order == first + first[::-1]
    assert any(line.startswith("| aggregation | ratio | ") for line in lines)
    assert re.fullmatch(
        r"RESULT benchmarks=2 rounds=2 runs=4 failed=0 responses=150 minutes=[\d.]+ "
        r"load=[\d.]+/[\d.]+/[\d.]+",
        lines[-1],
    )
