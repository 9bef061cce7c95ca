"""Enrol and revoke staff tablets for a wave's offline page."""

import hashlib
import secrets

from django.core import signing
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from surveys.models import TabletDevice, Wave

TABLET_DEVICE_SALT = "surveys.tablets.device"
# Audit actions, worded in analytics/audit.py.
TABLET_ENROLLED = "part.tablet_enrolled"
TABLET_REVOKED = "part.tablet_revoked"


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def enrol_tablet(*, wave: Wave, name: str, user) -> tuple[TabletDevice, str]:
    """Enrol a tablet; return it with its token, which exists only in this return value."""
    key = secrets.token_urlsafe(24)
    device = TabletDevice.objects.create(
        wave=wave, name=name, key_hash=_hash(key), enrolled_by=user
    )
    token = signing.dumps({"device": device.pk, "key": key}, salt=TABLET_DEVICE_SALT)
    log(instance=wave, action=TABLET_ENROLLED, user=user, data={"wave": wave.slug, "device": name})
    return device, token


@transaction.atomic
def revoke_tablet(*, device: TabletDevice, user) -> None:
    """Stop a tablet from syncing; what it keeps offline stays on it."""
    if device.revoked_at is None:
        device.revoked_at = timezone.now()
        device.save(update_fields=["revoked_at"])
        log(
            instance=device.wave,
            action=TABLET_REVOKED,
            user=user,
            data={"wave": device.wave.slug, "device": device.name},
        )


def tablet_for_token(token: str, *, wave: Wave) -> TabletDevice | None:
    """Return the tablet (revoked or not) that `token` was made for on `wave`, else None."""
    try:
        payload = signing.loads(token, salt=TABLET_DEVICE_SALT)
    except (signing.BadSignature, TypeError):
        return None
    if not isinstance(payload, dict):
        return None
    device = TabletDevice.objects.filter(pk=payload.get("device"), wave=wave).first()
    if device is None or not secrets.compare_digest(
        device.key_hash, _hash(str(payload.get("key", "")))
    ):
        return None
    return device
