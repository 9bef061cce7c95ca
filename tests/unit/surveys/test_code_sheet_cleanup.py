"""An unclaimed code sheet (its PDF and its codes) goes whenever its card order goes."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.utils.translation import gettext

from surveys.models import AccessCode, CodeBatch, Wave
from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sheet_folder(settings, tmp_path):
    settings.PART_CODE_SHEET_ROOT = tmp_path / "code-sheets"


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def _wave_with_a_sheet(staff, callbacks):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    data = {"wave": wave.pk, "venue": "Jugendtreff Altenhagen", "count": 3, "language": "tr"}
    with callbacks(execute=True):
        staff.post("/admin/surveys/codes/", data)
    batch = CodeBatch.objects.get(wave=wave)
    assert batch.status == CodeBatch.Status.READY
    return wave, batch


def _sheets(settings) -> list[str]:
    return sorted(path.name for path in settings.PART_CODE_SHEET_ROOT.iterdir())


def test_deleting_a_wave_in_the_admin_removes_its_unclaimed_sheet(
    staff, settings, django_capture_on_commit_callbacks
):
    wave, batch = _wave_with_a_sheet(staff, django_capture_on_commit_callbacks)
    other_wave, other_batch = _wave_with_a_sheet(staff, django_capture_on_commit_callbacks)
    assert _sheets(settings) == sorted([batch.file_name, other_batch.file_name])

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/admin/snippets/surveys/wave/delete/{wave.pk}/")

    assert response.status_code == 302
    assert not Wave.objects.filter(pk=wave.pk).exists()
    assert _sheets(settings) == [other_batch.file_name]
    assert AccessCode.objects.filter(wave=other_wave).count() == 3


def test_deleting_waves_together_removes_each_unclaimed_sheet(
    staff, settings, django_capture_on_commit_callbacks
):
    first, _ = _wave_with_a_sheet(staff, django_capture_on_commit_callbacks)
    second, _ = _wave_with_a_sheet(staff, django_capture_on_commit_callbacks)
    kept, kept_batch = _wave_with_a_sheet(staff, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/admin/bulk/surveys/wave/delete/?id={first.pk}&id={second.pk}",
            {"next": "/admin/snippets/surveys/wave/"},
        )

    assert response.status_code == 302
    assert list(Wave.objects.all()) == [kept]
    assert _sheets(settings) == [kept_batch.file_name]


def test_a_sheet_stays_when_the_deletion_is_rolled_back(
    staff, settings, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from surveys.services.code_batches import discard_unclaimed_code_sheets

    wave, batch = _wave_with_a_sheet(staff, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                discard_unclaimed_code_sheets(batches=CodeBatch.objects.filter(wave=wave))
                raise RuntimeError("the deletion failed")
        except RuntimeError:
            pass

    assert _sheets(settings) == [batch.file_name]
    assert AccessCode.objects.filter(batch=batch).count() == 3


def test_staff_without_the_right_to_delete_waves_cannot_delete_one_or_its_sheet(
    staff, client, settings, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Permission

    wave, batch = _wave_with_a_sheet(staff, django_capture_on_commit_callbacks)
    editor = get_user_model().objects.create_user("redaktion", "", "geheim")
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_wave"),
    )
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/snippets/surveys/wave/delete/{wave.pk}/")

    # Wagtail refuses a signed-in editor by sending them to the admin's start page with
    # a message, not to the login page.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    told = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert told[-1] == gettext("Sorry, you do not have permission to access this area.")
    assert Wave.objects.filter(pk=wave.pk).exists()
    assert _sheets(settings) == [batch.file_name]
    assert AccessCode.objects.filter(batch=batch).count() == 3
