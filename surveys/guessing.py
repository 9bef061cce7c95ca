"""Count wrong access codes per device, knowing the device only by a passing hash.

The client address is hashed with a key of the day derived from `SECRET_KEY` in each
process (an HMAC of the date), never stored anywhere: whoever reads the cache, the
database or the logs cannot recompute a hash from a list of addresses without the
secret key, and a hash means nothing the next day. The address itself is never kept
or logged. Counters live in Redis or, without it, in the database (`surveys.counters`).
"""

import hmac
from hashlib import sha256

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from surveys import counters

_HOUR = 60 * 60
DAILY_SALT = "surveys.guessing.daily-key"


def _daily_key() -> bytes:
    return salted_hmac(DAILY_SALT, f"{timezone.now():%Y-%m-%d}").digest()


def client_address(request) -> str:
    """Return the address the request came from, seen through our trusted proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so
    with `PART_TRUSTED_PROXIES` = n the client is the n-th entry from the right. Entries
    further left were written by the client and prove nothing. With 0 (no proxy) the
    header is ignored and the socket's address counts.
    """
    address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.PART_TRUSTED_PROXIES
    if trusted <= 0:
        return address
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < trusted:
        # Fewer hops than proxies: the request skipped a proxy; trust only the socket.
        return address
    return forwarded[-trusted]


def client_key(request) -> str:
    """Return today's hash of the device that sent `request`."""
    return hmac.new(_daily_key(), client_address(request).encode(), sha256).hexdigest()


def _counter(client: str) -> str:
    return f"surveys:guessing:wrong:{client}:{timezone.now():%Y-%m-%d-%H}"


def is_blocked(client: str) -> bool:
    """Say whether this device has used up its wrong guesses for the hour."""
    name = _counter(client)
    return counters.read([name])[name] >= settings.PART_ACCESS_CODE_ATTEMPTS_PER_HOUR


def count_wrong_guess(client: str) -> None:
    """Count one wrong code against this device for the current hour."""
    counters.increment([_counter(client)], timeout=_HOUR)
