"""Make and spend the printed single-use access codes."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from surveys import codes, guessing
from surveys.models import AccessCode, Wave
from surveys.services import spent_sets

# The most codes one order may hold: a term's cards for one venue (500 A4 pages).
MAX_CODES_PER_BATCH = 5000

MESSAGES = {
    "missing": _("This survey needs the access code from your card."),
    "malformed": _(
        "This is not an access code. A code has 12 letters and digits, like K7QM-4TXW-9HRV."
    ),
    "typo": _("This code has a typo. Please compare it with your card once more."),
    "unknown": _("This code does not exist. Please compare it with your card once more."),
    "other_wave": _("This code belongs to another survey."),
    "spent": _("This code was already used. Each code works only once."),
    "expired": _("This code has expired. Please ask the youth workers for a new card."),
    "too_many": _(
        "Too many wrong codes were tried from this device. Please wait an hour and try again."
    ),
}


class AccessCodeRefused(Exception):
    """A code cannot be used; `message` tells the person why, in their language."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
        self.message = MESSAGES[reason]

    @property
    def is_guess(self) -> bool:
        """Say whether the code matched none at all, so it counts as a wrong guess."""
        return self.reason in {"malformed", "typo", "unknown"}


def draw_codes(count: int) -> list[str]:
    """Return `count` different new codes in plain text, grouped for printing."""
    if not 1 <= count <= MAX_CODES_PER_BATCH:
        raise ValueError(f"count must be between 1 and {MAX_CODES_PER_BATCH}")
    plain: set[str] = set()
    while len(plain) < count:
        plain.add(codes.make_code())
    return sorted(plain)


def store_access_codes(
    *, wave: Wave, venue: str, plain: list[str], batch=None, expires_on=None
) -> None:
    """Store the hashes of `plain` codes for `wave` at `venue`, all or none.

    Raises `IntegrityError` if one collides with an older code (about 1 in 10^12 per
    code); the caller draws the batch again.
    """
    rows = [
        AccessCode(
            wave=wave,
            venue=venue,
            batch=batch,
            expires_on=expires_on,
            digest=codes.digest(codes.normalise(code)),
        )
        for code in plain
    ]
    with transaction.atomic():
        AccessCode.objects.bulk_create(rows, batch_size=1000)


def generate_access_codes(*, wave: Wave, venue: str, count: int, expires_on=None) -> list[str]:
    """Store `count` new codes for `wave` at `venue` and return them in plain text, once."""
    while True:
        plain = draw_codes(count)
        try:
            store_access_codes(wave=wave, venue=venue, plain=plain, expires_on=expires_on)
        except IntegrityError:
            continue  # collides with an older code: vanishingly rare, and harmless to redraw
        return plain


def find_access_code(*, typed: str, client: str, wave: Wave | None = None) -> AccessCode:
    """Return the unspent code someone typed, or raise `AccessCodeRefused`.

    Wrong guesses count against `client` (see `surveys.guessing`); a device past its
    limit is refused before its code is even looked at.
    """
    if guessing.is_blocked(client):
        raise AccessCodeRefused("too_many")
    try:
        code = codes.normalise(typed)
    except codes.CodeFormatError as problem:
        guessing.count_wrong_guess(client)
        raise AccessCodeRefused(problem.reason) from None
    found = AccessCode.objects.select_related("wave").filter(digest=codes.digest(code)).first()
    if found is None:
        guessing.count_wrong_guess(client)
        raise AccessCodeRefused("unknown")
    if wave is not None and found.wave_id != wave.pk:
        raise AccessCodeRefused("other_wave")
    if found.is_spent:
        raise AccessCodeRefused("spent")
    if found.expires_on is not None and found.expires_on < timezone.localdate():
        raise AccessCodeRefused("expired")
    return found


def spend_access_code(*, wave: Wave, typed: str) -> None:
    """Mark a code spent, or raise `AccessCodeRefused`; call last in the submit transaction.

    The code's row is never written: its id joins the wave's set of spent codes (see
    `surveys.services.spent_sets`), whose row lock makes the second of two submissions
    racing with one code wait for the first to commit and then find the code spent.
    """
    try:
        digest = codes.digest(codes.normalise(typed))
    except codes.CodeFormatError as problem:
        raise AccessCodeRefused(problem.reason) from None
    found = AccessCode.objects.filter(digest=digest).values("pk", "wave_id", "expires_on").first()
    if found is None:
        raise AccessCodeRefused("unknown")
    if found["wave_id"] != wave.pk:
        raise AccessCodeRefused("other_wave")
    spent, row = spent_sets.is_code_spent_locked(wave_id=wave.pk, code_id=found["pk"])
    if spent:
        raise AccessCodeRefused("spent")
    if found["expires_on"] is not None and found["expires_on"] < timezone.localdate():
        raise AccessCodeRefused("expired")
    spent_sets.add_spent_code(row, code_id=found["pk"])
