"""A wave the process knows is checked where the answers are stored (PostgreSQL).

After the first answer to a wave, the API stores each answer in one statement that also
checks that the wave is still as read and that the token was never spent, on any day
(`test_submission_round_trips.py` counts the statements). These tests change the wave
or the tokens behind the process's back.
"""

import datetime
import uuid

import pytest
from django.utils import timezone

from surveys.models import Response, SpentSet
from surveys.services.spent_sets import token_digest
from tests.factories import WaveFactory, send_answer

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db,
    pytest.mark.usefixtures("postgres_and_redis"),
]


def test_answers_after_staff_close_a_known_wave_are_refused_and_not_stored():
    wave = WaveFactory()
    assert send_answer(wave).status_code == 201
    wave.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    wave.save()

    response = send_answer(wave)

    assert response.status_code == 400 and "wave" in response.json()
    assert Response.objects.count() == 1


def test_answers_after_staff_reopen_a_known_wave_are_stored():
    wave = WaveFactory(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    assert send_answer(wave).status_code == 400
    wave.closes_at = None
    wave.save()

    assert send_answer(wave).status_code == 201
    assert Response.objects.count() == 1


def test_sending_the_same_answer_twice_to_a_known_wave_stores_it_once():
    wave = WaveFactory()
    send_answer(wave)
    token = uuid.uuid4()

    first, again = send_answer(wave, token), send_answer(wave, token)

    assert first.status_code == 201
    assert again.status_code == 200 and again.json()["stored"] is False
    assert Response.objects.count() == 2


def test_a_token_spent_days_ago_is_found_by_the_statement_that_stores():
    wave = WaveFactory()
    send_answer(wave)
    token = uuid.uuid4()
    three_days_ago = (timezone.localdate() - datetime.timedelta(days=3)).isoformat()
    SpentSet.objects.create(
        kind=SpentSet.Kind.TOKENS, scope=three_days_ago, entries=f"\n{token_digest(token)}\n"
    )

    again = send_answer(wave, token)

    assert again.status_code == 200 and again.json()["stored"] is False
    assert Response.objects.count() == 1
