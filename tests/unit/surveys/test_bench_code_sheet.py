"""The code sheet benchmark runs small and prints its RESULT line."""

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.benchmark


def test_the_code_sheet_benchmark_prints_a_result_line():
    out = io.StringIO()

    call_command("bench_code_sheet", "--cards", "20", stdout=out)

    assert out.getvalue().splitlines()[-1].startswith("RESULT cards=20 seconds=")


def test_the_code_sheet_benchmark_refuses_more_cards_than_an_order_may_hold():
    with pytest.raises(CommandError):
        call_command("bench_code_sheet", "--cards", "5001")
