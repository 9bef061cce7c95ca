"""Two-factor login for staff: a TOTP app code after the password, on every admin visit."""

import datetime
import io
import time

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from analytics import audit
from surveys.permissions import Action, staff_action

BACKUP_CODE_COUNT = 10
# Seconds a retyped password allows setting up the authenticator.
PASSWORD_CONFIRMATION_SECONDS = 600
CONFIRMED_AT_SESSION_KEY = "two_factor_password_confirmed_at"
CONFIRMED_BY_SESSION_KEY = "two_factor_password_confirmed_user"

# Admin addresses a signed-in user may reach before the second factor.
OPEN_ADMIN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "two_factor_setup",
    "two_factor_verify",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


class RequireTwoFactorMiddleware:
    """Send signed-in staff to the code step until this session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_second_factor(request):
            name = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
            return redirect(f"{reverse(name)}?next={request.get_full_path()}")
        return self.get_response(request)

    @staticmethod
    def _needs_second_factor(request):
        if not settings.STAFF_2FA_REQUIRED or not request.path.startswith("/admin/"):
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        match = request.resolver_match or _resolve(request.path_info)
        return match is None or match.url_name not in OPEN_ADMIN_URL_NAMES


def _resolve(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"]
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("This code is wrong or has expired. Try the next one."))
        return token


class LoginCodeForm(forms.Form):
    """The code of the authenticator app, or one of the backup codes handed out at setup."""

    token = forms.CharField(
        label=_("Code from your authenticator app, or a backup code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_token(self):
        token = self.cleaned_data["token"].strip().replace(" ", "").lower()
        # match_token tries the app and the backup codes; a backup code works only once.
        self.device = match_token(self.user, token)
        if self.device is None:
            raise forms.ValidationError(_("This code is wrong or has expired. Try the next one."))
        return token


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is wrong."))
        return password


def _next_url(request):
    target = request.GET.get("next", "")
    is_safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if is_safe and target.startswith("/admin/") else reverse("wagtailadmin_home")


def enrolment_open_since(user) -> datetime.datetime:
    """Return when the user's account was made or its second factor last reset."""
    reset = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(user),
            object_id=str(user.pk),
            action=audit.SECOND_FACTOR_RESET,
        )
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    return max(user.date_joined, reset) if reset else user.date_joined


def may_enrol(user) -> bool:
    """Return whether the user may set up a second factor by themselves now.

    Only within a short window after an administrator made the account or reset its
    second factor: a password found later must not be enough to enrol a stranger's phone.
    """
    window = datetime.timedelta(hours=settings.STAFF_2FA_ENROLMENT_HOURS)
    return timezone.now() <= enrolment_open_since(user) + window


def _password_is_fresh(request) -> bool:
    confirmed_at = request.session.get(CONFIRMED_AT_SESSION_KEY)
    return (
        confirmed_at is not None
        and time.time() - confirmed_at <= PASSWORD_CONFIRMATION_SECONDS
        and request.session.get(CONFIRMED_BY_SESSION_KEY) == request.user.pk
    )


def two_factor_setup(request):
    """Confirm the password, show a new authenticator key and confirm it with a first code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user_has_device(request.user):
        return redirect("two_factor_verify")
    if not may_enrol(request.user):
        return render(request, "cms/two_factor_closed.html", status=403)
    if not _password_is_fresh(request):
        form = PasswordConfirmForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            request.session[CONFIRMED_AT_SESSION_KEY] = time.time()
            request.session[CONFIRMED_BY_SESSION_KEY] = request.user.pk
            return redirect(request.get_full_path())
        return render(
            request,
            "cms/two_factor_password.html",
            {"form": form},
            status=400 if form.errors else 200,
        )
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator"}
    )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        codes = enrol_second_factor(device=device)
        otp_login(request, device)
        request.session.pop(CONFIRMED_AT_SESSION_KEY, None)
        # Shown once, on this page only; the database keeps them for checking alone.
        response = render(
            request,
            "cms/two_factor_backup_codes.html",
            {"codes": codes, "next_url": _next_url(request)},
        )
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request,
        "cms/two_factor_setup.html",
        {"form": form, "qr_code": _qr_svg(device.config_url), "key": device.key},
        status=400 if form.errors else 200,
    )


@transaction.atomic
def enrol_second_factor(*, device: TOTPDevice) -> list[str]:
    """Confirm an authenticator and hand out a new set of backup codes for a lost phone."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    backup, _created = StaticDevice.objects.get_or_create(
        user=device.user, defaults={"name": "Backup codes"}
    )
    backup.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    return codes


@transaction.atomic
def reset_second_factor(*, user, by) -> None:
    """Remove every second factor of `user`, so they enrol again within the window."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    audit.record(user, audit.SECOND_FACTOR_RESET, user=by, staff=user.get_username())


def two_factor_verify(request):
    """Ask for the current code of the authenticator app, or a backup code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if not user_has_device(request.user):
        return redirect("two_factor_setup")
    form = LoginCodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(_next_url(request))
    return render(
        request, "cms/two_factor_verify.html", {"form": form}, status=400 if form.errors else 200
    )


@staff_action(Action.MANAGE_STAFF)
@require_http_methods(["GET", "POST"])
def two_factor_reset(request, pk):
    """Let an administrator reset a staff member's second factor (a lost phone)."""
    member = get_object_or_404(get_user_model(), pk=pk)
    if request.method == "POST":
        reset_second_factor(user=member, by=request.user)
        messages.success(
            request,
            _(
                "The second factor of %(user)s was reset. They can set up a new one within "
                "%(hours)s hours of logging in."
            )
            % {"user": member.get_username(), "hours": settings.STAFF_2FA_ENROLMENT_HOURS},
        )
        return redirect("wagtailusers_users:index")
    return render(request, "cms/two_factor_reset.html", {"member": member})


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
