import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    settings.STAFF_2FA_REQUIRED = True


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(username="leitung", password="x" * 20)


def _current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, staff):
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 302 and response.url.startswith("/admin/2fa/setup/")


def test_staff_with_an_authenticator_must_type_its_code_before_the_admin(client, staff):
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)

    response = client.get("/admin/pages/")

    assert response.url == "/admin/2fa/?next=/admin/pages/"


def test_the_current_code_opens_the_admin(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)

    client.post("/admin/2fa/", {"token": _current_code(device)})

    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_explained_and_keeps_the_admin_closed(client, staff):
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)

    response = client.post("/admin/2fa/", {"token": "000000"})

    assert response.status_code == 400
    assert "Dieser Code ist falsch" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def _enrol(client, user) -> list[str]:
    """Set up the authenticator as a new staff member does; return the backup codes."""
    client.force_login(user)
    client.post("/admin/2fa/setup/", {"password": "x" * 20})
    client.get("/admin/2fa/setup/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/admin/2fa/setup/", {"token": _current_code(device)})
    return response.context["codes"]


def test_setting_up_confirms_the_authenticator_with_its_first_code(client, staff):
    _enrol(client, staff)
    device = TOTPDevice.objects.get(user=staff)

    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_the_authenticator_key_is_shown_only_after_the_password_is_typed_again(client, staff):
    client.force_login(staff)

    page = client.get("/admin/2fa/setup/").content.decode()

    assert 'type="password"' in page
    assert not TOTPDevice.objects.filter(user=staff).exists()


def test_a_wrong_password_shows_no_authenticator_key(client, staff):
    client.force_login(staff)

    response = client.post("/admin/2fa/setup/", {"password": "falsch"})

    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=staff).exists()


def test_an_account_made_long_ago_cannot_set_up_a_second_factor_alone(client, staff):
    staff.date_joined = timezone.now() - datetime.timedelta(days=4)
    staff.save()
    client.force_login(staff)

    response = client.post("/admin/2fa/setup/", {"password": "x" * 20})

    assert response.status_code == 403
    assert not TOTPDevice.objects.filter(user=staff).exists()


def test_setting_up_hands_out_ten_backup_codes(client, staff):
    codes = _enrol(client, staff)

    assert len(set(codes)) == 10


def test_a_lost_phone_is_recovered_with_a_backup_code(client, staff):
    codes = _enrol(client, staff)
    client.logout()
    client.force_login(staff)

    client.post("/admin/2fa/", {"token": codes[0]})

    assert client.get("/admin/").status_code == 200


def test_a_backup_code_works_only_once(client, staff):
    codes = _enrol(client, staff)
    client.logout()
    client.force_login(staff)
    client.post("/admin/2fa/", {"token": codes[0]})
    client.logout()
    client.force_login(staff)

    response = client.post("/admin/2fa/", {"token": codes[0]})

    assert response.status_code == 400


@pytest.fixture
def administrator(django_user_model):
    user = django_user_model.objects.create_user(username="verwaltung", password="pw")
    user.groups.add(Group.objects.get(name="Administration"))
    TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    return user


def _verified_login(client, user):
    client.force_login(user)
    device = TOTPDevice.objects.get(user=user)
    client.post("/admin/2fa/", {"token": _current_code(device)})


def test_an_administrator_resets_a_lost_second_factor_and_the_log_says_who(
    client, staff, administrator
):
    staff.date_joined = timezone.now() - datetime.timedelta(days=30)
    staff.save()
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    _verified_login(client, administrator)

    response = client.post(f"/admin/2fa/reset/{staff.pk}/")

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert ModelLogEntry.objects.get(action="part.second_factor_reset").user == administrator


def test_after_a_reset_the_owner_may_set_up_a_new_second_factor(client, staff, administrator):
    staff.date_joined = timezone.now() - datetime.timedelta(days=30)
    staff.save()
    _verified_login(client, administrator)
    client.post(f"/admin/2fa/reset/{staff.pk}/")
    client.logout()

    codes = _enrol(client, staff)

    assert len(codes) == 10


def test_staff_without_the_right_to_manage_staff_cannot_reset_a_second_factor(
    client, staff, django_user_model
):
    editor = django_user_model.objects.create_user(username="redaktion", password="pw")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    _verified_login(client, editor)

    response = client.post(f"/admin/2fa/reset/{staff.pk}/")

    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=staff).exists()


def test_the_code_step_never_leads_to_another_host(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)

    response = client.post(
        "/admin/2fa/?next=//evil.example/admin/", {"token": _current_code(device)}
    )

    assert response.url == "/admin/"
