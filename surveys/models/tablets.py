"""Staff tablets enrolled for a wave's offline page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.models.waves import Wave


class TabletDevice(models.Model):
    """A staff tablet enrolled for one wave's offline page; its token works until revoked.

    Only a hash of the device key is kept: the key itself is shown once, in the QR code
    staff open on the tablet.
    """

    wave = models.ForeignKey(
        Wave, on_delete=models.CASCADE, related_name="tablets", verbose_name=_("wave")
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, editable=False)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("tablet")
        verbose_name_plural = _("tablets")
        ordering = ["-enrolled_at", "-pk"]

    def __str__(self):
        return self.name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
