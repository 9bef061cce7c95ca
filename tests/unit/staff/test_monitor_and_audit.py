"""Staff watch a running wave in the field monitor and read the audit log in the admin."""

import datetime
import re

import pytest
from django.core.management import call_command

from analytics import audit
from tests.factories import ResponseFactory, WaveFactory, submit

pytestmark = pytest.mark.django_db


def test_the_field_monitor_counts_responses_per_day(client, monitor_viewer):
    wave = WaveFactory()
    ResponseFactory.create_batch(3, wave=wave, day=datetime.date(2026, 11, 2))
    ResponseFactory.create_batch(2, wave=wave, day=datetime.date(2026, 11, 3))
    client.force_login(monitor_viewer)

    page = client.get(f"/admin/data/monitor/?wave={wave.pk}").content.decode()

    assert "02.11.2026</td><td>3</td>" in page
    assert "03.11.2026</td><td>2</td>" in page


def test_the_field_monitor_counts_responses_per_quarter_with_their_names(client, monitor_viewer):
    wave = WaveFactory()
    submit(wave, 2, quarter="wehringhausen")
    client.force_login(monitor_viewer)

    page = client.get(f"/admin/data/monitor/?wave={wave.pk}").content.decode()

    assert "<td>Wehringhausen</td><td>2</td>" in page


def test_the_field_monitor_counts_per_question_who_answered_and_who_left_it_out(
    client, monitor_viewer
):
    wave = WaveFactory()
    submit(wave, 2, say=5)
    submit(wave, 1)
    client.force_login(monitor_viewer)

    page = client.get(f"/admin/data/monitor/?wave={wave.pk}").content.decode()

    assert "<td>Wie sehr kannst du mitbestimmen?</td><td>2</td><td>0</td><td>1</td>" in page


def test_the_field_monitor_shows_the_running_wave_without_being_asked(client, monitor_viewer):
    WaveFactory(
        title="Frühling",
        closes_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC),
        opens_at=datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC),
    )
    WaveFactory(title="Herbstwelle")
    client.force_login(monitor_viewer)

    page = client.get("/admin/data/monitor/").content.decode()

    assert "selected>Herbstwelle" in page


def test_the_field_monitor_shows_the_completion_rate_and_where_people_stop(client, monitor_viewer):
    from tests.factories import three_page_wave
    from tests.unit.surveys.test_runner import PAGE_1, PAGE_2, PAGE_3, _walk

    wave = three_page_wave()
    for _ in range(3):
        _walk(client, wave, [PAGE_1, PAGE_2, PAGE_3])
    _walk(client, wave, [PAGE_1])
    client.force_login(monitor_viewer)

    page = client.get(f"/admin/data/monitor/?wave={wave.pk}").content.decode()

    assert "4 haben die erste Seite online abgeschickt, 3 die ganze Umfrage" in page
    assert "75 %" in page
    # Page 2 was sent three times; one person stopped before it.
    assert re.search(r"<td>2: [^<]*</td><td>3</td><td>1</td>", page)
    assert "<td>Ganze Umfrage abgeschickt</td><td>3</td><td>0</td>" in page


def test_the_field_monitor_counts_used_codes_per_venue(client, monitor_viewer):
    from surveys.services import generate_access_codes, spend_access_code

    wave = WaveFactory(code_policy="required")
    codes = generate_access_codes(wave=wave, count=3, venue="Jugendtreff Altenhagen")
    generate_access_codes(wave=wave, count=2, venue="Schule Wehringhausen")
    spend_access_code(wave=wave, typed=codes[0])
    client.force_login(monitor_viewer)

    page = client.get(f"/admin/data/monitor/?wave={wave.pk}").content.decode()

    assert "<td>Jugendtreff Altenhagen</td><td>3</td><td>1</td>" in page
    assert "<td>Schule Wehringhausen</td><td>2</td><td>0</td>" in page


def test_the_field_monitor_is_closed_to_staff_without_its_permission(client, editor):
    client.force_login(editor)

    response = client.get("/admin/data/monitor/")
    menu = client.get("/admin/").content.decode()

    assert response.status_code == 403 and "/admin/data/monitor/" not in menu


def test_the_field_monitor_says_its_small_numbers_are_shown_only_to_staff_with_its_permission(
    client, monitor_viewer
):
    client.force_login(monitor_viewer)

    page = client.get("/admin/data/monitor/").content.decode()

    assert "Kleine Zahlen werden auf dieser Seite nicht zurückgehalten" in page
    assert "„Darf die genauen Zahlen des Feldmonitors sehen“" in page


def test_the_field_monitor_is_not_reachable_without_an_admin_login(client):
    response = client.get("/admin/data/monitor/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_another_app_can_record_a_wave_opening_that_the_audit_log_shows(client, auditor):
    wave = WaveFactory(slug="herbst-2026")
    audit.record(wave, audit.WAVE_OPENED, user=auditor, wave=wave.slug)
    client.force_login(auditor)

    page = client.get("/admin/data/audit/").content.decode()

    assert "herbst-2026" in page


def test_an_unknown_audit_action_is_refused():
    with pytest.raises(ValueError):
        audit.record(WaveFactory(), "part.something_new", user=None)


def test_the_audit_log_is_closed_to_staff_without_data_rights(client, editor):
    client.force_login(editor)

    assert client.get("/admin/data/audit/").status_code == 403


def test_bench_export_prints_rows_seconds_and_the_exports_own_memory(capsys, settings, tmp_path):
    settings.PART_EXPORT_ROOT = tmp_path

    call_command("bench_export", responses=30)

    result = [line for line in capsys.readouterr().out.splitlines() if line.startswith("RESULT")]
    assert result and result[0].startswith("RESULT rows=30 seconds=")
    # The export's own memory, beside what the process held before it started.
    assert " export_mb=" in result[0] and " base_rss_mb=" in result[0]


def test_surveys_can_log_generated_codes_through_wagtail_alone_and_the_log_shows_it(
    client, auditor
):
    from wagtail.log_actions import log

    wave = WaveFactory(slug="herbst-2026")
    # surveys may not import analytics, so it logs through Wagtail with our action name.
    log(
        instance=wave,
        action="part.codes_generated",
        user=auditor,
        data={"wave": wave.slug, "count": 40},
    )
    client.force_login(auditor)

    page = client.get("/admin/data/audit/").content.decode()

    assert "40 Zugangscodes für die Welle herbst-2026 erzeugt" in page
