"""Spend single-use things so that nothing in the database dates or orders the spending.

A spent access code or submission token is an entry in a `SpentSet`: one row per wave
(codes), or per day (tokens) until that day's set is full enough to split into parts
(see `TOKEN_SPLIT_AT`). Adding an entry locks that row and writes it again with all its
entries sorted, so after each spend every entry shares one transaction id and one
physical place; neither says which entry came with which response. Call these last in
the submitting transaction: the row lock serialises spends of one set, and is held only
until that transaction commits.
"""

import datetime
import hmac
from hashlib import sha256

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from surveys.models import SpentSet
from surveys.prepared import fetch_one_prepared


def _locked(*, kind: str, scope: str) -> SpentSet:
    rows = SpentSet.objects.select_for_update()
    row = rows.filter(kind=kind, scope=scope).first()
    if row is None:
        # Two first spends of a day may race to create the row: one insert wins.
        SpentSet.objects.bulk_create([SpentSet(kind=kind, scope=scope)], ignore_conflicts=True)
        row = rows.get(kind=kind, scope=scope)
    return row


def _add(row: SpentSet, entry: str) -> None:
    entries = set(row.entries.split())
    entries.add(entry)
    row.entries = "\n" + "".join(f"{item}\n" for item in sorted(entries))
    row.save(update_fields=["entries"])


def is_code_spent_locked(*, wave_id: int, code_id: int) -> tuple[bool, SpentSet]:
    """Lock the wave's set of spent codes; say whether `code_id` is in it."""
    row = _locked(kind=SpentSet.Kind.CODES, scope=str(wave_id))
    return str(code_id) in row, row


def add_spent_code(row: SpentSet, *, code_id: int) -> None:
    """Add a code to the locked set of its wave (see `is_code_spent_locked`)."""
    _add(row, str(code_id))


DIGEST_LENGTH = 32


def token_digest(token) -> str:
    """Return the keyed digest under which a submission token is kept (never the token)."""
    key = sha256(f"surveys.submission-tokens:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, str(token).encode(), sha256).hexdigest()[:DIGEST_LENGTH]


# A day's tokens are one set until it holds TOKEN_SPLIT_AT of them; then it is split in
# two by the first bit of the digests (scopes "2026-05-04/0" and "2026-05-04/1"), and a
# part that fills up again is split by the next bit ("2026-05-04/10"…). Exactly one set
# covers any digest on a day. A part starts with about half of TOKEN_SPLIT_AT tokens and
# never with fewer than TOKEN_PART_MIN, so a set never ties its newest response to a
# handful of tokens. Parts let submissions that spend different parts commit side by
# side (one set per day made every commit of the day wait for the one before it to
# reach the disk), and keep each rewrite small however busy the day. 120 is the most
# for which a full set (121 entries of 33 characters under a 32-character scope: a
# 4,072-byte row) and the version before it share one 8 kB page, so PostgreSQL writes a
# spend beside the set's current version (a HOT update, see migration 0019) instead of
# on another page with a new index entry; at 160 every rewrite of a set past 4 kB moved.
TOKEN_SPLIT_AT = 120
TOKEN_PART_MIN = 40
# 2 ** 21 parts of up to TOKEN_SPLIT_AT tokens, within the 32 characters of a scope.
TOKEN_PART_DEPTH = 21
_DAY = len("2026-05-04")


def digest_bits(digest: str) -> str:
    """Return a digest as the string of its bits, which choose the part of a split set."""
    return format(int(digest, 16), f"0{len(digest) * 4}b")


# Whether a token set holds the digest `%(needle)s`, by reading every set's scope: only
# the sets that cover it are read (a whole day's set, or a part whose bits begin the
# digest's, `%(bits)s`); the others are skipped by their scope alone (CASE decides
# first). SQLite only: PostgreSQL finds the covering sets by index.
HOLDS_DIGEST = (
    "CASE WHEN length(scope) = 10 OR substr(%(bits)s, 1, length(scope) - 11) = substr(scope, 12)"
    " THEN entries LIKE %(pattern)s ELSE FALSE END"
)

# Every day from the first to the last that has token sets before `%(until)s`: two index
# probes, then the calendar (a day without sets costs one probe that finds nothing). The
# purge keeps no more than the retention period (90 days); finding only the days that
# have sets, one probe each (a loose index scan), cost twice as much per lookup. Scopes
# compare byte by byte ("C"), as the index `spent_set_scope_bytes` orders them; the
# database's collation need not. To be named after WITH.
SPENT_DAYS = """
token_days(day) AS (
    SELECT to_char(day, 'YYYY-MM-DD') FROM generate_series(
        (SELECT left(scope, 10) FROM surveys_spentset
         WHERE kind = %(kind)s AND scope COLLATE "C" < %(until)s
         ORDER BY scope COLLATE "C" LIMIT 1)::date,
        (SELECT left(scope, 10) FROM surveys_spentset
         WHERE kind = %(kind)s AND scope COLLATE "C" < %(until)s
         ORDER BY scope COLLATE "C" DESC LIMIT 1)::date,
        interval '1 day'
    ) AS day
)
"""

# Whether a set of one of `token_days` holds the digest: a day's scopes are the day
# alone (unsplit) or form a prefix code of bits, so the one set covering the digest is
# the greatest scope from `day` to `day/<its bits>`: one backward index probe a day,
# whatever the number of sets (O(days), not O(sets)), and one set read a day.
ANY_DAY_HOLDS_DIGEST = """EXISTS (
    SELECT 1 FROM token_days, LATERAL (
        SELECT covering.entries FROM surveys_spentset AS covering
        WHERE covering.kind = %(kind)s
          AND covering.scope COLLATE "C" >= token_days.day
          AND covering.scope COLLATE "C" <= token_days.day || '/' || %(bits)s
        ORDER BY covering.scope COLLATE "C" DESC LIMIT 1
    ) AS covering
    WHERE strpos(covering.entries, %(needle)s) > 0
)"""
SPENT_BEFORE_SQL = f"WITH {SPENT_DAYS} SELECT {ANY_DAY_HOLDS_DIGEST}"  # noqa: S608

# Sorts after every ISO day, byte by byte: `until` for "every day".
_EVERY_DAY = "~"


def holds_digest_parameters(digest: str, *, before: str | None = None) -> dict:
    """Return the parameters of `ANY_DAY_HOLDS_DIGEST` (and `HOLDS_DIGEST`) for one digest.

    With `before` (an ISO day), only the sets of earlier days are read.
    """
    return {
        "kind": SpentSet.Kind.TOKENS,
        "until": before or _EVERY_DAY,
        "bits": digest_bits(digest),
        "needle": f"\n{digest}\n",
        "pattern": f"%\n{digest}\n%",
    }


def covering_scopes(day: str, digest: str) -> list[str]:
    """Return the scopes of `day`'s token sets that could hold `digest`, widest first."""
    bits = digest_bits(digest)
    return [day] + [f"{day}/{bits[:length]}" for length in range(1, TOKEN_PART_DEPTH + 1)]


def token_was_spent(*, token, before=None) -> bool:
    """Say whether a submission with this one-time token is stored already.

    With `before` (an ISO day), look only in the sets of earlier days.
    """
    parameters = holds_digest_parameters(token_digest(token), before=before)
    if connection.vendor == "postgresql":
        return fetch_one_prepared(SPENT_BEFORE_SQL, parameters)[0]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM surveys_spentset WHERE kind = %(kind)s "  # noqa: S608
            f"AND scope < %(until)s AND {HOLDS_DIGEST} LIMIT 1",
            parameters,
        )
        return cursor.fetchone() is not None


# One round trip for the usual spend: lock the sets of yesterday and today that cover the
# digest (in that order), and unless either holds it, write today's again with it, sorted,
# in SQL (so the set never travels to Python and back). No row comes back when the digest
# was there, or no set of today covers it yet (the first spend of the day, or a split that
# committed while this waited); `_spend_slowly` then sorts out which. `SPEND_CTES` names
# the written set `spent` (id, length), for a statement that stores more with it.
def spend_ctes(*, only_if: str = "") -> str:
    """Return `SPEND_CTES`, writing the set only if the SQL condition `only_if` holds too.

    `only_if` may name CTEs the caller puts before these (see `surveys.services.responses`).
    """
    guard = f"      AND ({only_if})\n" if only_if else ""
    return _SPEND_CTES.replace("{guard}", guard)


_SPEND_CTES = """
locked AS MATERIALIZED (
    SELECT id, scope, strpos(entries, %(needle)s) > 0 AS has_it
    FROM surveys_spentset
    WHERE kind = %(kind)s AND scope = ANY(%(scopes)s)
    ORDER BY scope
    FOR UPDATE
),
spent AS (
    UPDATE surveys_spentset AS spent
    SET entries = (
        SELECT E'\\n' || string_agg(entry, E'\\n' ORDER BY entry COLLATE "C") || E'\\n'
        FROM unnest(string_to_array(spent.entries || %(digest)s, E'\\n')) AS entry
        WHERE entry <> ''
    )
    FROM locked
    WHERE spent.id = locked.id
      AND left(locked.scope, %(day_length)s) = %(today)s
      AND NOT EXISTS (SELECT 1 FROM locked AS seen WHERE seen.has_it)
{guard}    RETURNING spent.id, length(spent.entries) AS length
)
"""
SPEND_CTES = spend_ctes()
SPEND_SQL = f"WITH {SPEND_CTES} SELECT id, length FROM spent"  # noqa: S608 - constant text


def is_full(length: int) -> bool:
    """Say whether a set of tokens this many characters long should be split."""
    return length > TOKEN_SPLIT_AT * (DIGEST_LENGTH + 1)


def spend_token_parameters(*, digest: str, today: datetime.date) -> dict:
    """Return the parameters of `SPEND_SQL` for one digest spent on `today`."""
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    return {
        "kind": SpentSet.Kind.TOKENS,
        "needle": f"\n{digest}\n",
        "digest": digest,
        "scopes": covering_scopes(yesterday, digest) + covering_scopes(today.isoformat(), digest),
        "day_length": _DAY,
        "today": today.isoformat(),
    }


def spend_token(*, token, earlier_days_checked: bool = False) -> bool:
    """Add a token to today's sets; return False, adding nothing, if it was spent before.

    Yesterday's covering set is locked with today's: a double submit across midnight
    waits for the other one's commit and then sees its token. Older days' sets no longer
    change, so they are read before the locks (or, with `earlier_days_checked`, the
    caller has just done so), and the locks are then held as briefly as can be.
    """
    digest = token_digest(token)
    today = timezone.localdate()
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    if not earlier_days_checked and token_was_spent(token=token, before=yesterday):
        return False
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(SPEND_SQL, spend_token_parameters(digest=digest, today=today))
            spent = cursor.fetchone()
        if spent is not None:
            set_id, length = spent
            if is_full(length):
                split_token_set(set_id=set_id)
            return True
    return _spend_slowly(digest, yesterday, today.isoformat())


def _spend_slowly(digest: str, yesterday: str, today: str) -> bool:
    scopes = covering_scopes(yesterday, digest) + covering_scopes(today, digest)
    tokens = SpentSet.objects.filter(kind=SpentSet.Kind.TOKENS)
    # A split that commits between two reads replaces the set read first; read again.
    for _attempt in range(5):
        rows = list(tokens.select_for_update().filter(scope__in=scopes).order_by("scope"))
        if any(digest in row for row in rows):
            return False
        todays = [row for row in rows if row.scope[:_DAY] == today]
        if todays:
            _add(todays[0], digest)
            if is_full(len(todays[0].entries)):
                split_token_set(set_id=todays[0].pk)
            return True
        if not tokens.filter(scope__startswith=today).exists():
            # Two first spends of a day may race to create the set: one insert wins.
            tokens.bulk_create(
                [SpentSet(kind=SpentSet.Kind.TOKENS, scope=today)], ignore_conflicts=True
            )
    raise RuntimeError("No set of spent tokens covers this token; it was not stored.")


def split_token_set(*, set_id: int) -> bool:
    """Split a full set of one day's tokens in two by the next bit; say whether it was.

    Runs in a transaction that holds or takes the set's lock; both parts are written by
    it, so every token in them shares one transaction id, as in any spend. A split that
    would leave a part with fewer than `TOKEN_PART_MIN` tokens waits for more tokens.
    """
    row = SpentSet.objects.select_for_update().filter(pk=set_id).first()
    if row is None:
        return False
    day, _slash, prefix = row.scope.partition("/")
    if len(prefix) >= TOKEN_PART_DEPTH:
        return False
    parts: dict[str, list[str]] = {"0": [], "1": []}
    for entry in row.entries.split():
        parts[digest_bits(entry)[len(prefix)]].append(entry)
    if min(len(entries) for entries in parts.values()) < TOKEN_PART_MIN:
        return False
    SpentSet.objects.bulk_create(
        SpentSet(
            kind=SpentSet.Kind.TOKENS,
            scope=f"{day}/{prefix}{bit}",
            entries="\n" + "".join(f"{entry}\n" for entry in sorted(entries)),
        )
        for bit, entries in parts.items()
    )
    row.delete()
    return True


def forget_tokens(tokens) -> None:
    """Take tokens out of every day's sets (the benchmark cleans up after itself).

    A day whose sets were split is laid out again from the tokens it keeps: one set, split
    only as far as `split_token_set` would, so no part is left with a handful of tokens.
    """
    digests = {token_digest(token) for token in tokens}
    with transaction.atomic():
        rows = list(SpentSet.objects.select_for_update().filter(kind=SpentSet.Kind.TOKENS))
        days: dict[str, list[SpentSet]] = {}
        for row in rows:
            days.setdefault(row.scope[:_DAY], []).append(row)
        for day, sets in days.items():
            kept = sorted({entry for row in sets for entry in row.entries.split()} - digests)
            SpentSet.objects.filter(pk__in=[row.pk for row in sets]).delete()
            whole = SpentSet.objects.create(
                kind=SpentSet.Kind.TOKENS,
                scope=day,
                entries="\n" + "".join(f"{entry}\n" for entry in kept),
            )
            _split_while_full([whole])


def _split_while_full(sets: list[SpentSet]) -> None:
    while sets:
        row = sets.pop()
        if is_full(len(row.entries)) and split_token_set(set_id=row.pk):
            stem = row.scope if "/" in row.scope else f"{row.scope}/"
            sets += SpentSet.objects.filter(
                kind=SpentSet.Kind.TOKENS, scope__in=[f"{stem}0", f"{stem}1"]
            )
