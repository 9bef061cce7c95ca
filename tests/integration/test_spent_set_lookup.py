"""Sets of spent tokens on real PostgreSQL: found by index, written in place, untoasted."""

import datetime
import itertools
import uuid

import pytest
from django.db import connection, transaction
from django.utils import timezone

from surveys import selectors
from surveys.models import SpentSet
from surveys.services import spent_sets
from surveys.services.spent_sets import digest_bits, token_digest, token_was_spent
from tests.conftest import need
from tests.factories import WaveFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture
def postgres(settings):
    need(
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        "this test needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/part",
    )


def _day(days_back: int) -> str:
    return (timezone.localdate() - datetime.timedelta(days=days_back)).isoformat()


def _entries(digests) -> str:
    return "\n" + "".join(f"{digest}\n" for digest in sorted(digests))


def _lay_out(day: str, prefixes: list[str], tokens, *, misplace: bool = False) -> None:
    """Store a day's token sets split by `prefixes` (a prefix code), each token in its part.

    With `misplace`, each token goes into a part that does not cover it instead.
    """
    parts: dict[str, list[str]] = {prefix: [] for prefix in prefixes}
    for digest in map(token_digest, tokens):
        covering = next(prefix for prefix in prefixes if digest_bits(digest).startswith(prefix))
        if misplace:
            covering = next(prefix for prefix in prefixes if prefix != covering)
        parts[covering].append(digest)
    SpentSet.objects.bulk_create(
        SpentSet(kind=SpentSet.Kind.TOKENS, scope=f"{day}/{prefix}", entries=_entries(digests))
        for prefix, digests in parts.items()
    )


def _all_prefixes(depth: int) -> list[str]:
    return ["".join(bits) for bits in itertools.product("01", repeat=depth)]


def _rows_read() -> int:
    """Return the rows of the sets this transaction has read so far, by index or by scan."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) "
            "FROM pg_stat_xact_user_tables WHERE relname = 'surveys_spentset'"
        )
        return cursor.fetchone()[0]


def test_tokens_spent_on_several_days_in_split_sets_are_found(postgres):
    # Days with no sets between them; parts of uneven depth, as a busy day leaves them;
    # day 1 stays whole.
    spent = {days_back: [uuid.uuid4() for _ in range(6)] for days_back in (1, 2, 4, 5, 9)}
    for days_back, tokens in spent.items():
        if days_back == 1:
            SpentSet.objects.create(
                kind="tokens", scope=_day(1), entries=_entries(map(token_digest, tokens))
            )
        else:
            _lay_out(_day(days_back), ["0", "10", "110", "111"], tokens)
    wave = WaveFactory()

    found = [
        (token_was_spent(token=token), selectors.submission_wave(slug=wave.slug, token=token)[1])
        for tokens in spent.values()
        for token in tokens
    ]

    assert found == [(True, True)] * len(found)


def test_a_token_in_a_part_that_does_not_cover_it_is_not_found(postgres):
    tokens = [uuid.uuid4() for _ in range(6)]
    _lay_out(_day(2), ["0", "10", "110", "111"], tokens, misplace=True)
    wave = WaveFactory()

    found = [
        (token_was_spent(token=token), selectors.submission_wave(slug=wave.slug, token=token)[1])
        for token in tokens
    ]

    assert found == [(False, False)] * len(tokens)


def test_a_token_of_today_is_not_found_among_the_earlier_days(postgres):
    token = uuid.uuid4()
    _lay_out(_day(0), ["0", "1"], [token])

    assert token_was_spent(token=token) is True
    assert token_was_spent(token=token, before=_day(0)) is False


def test_looking_a_token_up_reads_about_one_set_a_day_not_every_set(postgres):
    # 10 days of 64 parts each: reading every set would read 640 rows.
    for days_back in range(1, 11):
        _lay_out(_day(days_back), _all_prefixes(6), [uuid.uuid4() for _ in range(64)])
    wave = WaveFactory()
    before = _rows_read()

    selectors.submission_wave(slug=wave.slug, token=uuid.uuid4())
    token_was_spent(token=uuid.uuid4())

    # Per lookup and day: the probe that finds the day and the one that finds its set.
    assert _rows_read() - before <= 2 * (2 * 10 + 1)


def _toasted_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(n_tup_ins, 0) FROM pg_stat_xact_all_tables WHERE relid = "
            "(SELECT reltoastrelid FROM pg_class WHERE relname = 'surveys_spentset')"
        )
        return cursor.fetchone()[0]


def _hot_updates() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'surveys_spentset'"
        )
        return cursor.fetchone()[0]


def test_the_spend_that_fills_a_set_writes_it_in_its_row_on_its_own_page(postgres):
    # Yesterday's set first: without a low fillfactor today's would share its page.
    yesterday = [token_digest(uuid.uuid4()) for _ in range(spent_sets.TOKEN_SPLIT_AT - 30)]
    SpentSet.objects.create(kind="tokens", scope=_day(1), entries=_entries(yesterday))
    today = [token_digest(uuid.uuid4()) for _ in range(spent_sets.TOKEN_SPLIT_AT)]
    SpentSet.objects.create(kind="tokens", scope=_day(0), entries=_entries(today))
    toasted, hot = _toasted_rows(), _hot_updates()

    with transaction.atomic():
        assert spent_sets.spend_token(token=uuid.uuid4(), earlier_days_checked=True) is True

    assert (_toasted_rows() - toasted, _hot_updates() - hot) == (0, 1)


def test_a_waves_set_of_codes_larger_than_a_page_still_takes_spends(postgres):
    wave = WaveFactory()
    SpentSet.objects.create(
        kind="codes", scope=str(wave.pk), entries=_entries(str(code) for code in range(3000))
    )

    with transaction.atomic():
        is_spent, row = spent_sets.is_code_spent_locked(wave_id=wave.pk, code_id=123456)
        spent_sets.add_spent_code(row, code_id=123456)

    assert is_spent is False
    assert spent_sets.is_code_spent_locked(wave_id=wave.pk, code_id=123456)[0] is True
