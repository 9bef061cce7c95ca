"""Spend single-use things so that nothing in the database dates or orders the spending.

A spent access code or submission token is an entry in a `SpentSet`: one row per wave
(codes) or per day (tokens). Adding an entry locks that row and writes it again with all
its entries sorted, so after each spend every entry shares one transaction id and one
physical place; neither says which entry came with which response. Call these last in
the submitting transaction: the row lock serialises spends of one wave or day, and is
held only until that transaction commits.
"""

import datetime
import hmac
from hashlib import sha256

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from surveys.models import SpentSet


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


def token_digest(token) -> str:
    """Return the keyed digest under which a submission token is kept (never the token)."""
    key = sha256(f"surveys.submission-tokens:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, str(token).encode(), sha256).hexdigest()[:32]


def token_was_spent(*, token, before=None) -> bool:
    """Say whether a submission with this one-time token is stored already.

    With `before` (an ISO day), look only in the sets of earlier days.
    """
    sets = SpentSet.objects.filter(kind=SpentSet.Kind.TOKENS)
    if before is not None:
        sets = sets.filter(scope__lt=before)
    return sets.filter(entries__contains=f"\n{token_digest(token)}\n").exists()


# One round trip for the usual spend: lock yesterday's and today's sets (in that order),
# and unless either holds the digest, write today's again with it, sorted, in SQL (so the
# growing set never travels to Python and back). No row comes back when the digest was
# there or today's set does not exist yet; `_spend_slowly` then sorts out which.
_SPEND = """
WITH locked AS MATERIALIZED (
    SELECT id, scope, strpos(entries, %(needle)s) > 0 AS has_it
    FROM surveys_spentset
    WHERE kind = %(kind)s AND scope IN (%(yesterday)s, %(today)s)
    ORDER BY scope
    FOR UPDATE
)
UPDATE surveys_spentset AS spent
SET entries = (
    SELECT E'\\n' || string_agg(entry, E'\\n' ORDER BY entry COLLATE "C") || E'\\n'
    FROM unnest(string_to_array(spent.entries || %(digest)s, E'\\n')) AS entry
    WHERE entry <> ''
)
FROM locked
WHERE spent.id = locked.id
  AND locked.scope = %(today)s
  AND NOT EXISTS (SELECT 1 FROM locked AS seen WHERE seen.has_it)
RETURNING spent.id
"""


def spend_token(*, token, earlier_days_checked: bool = False) -> bool:
    """Add a token to today's set; return False, adding nothing, if it was spent before.

    One set per day, not several: a set holding few tokens would tie its newest response
    to them. Yesterday's set is locked with today's: a double submit across midnight
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
            cursor.execute(
                _SPEND,
                {
                    "kind": SpentSet.Kind.TOKENS,
                    "needle": f"\n{digest}\n",
                    "digest": digest,
                    "yesterday": yesterday,
                    "today": today.isoformat(),
                },
            )
            if cursor.fetchone() is not None:
                return True
    return _spend_slowly(digest, yesterday, today.isoformat())


def _spend_slowly(digest: str, yesterday: str, today: str) -> bool:
    recent = _locked_days(yesterday, today)
    if any(digest in row for row in recent):
        return False
    _add(recent[-1], digest)
    return True


def _locked_days(yesterday: str, today: str) -> list[SpentSet]:
    """Lock yesterday's (if any) and today's token sets, in that order; today's last."""
    sets = SpentSet.objects.select_for_update().filter(kind=SpentSet.Kind.TOKENS)
    rows = list(sets.filter(scope__in=[yesterday, today]).order_by("scope"))
    if not rows or rows[-1].scope != today:
        rows = [*rows, _locked(kind=SpentSet.Kind.TOKENS, scope=today)]
    return rows


def forget_tokens(tokens) -> None:
    """Take tokens out of every day's set (the benchmark cleans up after itself)."""
    digests = {token_digest(token) for token in tokens}
    with transaction.atomic():
        for row in SpentSet.objects.select_for_update().filter(kind=SpentSet.Kind.TOKENS):
            kept = sorted(set(row.entries.split()) - digests)
            row.entries = "\n" + "".join(f"{item}\n" for item in kept)
            row.save(update_fields=["entries"])
