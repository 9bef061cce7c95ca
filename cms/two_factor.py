"""Two-factor login for staff: a TOTP app code after the password, on every admin visit."""

import io

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def _next_url(request):
    target = request.GET.get("next", "")
    is_safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if is_safe and target.startswith("/admin/") else reverse("wagtailadmin_home")


def two_factor_setup(request):
    """Show a new authenticator key and confirm it with a first code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user_has_device(request.user):
        return redirect("two_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator"}
    )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_next_url(request))
    return render(
        request,
        "cms/two_factor_setup.html",
        {"form": form, "qr_code": _qr_svg(device.config_url), "key": device.key},
        status=400 if form.errors else 200,
    )


def two_factor_verify(request):
    """Ask for the current code of the staff member's authenticator app."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("two_factor_setup")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next_url(request))
    return render(
        request, "cms/two_factor_verify.html", {"form": form}, status=400 if form.errors else 200
    )


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
