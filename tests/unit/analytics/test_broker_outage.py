"""A broker outage costs an answer nothing but one warning, and later answers not even that."""

import pytest

from analytics import tasks
from surveys.models import Response
from tests.factories import WaveFactory, submit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def broker_down(monkeypatch):
    tries = []

    def refuse(*args, **kwargs):
        tries.append(args)
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks, "_broker_down_until", 0.0)
    monkeypatch.setattr(tasks.refresh_snapshot, "apply_async", refuse)
    monkeypatch.setattr(tasks.find_concerns, "apply_async", refuse)
    return tries


def test_answers_are_stored_while_the_broker_is_down(broker_down):
    wave = WaveFactory()

    submit(wave, 3)

    assert Response.objects.filter(wave=wave).count() == 3


def test_after_one_failed_try_later_answers_leave_the_broker_alone(broker_down):
    wave = WaveFactory()

    submit(wave, 3)

    assert len(broker_down) == 1


def test_the_broker_is_tried_again_after_the_retry_time(broker_down, settings):
    settings.PART_CACHE_RETRY_SECONDS = 0
    wave = WaveFactory()

    submit(wave, 2)

    assert len(broker_down) == 4
