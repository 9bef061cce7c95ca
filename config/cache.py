"""A Redis cache that fails open: unreachable Redis is a cache miss, never an error.

Every page, the API and Wagtail's own lookups read the cache; none of them may fail
because Redis is gone (DESIGN.md, invariants). When a call cannot reach Redis the
cache answers as if it were empty, drops writes, logs one warning and leaves Redis
alone for `PART_CACHE_RETRY_SECONDS`, so a request never waits on a dead server more
than once per interval. The first call that succeeds again logs that Redis is back.

Counters that protect something (bursts, code guessing, used puzzles) must not
silently read zero: they call `increment_many` and `read_many`, which raise
`CacheUnavailable` (also `cache.Unavailable`) so the caller can fall back to the
database (see `surveys.counters`).
"""

import logging
import threading
import time

import redis
from django.conf import settings
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("config.cache")

# What "Redis is unreachable" looks like to redis-py (refused, reset, timed out, loading).
UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class CacheUnavailable(Exception):
    """Redis could not be reached just now (or was given up on a moment ago)."""


class RedisOutage:
    """Remember, per process, that Redis failed, and say when to try it again."""

    def __init__(self):
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._is_down = False

    def skip(self) -> bool:
        """Say whether Redis failed so recently that it should not be tried now."""
        return self._is_down and time.monotonic() < self._down_until

    def failed(self, error: Exception) -> None:
        """Note a failure; log one warning when Redis goes from reachable to unreachable."""
        retry = getattr(settings, "PART_CACHE_RETRY_SECONDS", 5)
        with self._lock:
            was_down, self._is_down = self._is_down, True
            self._down_until = time.monotonic() + retry
        if not was_down:
            logger.warning(
                "Redis is unreachable (%s); the cache answers empty and counters use the "
                "database until it is back (next try in %s s).",
                error.__class__.__name__,
                retry,
            )

    def succeeded(self) -> None:
        if self._is_down:
            with self._lock:
                was_down, self._is_down = self._is_down, False
            if was_down:
                logger.warning("Redis is reachable again; the cache is back in use.")

    def call(self, operation, *args, **kwargs):
        """Run one Redis operation, or raise `CacheUnavailable`."""
        if self.skip():
            raise CacheUnavailable
        try:
            result = operation(*args, **kwargs)
        except UNREACHABLE as error:
            self.failed(error)
            raise CacheUnavailable from error
        self.succeeded()
        return result


# One per process: the page cache and the counters see the same outage.
outage = RedisOutage()


def _fail_open(default):
    def wrap(method):
        def run(self, *args, **kwargs):
            try:
                return outage.call(method, self, *args, **kwargs)
            except CacheUnavailable:
                return default(*args, **kwargs) if callable(default) else default

        run.__name__ = method.__name__
        run.__doc__ = method.__doc__
        return run

    return wrap


def _missing(*args, **kwargs):
    raise ValueError("Key not found (the cache is unreachable).")


def _default_argument(key, default=None, *args, **kwargs):
    return default


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while Redis is unreachable."""

    get = _fail_open(_default_argument)(RedisCache.get)
    get_many = _fail_open({})(RedisCache.get_many)
    has_key = _fail_open(False)(RedisCache.has_key)
    # A write that cannot happen is a write the cache forgot: harmless for a cache.
    set = _fail_open(None)(RedisCache.set)
    set_many = _fail_open([])(RedisCache.set_many)
    add = _fail_open(False)(RedisCache.add)
    touch = _fail_open(False)(RedisCache.touch)
    delete = _fail_open(False)(RedisCache.delete)
    delete_many = _fail_open(None)(RedisCache.delete_many)
    clear = _fail_open(False)(RedisCache.clear)
    incr = _fail_open(_missing)(RedisCache.incr)
    decr = _fail_open(_missing)(RedisCache.decr)

    Unavailable = CacheUnavailable
    _counter_client = None

    def increment_many(self, names: list[str], *, timeout: int) -> dict[str, int]:
        """Add one to each counter in one round trip, or raise `CacheUnavailable`.

        A missing counter is made with its expiry first, so it never outlives `timeout`.
        """
        return outage.call(self._increment_many, names, timeout=timeout)

    def read_many(self, names: list[str]) -> dict[str, int]:
        """Return each counter's value (0 if missing), or raise `CacheUnavailable`."""
        found = outage.call(RedisCache.get_many, self, names)
        return {name: int(found.get(name) or 0) for name in names}

    def _increment_many(self, names, *, timeout):
        keys = [self.make_and_validate_key(name) for name in names]
        if self._counter_client is None:
            # One client for the counters, kept: every answer counts, and Django's cache
            # builds a new client object for each call.
            self._counter_client = self._cache.get_client(write=True)
        pipeline = self._counter_client.pipeline(transaction=False)
        for key in keys:
            pipeline.set(key, 0, ex=timeout, nx=True)
            pipeline.incr(key)
        results = pipeline.execute()
        return {name: int(results[2 * index + 1]) for index, name in enumerate(names)}
