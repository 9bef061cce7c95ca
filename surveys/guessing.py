"""Count wrong access codes per device, knowing the device only by a passing hash.

The IP address is hashed with a secret made each day and kept only in the cache (never
in the database or a log), so yesterday's hashes cannot be recomputed from a list of
addresses, and nothing here outlives two days.
"""

import hmac
import secrets
from hashlib import sha256

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

_DAY = 60 * 60 * 24
_HOUR = 60 * 60


def _daily_secret() -> str:
    key = f"surveys:guessing:secret:{timezone.now():%Y-%m-%d}"
    secret = cache.get(key)
    if secret is None:
        cache.add(key, secrets.token_hex(32), timeout=2 * _DAY)
        secret = cache.get(key)
    return secret


def client_key(request) -> str:
    """Return today's hash of the device that sent `request`."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(_daily_secret().encode(), address.encode(), sha256).hexdigest()


def _counter(client: str) -> str:
    return f"surveys:guessing:wrong:{client}:{timezone.now():%Y-%m-%d-%H}"


def is_blocked(client: str) -> bool:
    """Say whether this device has used up its wrong guesses for the hour."""
    return (cache.get(_counter(client)) or 0) >= settings.PART_ACCESS_CODE_ATTEMPTS_PER_HOUR


def count_wrong_guess(client: str) -> None:
    """Count one wrong code against this device for the current hour."""
    key = _counter(client)
    cache.add(key, 0, timeout=_HOUR)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=_HOUR)
