"""Racing submissions with the same codes on real PostgreSQL: each code counts once."""

import threading

import pytest
from django.db import connection

from surveys.models import AccessCode, Response, Wave
from surveys.selectors import questionnaire_structure
from surveys.services import AccessCodeRefused, generate_access_codes, submit_response
from surveys.validation import RawAnswer, check
from tests.conftest import need
from tests.factories import WaveFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_fifty_concurrent_submissions_with_ten_codes_store_exactly_ten_responses(settings):
    need(
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        "this test needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/part",
    )
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    plain = generate_access_codes(wave=wave, venue="Jugendtreff Altenhagen", count=10)
    structure = questionnaire_structure(questionnaire=wave.questionnaire)
    raw = {"quartier": RawAnswer(values=["altenhagen"]), "wohlfuehlen": RawAnswer(values=["4"])}
    checked = check(structure, raw)
    start = threading.Barrier(50)
    refused, failed = [], []

    def send(code: str) -> None:
        try:
            start.wait()
            submit_response(
                wave=wave,
                answers=check(structure, raw).answers,
                segments=checked.segments,
                language="de",
                access_code=code,
            )
        except AccessCodeRefused as problem:
            refused.append(problem.reason)
        except Exception as problem:  # noqa: BLE001 - any other failure fails the test below
            failed.append(repr(problem))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(plain[index % 10],)) for index in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failed == []
    assert Response.objects.count() == 10
    assert refused == ["spent"] * 40
    assert AccessCode.objects.filter(is_spent=True).count() == 10
