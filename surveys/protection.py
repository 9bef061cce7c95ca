"""Keep open waves free of bots without knowing who anyone is.

Four layers, cheapest first: a honeypot field that people never see; a minimum time
to fill, signed into the form when the survey starts; a count of submissions per device
(a hash of the IP address with a key of the day, see `surveys.guessing`) and per wave;
and, once a burst crosses a threshold, a proof-of-work puzzle (ALTCHA) that the browser
solves with our own script, harder the bigger the burst. Counters live in Redis, or in
the database without it (`surveys.counters`); nothing here writes a log, and the IP
address itself is never kept.
"""

import dataclasses
import datetime
import math
import time
import uuid

import altcha
from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from surveys import counters, guessing

HONEYPOT_FIELD = "homepage"
START_FIELD = "started"
CHALLENGE_FIELD = "altcha"
START_SALT = "surveys.protection.started"
# The SHA-256 puzzle of ALTCHA's widget; the difficulty is the key prefix (see settings).
CHALLENGE_ALGORITHM = "SHA-256"
# Languages whose widget texts are vendored (English is built in).
CHALLENGE_LANGUAGES = {"de", "tr", "ar", "ro", "bg", "pl", "uk"}

MESSAGES = {
    "honeypot": _(
        "A field that must stay empty was filled in, so your answers were not stored. "
        "If you use a form filler, please switch it off for this page and start again."
    ),
    "forged": _(
        "This form has been changed or is incomplete, so your answers were not stored. "
        "Please start the survey again."
    ),
    "too_fast": _(
        "That was very fast. Please check your answers once more and then send them again."
    ),
    "challenge_needed": _(
        "Very many answers are arriving right now. Before we store yours, your browser "
        "solves a short check on its own. This page needs JavaScript for that; if it is "
        "switched off, please try again later."
    ),
    "challenge_bad": _("The short check did not work. Please send your answers again."),
    "challenge_replayed": _(
        "This check has been used already. Please wait for a new check and send again."
    ),
    "tablet_limit": _(
        "This tablet has sent very many answers in a short time. The answers stay saved "
        "on the tablet; please try again in a few minutes."
    ),
}


class SubmissionRefused(Exception):
    """A submission is not stored; `message` says why in the person's language."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
        self.message = MESSAGES[reason]

    @property
    def asks_to_resend(self) -> bool:
        """Say whether the same answers may simply be checked and sent again."""
        return self.reason in {
            "too_fast",
            "challenge_needed",
            "challenge_bad",
            "challenge_replayed",
        }


# Honeypot and time to fill ------------------------------------------------------------


def check_honeypot(post) -> None:
    """Refuse a form whose hidden honeypot field holds anything."""
    if post.get(HONEYPOT_FIELD, ""):
        raise SubmissionRefused("honeypot")


def sign_start(*, token: uuid.UUID) -> str:
    """Return the start stamp of one runner form, tied to its one-time token."""
    return signing.TimestampSigner(salt=START_SALT).sign(token.hex)


def check_fill_time(stamp: str, *, token: uuid.UUID) -> None:
    """Refuse a forged start stamp, or answers sent sooner than people can read them.

    `PART_MIN_FILL_SECONDS = 0` switches the check off.
    """
    minimum = settings.PART_MIN_FILL_SECONDS
    if minimum <= 0:
        return
    signer = signing.TimestampSigner(salt=START_SALT)
    try:
        signed_token = signer.unsign(stamp or "")
    except signing.BadSignature:
        raise SubmissionRefused("forged") from None
    if signed_token != token.hex:
        raise SubmissionRefused("forged")
    try:
        signer.unsign(stamp, max_age=datetime.timedelta(seconds=minimum))
    except signing.SignatureExpired:
        return  # older than the minimum: a person had time to read
    raise SubmissionRefused("too_fast")


# Bursts: counted per device hash and per wave (Redis, else the database) ---------------


def _window() -> int:
    return int(time.time()) // settings.PART_BURST_WINDOW_SECONDS


def _count_key(kind: str, owner) -> str:
    return f"surveys:burst:{kind}:{owner}:{_window()}"


def _share(count: int, threshold: int) -> float:
    # A threshold of 0 asks everyone for the puzzle, from the first submission on.
    return count / threshold if threshold > 0 else count + 1.0


@dataclasses.dataclass(frozen=True)
class Burst:
    """How many submissions a device and a wave sent in this window, before this one."""

    device: int
    wave: int

    @property
    def level(self) -> float:
        """Return how many times over its threshold the busier of the two counts is."""
        return max(
            _share(self.device, settings.PART_BURST_PER_DEVICE),
            _share(self.wave, settings.PART_BURST_PER_WAVE),
        )

    @property
    def needs_challenge(self) -> bool:
        return self.level >= 1


def count_submission(*, client: str, wave_id: int, kind: str = "device") -> Burst:
    """Count one submission against a device hash (`kind` "device" or "tablet") and a wave.

    Return the counts as they were before this submission, read in the same round trip.
    """
    device, wave = _count_key(kind, client), _count_key("wave", wave_id)
    counts = counters.increment([device, wave], timeout=settings.PART_BURST_WINDOW_SECONDS * 2)
    return Burst(device=counts[device] - 1, wave=counts[wave] - 1)


def current_burst(*, client: str, wave_id: int | None) -> Burst:
    """Return what this device and wave have sent in this window."""
    device = _count_key("device", client)
    wave = _count_key("wave", wave_id) if wave_id is not None else None
    counts = counters.read([name for name in (device, wave) if name])
    return Burst(device=counts[device], wave=counts.get(wave, 0) if wave else 0)


def needs_challenge(*, client: str, wave_id: int) -> bool:
    """Say whether this device or this wave has sent enough lately to need a puzzle."""
    return current_burst(client=client, wave_id=wave_id).needs_challenge


def tablet_over_limit(*, client: str) -> bool:
    """Say whether a staff tablet has synced more than its generous allowance lately."""
    name = _count_key("tablet", client)
    return counters.read([name])[name] >= settings.PART_BURST_PER_TABLET


# ALTCHA proof of work ------------------------------------------------------------------


def _challenge_secret() -> str:
    return salted_hmac("surveys.protection.altcha", "challenge").hexdigest()


def challenge_digits(burst: Burst) -> int:
    """Return how many hex zeros the puzzle asks for at this burst level.

    Just over the threshold it is `PART_ALTCHA_KEY_PREFIX` (about a second on a phone,
    once); each doubling of the level beyond that asks for one zero more, 16 times the
    work, up to `PART_ALTCHA_MAX_DIGITS`. A script flooding from one address soon pays
    seconds of CPU per answer, while a person who sends one answer never sees more than
    the base puzzle unless a flood is under way.
    """
    base = len(settings.PART_ALTCHA_KEY_PREFIX)
    extra = int(math.log2(burst.level)) if burst.level >= 2 else 0
    return max(base, min(base + extra, settings.PART_ALTCHA_MAX_DIGITS))


def make_challenge(*, digits: int | None = None) -> dict:
    """Return a fresh signed puzzle in the form ALTCHA's widget fetches."""
    digits = digits or len(settings.PART_ALTCHA_KEY_PREFIX)
    challenge = altcha.create_challenge(
        CHALLENGE_ALGORITHM,
        1,
        key_prefix="0" * digits,
        expires_at=int(time.time()) + settings.PART_ALTCHA_EXPIRES_SECONDS,
        hmac_secret=_challenge_secret(),
    )
    return challenge.to_dict()


def make_challenge_for(request, *, wave_id: int | None) -> dict:
    """Return a puzzle as hard as the current burst of this device (and wave) asks."""
    burst = current_burst(client=guessing.client_key(request), wave_id=wave_id)
    return make_challenge(digits=challenge_digits(burst))


def check_challenge(payload: str, *, burst: Burst | None = None) -> None:
    """Accept a solved puzzle once; refuse a missing, wrong, expired or replayed one.

    With `burst`, a puzzle easier than that burst level asks for is refused too, so a
    script cannot stock up on easy puzzles before its flood.
    """
    if not payload:
        raise SubmissionRefused("challenge_needed")
    try:
        result = altcha.verify_solution(payload[:10_000], _challenge_secret())
    except (ValueError, TypeError, KeyError, AttributeError):
        raise SubmissionRefused("challenge_bad") from None
    if not result.verified:
        raise SubmissionRefused("challenge_bad")
    challenge = altcha.Payload.from_base64(payload).challenge
    if burst is not None:
        # One zero of slack: the level may have crossed a step since the page asked.
        solved = len(challenge.parameters.key_prefix) - len(
            challenge.parameters.key_prefix.lstrip("0")
        )
        if solved < challenge_digits(burst) - 1:
            raise SubmissionRefused("challenge_bad")
    # Each solved puzzle counts once; the counter goes when it would have expired anyway.
    name = f"surveys:altcha:used:{challenge.signature}"
    used = counters.increment([name], timeout=settings.PART_ALTCHA_EXPIRES_SECONDS + 60)
    if used[name] > 1:
        raise SubmissionRefused("challenge_replayed")


# The runner's gate -----------------------------------------------------------------


def screen_form_fields(form, *, client: str, wave, token: uuid.UUID) -> None:
    """Let a runner form's final submit through, or raise `SubmissionRefused`.

    The submission is counted first, so refused attempts feed the burst count too.
    """
    burst = count_submission(client=client, wave_id=wave.pk)
    check_honeypot(form)
    check_fill_time(form.get(START_FIELD, ""), token=token)
    if burst.needs_challenge:
        check_challenge(form.get(CHALLENGE_FIELD, ""), burst=burst)


def screen_tablet(*, client: str, wave) -> None:
    """Let a staff tablet's sync through under its own, larger allowance, never a puzzle.

    A tablet syncs answers queued offline in one go, so a burst is its normal way.
    """
    if tablet_over_limit(client=client):
        raise SubmissionRefused("tablet_limit")
    count_submission(client=client, wave_id=wave.pk, kind="tablet")


def screen_challenge(*, client: str, wave, challenge: str) -> None:
    """Let one JSON submission through, or raise `SubmissionRefused`; counted as the runner."""
    burst = count_submission(client=client, wave_id=wave.pk)
    if burst.needs_challenge:
        check_challenge(challenge, burst=burst)
