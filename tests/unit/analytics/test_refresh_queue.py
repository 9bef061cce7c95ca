"""A burst of answers costs the broker a handful of messages, and no concern goes unread."""

import pytest

from analytics import tasks
from tests.factories import WaveFactory, submit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(monkeypatch):
    """Record what would go to the broker instead of running it at once."""
    sent = []

    def record(task):
        return lambda args=(), **options: sent.append((task, tuple(args)))

    monkeypatch.setattr(tasks, "_broker_down_until", 0.0)
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
