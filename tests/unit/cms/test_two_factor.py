import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def test_setting_up_confirms_the_authenticator_with_its_first_code(client, staff):
    client.force_login(staff)
    client.get("/admin/2fa/setup/")
    device = TOTPDevice.objects.get(user=staff)

    client.post("/admin/2fa/setup/", {"token": _current_code(device)})

    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
