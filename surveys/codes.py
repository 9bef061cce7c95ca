"""The printed access codes: their alphabet, check character and keyed hash.

A code is 11 random characters and one check character, printed in three groups of
four (`K7QM-4TXW-9HRV`). The alphabet leaves out the look-alikes 0/O and 1/I/L, so it
has 31 characters: 11 of them carry 11 × log2(31) ≈ 54.5 bits. With 10,000 valid codes
one guess hits with a chance of 10^4 / 2^54.5 ≈ 4 × 10^-13. At the rate limit of 20
wrong guesses an hour, a million devices guessing for a year (1.75 × 10^11 guesses)
would expect to find fewer than 0.1 codes.

Because 31 is prime, a check character from a position-weighted sum modulo 31 catches
every single mistyped character and every swap of two neighbours.
"""

import hmac
import secrets
from hashlib import sha256

from django.conf import settings

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RANDOM_LENGTH = 11
GROUP = 4
LENGTH = RANDOM_LENGTH + 1
_VALUE = {character: position for position, character in enumerate(ALPHABET)}


class CodeFormatError(ValueError):
    """The typed text cannot be a code; `reason` is "malformed" or "typo"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _check_character(body: str) -> str:
    total = sum((weight + 1) * _VALUE[character] for weight, character in enumerate(body))
    return ALPHABET[-total % len(ALPHABET)]


def make_code() -> str:
    """Return a new random code, grouped for printing."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return group(body + _check_character(body))


def group(code: str) -> str:
    """Return a normalised code in groups of four, as printed on a card."""
    return "-".join(code[start : start + GROUP] for start in range(0, len(code), GROUP))


def normalise(typed: str) -> str:
    """Return the code in `typed` without spaces or dashes, or raise `CodeFormatError`."""
    code = "".join(typed.split()).replace("-", "").upper()
    if len(code) != LENGTH or any(character not in _VALUE for character in code):
        raise CodeFormatError("malformed")
    if _check_character(code[:-1]) != code[-1]:
        raise CodeFormatError("typo")
    return code


def digest(code: str) -> str:
    """Return the keyed hash under which a normalised code is stored."""
    key = sha256(f"surveys.access-codes:{settings.PART_ACCESS_CODE_KEY}".encode()).digest()
    return hmac.new(key, code.encode(), sha256).hexdigest()
