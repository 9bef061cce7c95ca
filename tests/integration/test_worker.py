"""Refreshes through real Redis and real Celery workers: bursts, kills, outages, the sweep."""

import datetime
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from analytics import tasks
from analytics.models import AggregateState, Snapshot
from analytics.selectors import unpublished_responses
from analytics.services import refresh_snapshot
from config.celery import app as celery_app
from surveys.models import Response
from tests.factories import WaveFactory, add_responses, answers_for, submit

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
WORKER_SESSIONS = "part-test-worker"


def _database_url() -> str:
    database = connection.settings_dict
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


@pytest.fixture
def start(postgres_and_redis, settings):
    """Return a function that starts a Celery worker or beat on the test database."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "CELERY_VISIBILITY_TIMEOUT": "4",
        "SNAPSHOT_SWEEP_SECONDS": "1",
        # Names the processes' database sessions, so the test can tell when they ended.
        "PGAPPNAME": WORKER_SESSIONS,
    }
    # Old messages from an earlier run would refer to rows that no longer exist.
    celery_app.control.purge()
    processes = []

    def start_process(kind: str = "worker", *extra: str) -> subprocess.Popen:
        command = [sys.executable, "-m", "celery", "-A", "config", kind, "--loglevel", "warning"]
        if kind == "worker":
            command += ["--pool", "solo"]
        process = subprocess.Popen(
            command + list(extra),
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        processes.append(process)
        return process

    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield start_process
    finally:
        celery_app.conf.task_always_eager = eager
        # Nothing a test checks happens after it returns: end the processes at once
        # rather than wait for a warm shutdown.
        for process in processes:
            if process.poll() is None:
                process.kill()
        for process in processes:
            process.wait(timeout=20)
        # A killed worker's database session ends a moment after the worker; the test
        # database can only be dropped once it has.
        _wait_for(lambda: _worker_sessions() == 0, 30)


def _worker_sessions() -> int:
    """Count the database sessions the started workers and beats still hold."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name = %s",
            [WORKER_SESSIONS],
        )
        return cursor.fetchone()[0]


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def _snapshot_counts(wave, count: int):
    return lambda: Snapshot.objects.filter(wave=wave, response_count=count).exists()


def test_a_submitted_answer_reaches_the_snapshot_through_the_broker_and_a_real_worker(
    client, start
):
    worker = start()
    wave = WaveFactory()

    response = client.post(f"/s/{wave.slug}/", answers_for(wave, say=7))

    assert response.status_code == 302
    reached = _wait_for(_snapshot_counts(wave, 1), 60)
    if not reached and worker.poll() is not None:
        pytest.fail(f"the worker stopped: {worker.stdout.read()}")
    assert reached


def _counted(wave, count: int):
    return lambda: AggregateState.objects.filter(wave=wave, response_count=count).exists()


def test_a_burst_of_300_answers_is_counted_and_published_once_within_the_hour(start):
    start()
    wave = WaveFactory()

    submit(wave, 300, say=5)
    assert _wait_for(_counted(wave, 300), 90)
    assert _wait_for(lambda: Snapshot.objects.filter(wave=wave).exists(), 30)
    first = Snapshot.objects.filter(wave=wave).order_by("-version").first().version
    submit(wave, 10, say=5)
    assert _wait_for(_counted(wave, 310), 60)
    # One more refresh, queued behind the one that counted the 10: the worker runs one
    # task at a time, so once it has run, neither refresh published (as they must not
    # within the hour) and no waiting on a clock is needed.
    tasks.refresh_snapshot.delay(wave.pk).get(timeout=60, disable_sync_subtasks=False)

    assert 1 <= first <= 2
    assert Snapshot.objects.filter(wave=wave).order_by("-version").first().version == first
    assert unpublished_responses(wave=wave) == 10


def _waiting_on_a_lock(database_url: str) -> bool:
    with psycopg.connect(database_url, autocommit=True) as watcher:
        row = watcher.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE wait_event_type = 'Lock' AND query LIKE '%analytics_snapshot%'"
        ).fetchone()
    return row[0] > 0


def test_a_worker_killed_mid_refresh_leaves_the_old_snapshot_and_a_new_worker_finishes(start):
    wave = WaveFactory()
    add_responses(wave, 6)
    old = refresh_snapshot(wave=wave)
    # k new answers, an hour later: the next refresh publishes.
    AggregateState.objects.filter(wave=wave).update(
        published_at=timezone.now() - datetime.timedelta(hours=2)
    )
    add_responses(wave, 5)
    database_url = _database_url()

    with psycopg.connect(database_url) as blocker:
        # Hold the snapshot table, so the refresh stops just before it publishes.
        blocker.execute("LOCK TABLE analytics_snapshot IN SHARE MODE")
        worker = start()
        tasks.refresh_snapshot.delay(wave.pk)
        assert _wait_for(lambda: _waiting_on_a_lock(database_url), 60)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        blocker.rollback()

    # The killed worker's database session ends once PostgreSQL notices; until then its
    # refresh could still be holding the half-written version.
    assert _wait_for(lambda: _worker_sessions() == 0, 30)
    newest = Snapshot.objects.filter(wave=wave).order_by("-version").first()
    assert (newest.version, newest.response_count) == (old.version, 6)
    start()
    assert _wait_for(_snapshot_counts(wave, 11), 60)


@contextmanager
def _broker_at(url: str):
    """Point this process's producer at another broker address, then back."""
    original = celery_app.conf.broker_url

    def reset():
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    celery_app.conf.broker_url = url
    reset()
    try:
        yield
    finally:
        celery_app.conf.broker_url = original
        reset()


def test_with_the_broker_unreachable_an_answer_is_stored_and_the_sweep_catches_up(client, start):
    wave = WaveFactory()

    with _broker_at("redis://127.0.0.1:1/0"):
        response = client.post(f"/s/{wave.slug}/", answers_for(wave, say=3))

    assert response.status_code == 302
    assert Response.objects.filter(wave=wave).count() == 1
    assert not Snapshot.objects.filter(wave=wave).exists()
    start()
    tasks.refresh_stale_snapshots.delay()
    assert _wait_for(_snapshot_counts(wave, 1), 60)


def test_the_beat_sweep_refreshes_a_wave_whose_refresh_was_never_queued(start, tmp_path):
    wave = WaveFactory()
    add_responses(wave, 7)  # Straight into the database: no refresh is queued.
    start()

    start("beat", "--schedule", str(tmp_path / "beat-schedule"))

    assert _wait_for(_snapshot_counts(wave, 7), 60)
