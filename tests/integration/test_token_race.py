"""Racing submissions with one-time tokens on real PostgreSQL: each token is stored once."""

import datetime
import threading
import uuid

import pytest
from django.db import connection, transaction
from django.utils import timezone

from surveys.models import Response, SpentSet
from surveys.selectors import questionnaire_structure
from surveys.services import AlreadySubmitted, submit_response
from surveys.services.spent_sets import spend_token, token_digest
from surveys.validation import RawAnswer, check
from tests.conftest import need
from tests.factories import WaveFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

RAW = {"quartier": RawAnswer(values=["altenhagen"]), "wohlfuehlen": RawAnswer(values=["4"])}


@pytest.fixture
def postgres(settings):
    need(
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        "this test needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/part",
    )


def _race(wave, tokens: list[uuid.UUID]) -> tuple[list[str], list[str]]:
    structure = questionnaire_structure(questionnaire=wave.questionnaire)
    start = threading.Barrier(len(tokens))
    repeated, failed = [], []

    def send(token) -> None:
        try:
            start.wait()
            checked = check(structure, RAW)
            submit_response(
                wave=wave,
                answers=checked.answers,
                segments=checked.segments,
                language="de",
                token=token,
                earlier_days_checked=True,
            )
        except AlreadySubmitted:
            repeated.append(str(token))
        except Exception as problem:  # noqa: BLE001 - any other failure fails the test
            failed.append(repr(problem))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return repeated, failed


def test_twenty_racing_sends_of_one_token_store_one_response(postgres):
    wave = WaveFactory()
    token = uuid.uuid4()

    repeated, failed = _race(wave, [token] * 20)

    assert failed == []
    assert Response.objects.count() == 1
    assert len(repeated) == 19


def test_racing_tokens_all_land_in_todays_set_in_sorted_order(postgres):
    wave = WaveFactory()
    tokens = [uuid.uuid4() for _ in range(30)]

    repeated, failed = _race(wave, tokens)

    assert failed == [] and repeated == []
    entries = SpentSet.objects.get(kind="tokens", scope=timezone.localdate().isoformat()).entries
    assert entries.split() == sorted(token_digest(token) for token in tokens)
    assert entries.startswith("\n") and entries.endswith("\n")


def test_a_token_spent_yesterday_is_not_spent_again_today(postgres):
    token = uuid.uuid4()
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    SpentSet.objects.create(kind="tokens", scope=yesterday, entries=f"\n{token_digest(token)}\n")
    SpentSet.objects.create(kind="tokens", scope=timezone.localdate().isoformat())

    with transaction.atomic():
        assert spend_token(token=token, earlier_days_checked=True) is False
    with transaction.atomic():
        assert spend_token(token=uuid.uuid4(), earlier_days_checked=True) is True
