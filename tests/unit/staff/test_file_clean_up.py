"""A built file (export, printed report) goes with its row, and only where a deletion says so.

Retention and the admin's delete paths remove the files of the jobs they delete; a row
deleted any other way leaves its file alone, because no signal deletes files behind
anyone's back.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from analytics.file_jobs import discard_job_files
from analytics.models import Export
from cms.models import DashboardPage, Report
from cms.services.retention import purge_expired
from surveys.models import Wave
from tests.factories import WaveFactory, build_site, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("leitung", "", "geheim")
    client.force_login(user)
    return client


def _codebook(staff, wave, callbacks) -> Export:
    """Ask for a wave's codebook on the export page; return the finished export."""
    with callbacks(execute=True):
        staff.post("/admin/data/exports/", {"wave": wave.pk, "format": "codebook_html"})
    export = Export.objects.get(wave=wave)
    assert export.file_path() is not None, export.error
    return export


def _report(**subject) -> Report:
    """A finished report with its file, as the report task leaves it."""
    report = Report.objects.create(
        language="de", status=Report.Status.DONE, file_name="bericht.pdf", **subject
    )
    (Report.folder() / report.file_name).write_bytes(b"%PDF-1.7")
    return report


def test_deleting_a_wave_in_the_admin_removes_its_export_and_report_files(
    staff, django_capture_on_commit_callbacks
):
    wave = WaveFactory()
    export = _codebook(staff, wave, django_capture_on_commit_callbacks)
    report = _report(wave=wave)
    files = [export.file_path(), report.file_path()]

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/admin/snippets/surveys/wave/delete/{wave.pk}/")

    assert response.status_code == 302
    assert not Wave.objects.filter(pk=wave.pk).exists()
    assert [path.exists() for path in files] == [False, False]


def test_deleting_one_wave_keeps_the_files_of_another(staff, django_capture_on_commit_callbacks):
    wave, other = WaveFactory(), WaveFactory()
    _codebook(staff, wave, django_capture_on_commit_callbacks)
    kept = _codebook(staff, other, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/admin/snippets/surveys/wave/delete/{wave.pk}/")

    assert kept.file_path() is not None


def test_asking_whether_to_delete_a_wave_keeps_its_files(staff, django_capture_on_commit_callbacks):
    wave = WaveFactory()
    export = _codebook(staff, wave, django_capture_on_commit_callbacks)

    response = staff.get(f"/admin/snippets/surveys/wave/delete/{wave.pk}/")

    assert response.status_code == 200
    assert export.file_path() is not None


def test_deleting_waves_together_in_the_admin_removes_their_files(
    staff, django_capture_on_commit_callbacks
):
    first, second = WaveFactory(), WaveFactory()
    files = [
        _codebook(staff, wave, django_capture_on_commit_callbacks).file_path()
        for wave in (first, second)
    ]

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/admin/bulk/surveys/wave/delete/?id={first.pk}&id={second.pk}", {"next": "/admin/"}
        )

    assert response.status_code == 302
    assert [path.exists() for path in files] == [False, False]


def test_deleting_a_dashboard_in_the_admin_removes_its_report_files(
    staff, django_capture_on_commit_callbacks
):
    _home, dashboard = build_site(wave=WaveFactory())
    report = _report(dashboard=dashboard)
    path = report.file_path()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/admin/pages/{dashboard.pk}/delete/")

    assert response.status_code == 302
    assert not DashboardPage.objects.filter(pk=dashboard.pk).exists()
    assert not path.exists()


def test_the_nightly_purge_removes_an_expired_export_with_its_file(
    staff, settings, django_capture_on_commit_callbacks
):
    settings.PART_EXPORT_RETENTION_DAYS = 30
    wave = WaveFactory()
    submit(wave, 1)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post("/admin/data/exports/", {"wave": wave.pk, "format": "csv"})
    export = Export.objects.get()
    path = export.file_path()

    with django_capture_on_commit_callbacks(execute=True):
        counts = purge_expired(now=export.requested_at + datetime.timedelta(days=31))

    assert counts["analytics: export files"] == 1
    assert not path.exists()


def test_a_deletion_that_is_rolled_back_keeps_the_files(staff, django_capture_on_commit_callbacks):
    wave = WaveFactory()
    export = _codebook(staff, wave, django_capture_on_commit_callbacks)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        discard_job_files(Export.objects.filter(pk=export.pk))
        Export.objects.filter(pk=export.pk).delete()
        raise RuntimeError("the deletion failed")

    assert Export.objects.get().file_path() is not None


def test_deleting_rows_any_other_way_leaves_their_files(staff, django_capture_on_commit_callbacks):
    wave = WaveFactory()
    export_path = _codebook(staff, wave, django_capture_on_commit_callbacks).file_path()
    report_path = _report(wave=wave).file_path()

    with django_capture_on_commit_callbacks(execute=True):
        Export.objects.all().delete()
        Report.objects.all().delete()

    assert [export_path.exists(), report_path.exists()] == [True, True]
