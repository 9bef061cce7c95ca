"""A small smoke run of bench_faults: Redis and PostgreSQL stop and start, nothing is lost.

Answers go through the HTML runner (GET, then POST page by page) and the API alike.
"""

import re

import pytest
from django.core.management import call_command

from benchmarks.services import missing_binaries
from tests.conftest import need

pytestmark = pytest.mark.services


def test_bench_faults_loses_no_accepted_answer_of_the_runner_or_the_api_in_both_outages(
    capsys,
):
    missing = missing_binaries()
    need(not missing, f"bench_faults needs {', '.join(missing)} on PATH")

    call_command("bench_faults", submissions=120, clients=4)

    line = capsys.readouterr().out.strip().splitlines()[-1]
    result = dict(re.findall(r"(\w+)=([\d.]+)", line))
    assert line.startswith("RESULT accepted=")
    assert result["lost"] == "0" and result["errors_5xx"] == "0"
    assert result["stored"] == "120"  # every answer sent was taken in the end
    assert int(result["unavailable_503"]) > 0  # the clients did meet the outage
    assert int(result["runner"]) > 0 and int(result["api"]) > 0  # through both doors
    assert result["refused_4xx"] == "0"
