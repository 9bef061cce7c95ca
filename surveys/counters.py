"""Counters behind the protections: in Redis when there is one, else in the database.

`PART_COUNTER_STORE` says where counters live: "cache" (Redis in production, one
round trip per submission) or "database" (the embedded default without Redis, so
that every web process sees the same count). While Redis is unreachable the "cache"
store falls back to the database rather than reading zero: a protection that counts
keeps counting through an outage (see README, "When Redis or PostgreSQL is down").
"""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from surveys.models import ProtectionCounter


class _NeverRaised(Exception):
    pass


def _unavailable():
    # The Redis cache (config.cache) names what it raises when Redis is unreachable.
    return getattr(cache, "Unavailable", _NeverRaised)


def increment(names: list[str], *, timeout: int) -> dict[str, int]:
    """Add one to each named counter and return the new counts.

    A counter that did not exist starts at one and is forgotten after `timeout` seconds.
    """
    if not names:
        return {}
    if settings.PART_COUNTER_STORE == "cache":
        try:
            return _increment_in_cache(names, timeout=timeout)
        except _unavailable():
            pass
    return _increment_in_database(names, timeout=timeout)


def read(names: list[str]) -> dict[str, int]:
    """Return the current count of each named counter (0 for one never counted)."""
    if settings.PART_COUNTER_STORE == "cache":
        try:
            return _read_from_cache(names)
        except _unavailable():
            pass
    found = dict(
        ProtectionCounter.objects.filter(name__in=names, expires_at__gt=timezone.now()).values_list(
            "name", "count"
        )
    )
    return {name: found.get(name, 0) for name in names}


# Redis (or any other Django cache, as in tests) -------------------------------------------


def _increment_in_cache(names, *, timeout):
    if hasattr(cache, "increment_many"):  # Redis: one round trip, raises when unreachable
        return cache.increment_many(names, timeout=timeout)
    counts = {}
    for name in names:
        if cache.add(name, 1, timeout=timeout):
            counts[name] = 1
        else:
            try:
                counts[name] = cache.incr(name)
            except ValueError:  # expired between the two calls
                cache.set(name, 1, timeout=timeout)
                counts[name] = 1
    return counts


def _read_from_cache(names):
    if hasattr(cache, "read_many"):
        return cache.read_many(names)
    found = cache.get_many(names)
    return {name: int(found.get(name) or 0) for name in names}


# Database: the embedded default, and the fallback while Redis is unreachable ---------------

_TABLE = ProtectionCounter._meta.db_table
SWEEP_SECONDS = 60
_last_sweep = 0.0


def _increment_in_database(names, *, timeout):
    now = timezone.now()
    expires_at = now + datetime.timedelta(seconds=timeout)
    table = connection.ops.quote_name(_TABLE)
    rows = ", ".join(["(%s, 1, %s)"] * len(names))
    values = []
    for name in names:
        values += [name, connection.ops.adapt_datetimefield_value(expires_at)]
    # One statement for all counters; ON CONFLICT ... RETURNING works on PostgreSQL and
    # SQLite (3.35+). An expired row starts again at one.
    sql = (
        f"INSERT INTO {table} (name, count, expires_at) VALUES {rows} "  # noqa: S608 - our table
        f"ON CONFLICT (name) DO UPDATE SET "
        f"count = CASE WHEN {table}.expires_at > %s THEN {table}.count + 1 ELSE 1 END, "
        f"expires_at = CASE WHEN {table}.expires_at > %s THEN {table}.expires_at "
        f"ELSE excluded.expires_at END "
        f"RETURNING name, count"
    )
    stamp = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, stamp, stamp])
        counts = dict(cursor.fetchall())
    global _last_sweep
    if time.monotonic() - _last_sweep > SWEEP_SECONDS:
        # Counters of past windows are of no use; one process clears them now and then.
        _last_sweep = time.monotonic()
        ProtectionCounter.objects.filter(expires_at__lt=now).delete()
    return counts
