"""Keep open waves free of bots without knowing who anyone is.

Four layers, cheapest first: a honeypot field that people never see; a minimum time
to fill, signed into the form when the survey starts; a count of submissions per device
(a hash of the IP address with a secret of the day, see `surveys.guessing`) and per
wave; and, once a burst crosses a threshold, a proof-of-work puzzle (ALTCHA) that the
browser solves with our own script. Nothing here writes to the database or a log, and
the IP address itself is never kept.
"""

import datetime
import time
import uuid

import altcha
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from surveys import guessing

HONEYPOT_FIELD = "homepage"
START_FIELD = "started"
CHALLENGE_FIELD = "altcha"
START_SALT = "surveys.protection.started"
TABLET_SALT = "surveys.protection.tablet"
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


# Bursts: counted per device hash and per wave in the cache ---------------------------


def _window() -> int:
    return int(time.time()) // settings.PART_BURST_WINDOW_SECONDS


def _count_key(kind: str, owner) -> str:
    return f"surveys:burst:{kind}:{owner}:{_window()}"


def _add(key: str) -> int:
    # One round trip in the usual case: the counter exists for most of its window.
    try:
        return cache.incr(key)
    except ValueError:
        if cache.add(key, 1, timeout=settings.PART_BURST_WINDOW_SECONDS * 2):
            return 1
        return cache.incr(key)  # another process made it in between


def count_submission(*, client: str, wave_id: int, kind: str = "device") -> None:
    """Count one submission against a device hash (`kind` "device" or "tablet") and a wave."""
    _add(_count_key(kind, client))
    _add(_count_key("wave", wave_id))


def needs_challenge(*, client: str, wave_id: int) -> bool:
    """Say whether this device or this wave has sent enough lately to need a puzzle."""
    device, wave = _count_key("device", client), _count_key("wave", wave_id)
    counts = cache.get_many([device, wave])
    return (
        counts.get(device, 0) >= settings.PART_BURST_PER_DEVICE
        or counts.get(wave, 0) >= settings.PART_BURST_PER_WAVE
    )


def tablet_over_limit(*, client: str) -> bool:
    """Say whether a staff tablet has synced more than its generous allowance lately."""
    return (cache.get(_count_key("tablet", client)) or 0) >= settings.PART_BURST_PER_TABLET


# Tablet token: the staff-enabled tablet page hands it to its sync script --------------


def sign_tablet_token(*, wave_id: int) -> str:
    return signing.dumps(wave_id, salt=TABLET_SALT)


def is_tablet_token(token: str, *, wave) -> bool:
    """Say whether `token` came from this wave's tablet page lately, with tablet mode on."""
    if not token or not wave.tablet_mode:
        return False
    try:
        wave_id = signing.loads(token, salt=TABLET_SALT, max_age=settings.PART_TABLET_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return False
    return wave_id == wave.pk


# ALTCHA proof of work ------------------------------------------------------------------


def _challenge_secret() -> str:
    return salted_hmac("surveys.protection.altcha", "challenge").hexdigest()


def make_challenge() -> dict:
    """Return a fresh signed puzzle in the form ALTCHA's widget fetches."""
    challenge = altcha.create_challenge(
        CHALLENGE_ALGORITHM,
        1,
        key_prefix=settings.PART_ALTCHA_KEY_PREFIX,
        expires_at=int(time.time()) + settings.PART_ALTCHA_EXPIRES_SECONDS,
        hmac_secret=_challenge_secret(),
    )
    return challenge.to_dict()


def check_challenge(payload: str) -> None:
    """Accept a solved puzzle once; refuse a missing, wrong, expired or replayed one."""
    if not payload:
        raise SubmissionRefused("challenge_needed")
    try:
        result = altcha.verify_solution(payload[:10_000], _challenge_secret())
    except (ValueError, TypeError, KeyError, AttributeError):
        raise SubmissionRefused("challenge_bad") from None
    if not result.verified:
        raise SubmissionRefused("challenge_bad")
    signature = altcha.Payload.from_base64(payload).challenge.signature
    # Each solved puzzle counts once; the cache forgets it when it would have expired anyway.
    if not cache.add(
        f"surveys:altcha:used:{signature}", 1, timeout=settings.PART_ALTCHA_EXPIRES_SECONDS + 60
    ):
        raise SubmissionRefused("challenge_replayed")


# The runner's gate -----------------------------------------------------------------


def screen_form(request, *, wave, token: uuid.UUID) -> None:
    """Let a runner form's final submit through, or raise `SubmissionRefused`.

    The submission is counted first, so refused attempts feed the burst count too.
    """
    client = guessing.client_key(request)
    busy = needs_challenge(client=client, wave_id=wave.pk)
    count_submission(client=client, wave_id=wave.pk)
    check_honeypot(request.POST)
    check_fill_time(request.POST.get(START_FIELD, ""), token=token)
    if busy:
        check_challenge(request.POST.get(CHALLENGE_FIELD, ""))


def screen_api(request, *, wave, tablet_token: str, challenge: str) -> None:
    """Let one JSON submission through, or raise `SubmissionRefused`.

    A staff tablet (its page's signed token) syncs answers queued offline in one go,
    so it gets its own, larger allowance and never a puzzle; anyone else is counted as
    the runner counts them.
    """
    client = guessing.client_key(request)
    if is_tablet_token(tablet_token, wave=wave):
        if tablet_over_limit(client=client):
            raise SubmissionRefused("tablet_limit")
        count_submission(client=client, wave_id=wave.pk, kind="tablet")
        return
    busy = needs_challenge(client=client, wave_id=wave.pk)
    count_submission(client=client, wave_id=wave.pk)
    if busy:
        check_challenge(challenge)
