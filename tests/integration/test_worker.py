"""A submitted answer reaches the public snapshot through real Redis and a real worker."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from analytics.models import Snapshot
from config.celery import app as celery_app
from tests.factories import WaveFactory, answers_for

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(postgres_and_redis, settings):
    """Start `celery worker` against the test database; stop it afterwards."""
    database = connection.settings_dict
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    # Old messages from an earlier run would refer to rows that no longer exist.
    celery_app.control.purge()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield process
    finally:
        celery_app.conf.task_always_eager = eager
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def test_a_submitted_answer_reaches_the_snapshot_through_the_broker_and_a_real_worker(
    client, worker
):
    wave = WaveFactory()

    response = client.post(f"/s/{wave.slug}/", answers_for(wave, say=7))

    assert response.status_code == 302
    reached = _wait_for(lambda: Snapshot.objects.filter(wave=wave, response_count=1).exists(), 60)
    if not reached and worker.poll() is not None:
        pytest.fail(f"the worker stopped: {worker.stdout.read()}")
    assert reached
