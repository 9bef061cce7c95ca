"""Racing submissions with one-time tokens on real PostgreSQL: each token is stored once."""

import datetime
import threading
import uuid

import pytest
from django.db import connection, transaction
from django.utils import timezone

from surveys import selectors
from surveys.models import Response, SpentSet
from surveys.selectors import questionnaire_structure
from surveys.services import AlreadySubmitted, spent_sets, submit_response
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


def _full_day(count: int) -> list[uuid.UUID]:
    """Fill today's set with `count` spent tokens, as a busy day does; return them."""
    tokens = [uuid.uuid4() for _ in range(count)]
    entries = sorted(token_digest(token) for token in tokens)
    SpentSet.objects.create(
        kind="tokens",
        scope=timezone.localdate().isoformat(),
        entries="\n" + "".join(f"{entry}\n" for entry in entries),
    )
    return tokens


def _todays_sets() -> dict[str, list[str]]:
    today = timezone.localdate().isoformat()
    rows = SpentSet.objects.filter(kind="tokens", scope__startswith=today)
    return {row.scope: row.entries.split() for row in rows}


def test_a_full_days_set_splits_in_two_parts_that_each_keep_many_tokens(postgres):
    tokens = _full_day(spent_sets.TOKEN_SPLIT_AT)

    with transaction.atomic():
        assert spend_token(token=uuid.uuid4(), earlier_days_checked=True) is True

    parts = _todays_sets()
    today = timezone.localdate().isoformat()
    assert sorted(parts) == [f"{today}/0", f"{today}/1"]
    assert min(len(entries) for entries in parts.values()) >= spent_sets.TOKEN_PART_MIN
    assert all(entries == sorted(entries) for entries in parts.values())
    every = [entry for entries in parts.values() for entry in entries]
    assert set(map(token_digest, tokens)) < set(every) and len(every) == len(tokens) + 1


def test_a_token_spent_before_the_split_is_not_spent_again_after_it(postgres):
    tokens = _full_day(spent_sets.TOKEN_SPLIT_AT)
    with transaction.atomic():
        spend_token(token=uuid.uuid4(), earlier_days_checked=True)

    with transaction.atomic():
        assert spend_token(token=tokens[7], earlier_days_checked=True) is False
    assert len(_todays_sets()) == 2


def test_racing_sends_of_one_token_store_one_response_on_a_split_day(postgres):
    _full_day(spent_sets.TOKEN_SPLIT_AT)
    with transaction.atomic():
        spend_token(token=uuid.uuid4(), earlier_days_checked=True)
    wave = WaveFactory()

    repeated, failed = _race(wave, [uuid.uuid4()] * 12)

    assert failed == []
    assert Response.objects.count() == 1
    assert len(repeated) == 11


def test_racing_first_spends_that_fill_the_day_split_it_once(postgres):
    _full_day(spent_sets.TOKEN_SPLIT_AT - 6)
    wave = WaveFactory()
    tokens = [uuid.uuid4() for _ in range(12)]

    repeated, failed = _race(wave, tokens)

    assert failed == [] and repeated == []
    parts = _todays_sets()
    assert len(parts) == 2
    every = [entry for entries in parts.values() for entry in entries]
    assert len(every) == len(set(every)) == spent_sets.TOKEN_SPLIT_AT + 6


def test_a_token_in_a_split_set_of_an_earlier_day_is_found_before_any_lock(postgres):
    token, others = uuid.uuid4(), [uuid.uuid4() for _ in range(3)]
    day = (timezone.localdate() - datetime.timedelta(days=3)).isoformat()
    parts: dict[str, list[str]] = {"0": [], "1": []}
    for digest in map(token_digest, [token, *others]):
        parts[spent_sets.digest_bits(digest)[0]].append(digest)
    for bit, digests in parts.items():
        entries = "\n" + "".join(f"{digest}\n" for digest in sorted(digests))
        SpentSet.objects.create(kind="tokens", scope=f"{day}/{bit}", entries=entries)
    wave = WaveFactory()

    assert selectors.submission_wave(slug=wave.slug, token=token) == (wave, True)
    assert spent_sets.token_was_spent(token=token, before=timezone.localdate().isoformat())
    assert selectors.submission_wave(slug=wave.slug, token=uuid.uuid4()) == (wave, False)


def test_forgetting_the_benchmarks_tokens_leaves_no_small_part_behind(postgres):
    kept = _full_day(spent_sets.TOKEN_SPLIT_AT)
    with transaction.atomic():
        spend_token(token=uuid.uuid4(), earlier_days_checked=True)
    forgotten = [uuid.uuid4() for _ in range(300)]
    for token in forgotten:
        with transaction.atomic():
            spend_token(token=token, earlier_days_checked=True)
    assert len(_todays_sets()) > 2

    spent_sets.forget_tokens(forgotten + kept[:100])

    parts = _todays_sets()
    assert list(parts) == [timezone.localdate().isoformat()]
    assert len(next(iter(parts.values()))) == spent_sets.TOKEN_SPLIT_AT - 100 + 1
