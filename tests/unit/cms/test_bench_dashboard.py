"""The dashboard benchmark, as a smoke run against gunicorn and a small SQLite database."""

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import need

# Both kinds of load share one migrated database file, made on one test process.
pytestmark = [pytest.mark.benchmark, pytest.mark.xdist_group("bench-dashboard")]
ROOT = Path(__file__).resolve().parents[3]
SITE = """
from analytics.services import refresh_snapshot
from tests.factories import WaveFactory, build_site, submit
wave = WaveFactory(slug="bench")
submit(wave, 8, quarter="altenhagen", feeling="3")
submit(wave, 9, quarter="wehringhausen", feeling="4", say=6)
refresh_snapshot(wave=wave)
build_site(wave=wave)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _manage(*arguments, environment) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _environment(database: Path) -> dict:
    # Its own database file: gunicorn runs in other processes and cannot see the test's.
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "REDIS_URL": "",
        "CELERY_TASK_ALWAYS_EAGER": "1",
    }


@pytest.fixture(scope="module")
def bench_database(tmp_path_factory) -> Path:
    """A migrated SQLite file with a small dashboard, made once for both kinds of load."""
    database = tmp_path_factory.mktemp("bench-dashboard") / "bench.sqlite3"
    for arguments in (["migrate", "-v0"], ["shell", "-v0", "-c", SITE]):
        done = _manage(*arguments, environment=_environment(database))
        assert done.returncode == 0, done.stderr[-2000:]
    return database


@pytest.mark.parametrize("load", ["processes", "wrk"])
def test_the_smoke_run_ends_with_a_result_line_of_every_measure(tmp_path, load, bench_database):
    if load == "wrk" and shutil.which("wrk") is None:
        pytest.skip("wrk is not installed; the client processes stand in for it")
    database = tmp_path / "bench.sqlite3"
    shutil.copyfile(bench_database, database)
    environment = _environment(database)

    # With client processes, a dashboard of the wave made by the benchmark itself (as on
    # a kept dataset); with wrk, the site's own dashboard.
    by_wave = ["--wave", "bench"] if load == "processes" else []
    run = _manage(
        "bench_dashboard",
        "--smoke",
        "--load",
        load,
        *by_wave,
        "--port",
        str(_free_port()),
        environment=environment,
    )

    need(
        "gunicorn could not start" not in run.stderr and "did not answer" not in run.stderr,
        f"this test needs gunicorn to serve on a loopback port: {run.stderr[-500:]}",
    )
    assert run.returncode == 0, run.stderr[-2000:]
    first_line, last_line = run.stdout.strip().splitlines()[0], run.stdout.strip().splitlines()[-1]
    assert "CONN_MAX_AGE=60" in first_line and f"load from {load}" in first_line
    assert re.fullmatch(
        r"RESULT trivial_rps=\d+ dashboard_rps=\d+ dashboard_p95_ms=[\d.]+ "
        r"dashboard_ratio=[\d.]+ api_rps=\d+ api_p95_ms=[\d.]+ api_ratio=[\d.]+ "
        r"dashboard_html_kb_wire=[\d.]+ dashboard_kb_wire=\d+",
        last_line,
    ), run.stdout
    if by_wave:
        assert re.search(r"round 1 /[\w/-]*bench-bench/: \d+ requests/s", run.stdout), run.stdout
