"""A burst of answers costs the broker a handful of messages, and no concern goes unread."""

import time

import pytest

from analytics import tasks
from analytics.services.queue import release_refresh
from tests.factories import WaveFactory, submit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(monkeypatch):
    """Record what would go to the broker instead of running it at once."""
    sent = []

    def record(task):
        return lambda args=(), **options: sent.append((task, tuple(args)))

    monkeypatch.setattr(tasks, "_broker_down_until", 0.0)
    monkeypatch.setattr(tasks, "_counted_until", {})
    monkeypatch.setattr(tasks.refresh_snapshot, "apply_async", record("refresh"))
    monkeypatch.setattr(tasks.find_concerns, "apply_async", record("concerns"))
    return sent


def test_a_burst_of_answers_queues_one_refresh_and_one_look_for_concerns(published):
    wave = WaveFactory()

    submit(wave, 5)

    assert published == [("refresh", (wave.pk,)), ("concerns", (wave.pk,))]


def test_the_waiting_refresh_queues_a_look_at_the_answers_that_came_meanwhile(published):
    wave = WaveFactory()
    submit(wave, 3)
    published.clear()

    tasks.refresh_snapshot(wave.pk)

    assert published == [("concerns", (wave.pk,))]


def test_answers_while_a_queued_refresh_waits_do_not_read_its_flag_again(
    published, settings, django_assert_num_queries
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    wave = WaveFactory()
    tasks.queue_refresh(sender=None, wave_id=wave.pk)

    with django_assert_num_queries(0):
        for _ in range(20):
            tasks.queue_refresh(sender=None, wave_id=wave.pk)

    assert published == [("refresh", (wave.pk,)), ("concerns", (wave.pk,))]


def test_an_answer_after_the_waiting_refresh_has_started_queues_another(
    published, settings, monkeypatch
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    wave = WaveFactory()
    tasks.queue_refresh(sender=None, wave_id=wave.pk)

    # The refresh starts once its delay is over, and first clears the flag.
    later = time.time() + tasks.REFRESH_DELAY_SECONDS
    monkeypatch.setattr(tasks.time, "time", lambda: later)
    release_refresh(wave_id=wave.pk)
    tasks.queue_refresh(sender=None, wave_id=wave.pk)

    assert [task for task, _ in published].count("refresh") == 2
