"""The printed report: staff ask for it, a Celery task builds it, a funder reads it.

Every report here is rendered to PNG (test-artifacts/report-*.png) and read back with
pdftotext, in German, Arabic and Ukrainian.
"""

import shutil
import subprocess
import unicodedata

import pytest
from django.contrib.auth.models import Group, Permission

from analytics.reports.document import ChartPart
from cms.models import DashboardPage, Report
from cms.reports import assembly
from surveys.models import Wave
from tests.browser.conftest import ARTIFACTS
from tests.conftest import need

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-reports")]

IMPACT = "wirkung-2026"
BIDI_CONTROLS = dict.fromkeys(range(0x202A, 0x202F))
STATEMENT = "In meinem Quartier wird auf die Meinung junger Menschen gehört."


@pytest.fixture(autouse=True)
def _export_root(settings, tmp_path):
    settings.PART_EXPORT_ROOT = tmp_path / "exports"


@pytest.fixture
def reporter(django_user_model):
    """A staff member allowed to build printed reports, and nothing else."""
    user = django_user_model.objects.create_user(username="bericht", password="pw")
    group = Group.objects.create(name="Berichte")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", "build_reports"]))
    user.groups.add(group)
    return user


def _impact_dashboard() -> DashboardPage:
    return DashboardPage.objects.get(slug=IMPACT, locale__language_code="de")


def _ask(client, user, capture, **data) -> Report:
    client.force_login(user)
    with capture(execute=True):
        response = client.post("/admin/reports/printed/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Report.objects.latest("pk")


def _download(client, report, tmp_path, name) -> tuple[str, list]:
    """Download a report as staff; return its text and its pages rendered to PNG."""
    need(shutil.which("pdftotext") is not None, "this test needs poppler-utils")
    response = client.get(f"/admin/reports/printed/{report.pk}/download/")
    assert response.status_code == 200
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(b"".join(response.streaming_content))
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(ARTIFACTS / name)], check=True)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text, sorted(ARTIFACTS.glob(f"{name}-*.png"))


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_the_impact_report_shows_every_chart_with_its_table_and_summary(
    demo_site, client, reporter, tmp_path, django_capture_on_commit_callbacks
):
    page = _impact_dashboard()
    report = _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"dashboard:{page.pk}",
        language="de",
    )

    text, pages = _download(client, report, tmp_path, "report-impact-de")

    lines = _lines(text)
    assert len(pages) >= 5
    assert page.title in text.replace("\n", " ")
    assert "Die Wirkungstreppe" in lines
    assert STATEMENT in lines  # the agreement chart's picture names each statement
    assert "Die sechs Aussagen im Herbst 2026: Anteil jeder Antwort" in lines
    assert "Von Herbst 2025 bis Herbst 2026 stieg der Durchschnitt von 3,1 auf 3,4." in lines
    assert "Methode und Schutz der Privatsphäre" in lines


def test_the_report_counts_its_charts_as_they_are_drawn(
    demo_site, client, reporter, django_capture_on_commit_callbacks
):
    page = _impact_dashboard()
    charts = sum(
        isinstance(part, ChartPart)
        for part in assembly.dashboard_document(page=page, language="de").parts
    )

    report = _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"dashboard:{page.pk}",
        language="de",
    )

    assert report.status == Report.Status.DONE
    assert report.charts_total == charts >= 5
    assert report.charts_done == charts
    listing = client.get("/admin/reports/printed/").content.decode()
    assert f"/admin/reports/printed/{report.pk}/download/" in listing


def test_the_report_says_how_figures_protect_privacy_and_when_it_was_made(
    demo_site, client, reporter, tmp_path, django_capture_on_commit_callbacks
):
    page = _impact_dashboard()
    report = _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"dashboard:{page.pk}",
        language="de",
    )

    text, _pages = _download(client, report, tmp_path, "report-impact-notes")

    flowing = " ".join(text.split())
    assert "zufällig ein wenig verändert" in flowing
    assert "weniger als 5 Personen" in flowing
    assert f"Stand: {report.finished_at:%-d}." in flowing


def test_the_arabic_report_is_set_in_joined_right_to_left_letters(
    demo_site, client, reporter, tmp_path, django_capture_on_commit_callbacks
):
    page = _impact_dashboard()
    report = _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"dashboard:{page.pk}",
        language="ar",
    )

    text, pages = _download(client, report, tmp_path, "report-impact-ar")

    # Drawn as seen: joined letter forms (Presentation Forms-B), which read back as the
    # words in their order once folded to plain letters.
    assert any("\ufe70" <= character <= "\ufeff" for character in text)
    words = unicodedata.normalize("NFKC", text).translate(BIDI_CONTROLS)
    assert len(pages) >= 5
    assert "تقرير عن النتائج" in words
    assert "المنهجية وحماية الخصوصية" in words


def test_a_ukrainian_report_keeps_its_cyrillic_letters(
    demo_site, client, reporter, tmp_path, django_capture_on_commit_callbacks
):
    page = _impact_dashboard()
    report = _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"dashboard:{page.pk}",
        language="uk",
    )

    text, _pages = _download(client, report, tmp_path, "report-impact-uk")

    assert "Сходи впливу" in _lines(text)


def test_the_report_of_a_wave_shows_each_of_its_published_questions(
    demo_site, client, reporter, tmp_path, django_capture_on_commit_callbacks
):
    wave = Wave.objects.filter(snapshots__isnull=False).order_by("-opens_at").first()
    report = _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"wave:{wave.pk}",
        language="de",
    )

    text, pages = _download(client, report, tmp_path, "report-wave-de")

    assert report.status == Report.Status.DONE, report.error
    assert wave.title in text
    assert "Wer mitgemacht hat" in _lines(text)
    assert "Skalen" in _lines(text)
    # The demo's questions and scales each have well over k answers.
    assert "Bisher haben weniger als 5 Personen" not in " ".join(text.split())
    assert report.charts_total >= 5
    assert len(pages) >= 4


def test_a_wave_without_published_results_gets_no_report(
    client, reporter, django_capture_on_commit_callbacks
):
    from tests.factories import WaveFactory

    wave = WaveFactory(slug="noch-leer")

    report = _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"wave:{wave.pk}",
        language="de",
    )

    assert report.status == Report.Status.FAILED
    assert report.error == "Zu dieser Welle sind noch keine Ergebnisse veröffentlicht."
    assert client.get(f"/admin/reports/printed/{report.pk}/download/").status_code == 404


def test_staff_without_the_report_right_cannot_ask_for_a_report(client, django_user_model):
    user = django_user_model.objects.create_user(username="redaktion", password="pw")
    group = Group.objects.create(name="Redaktion ohne Berichte")
    group.permissions.set(Permission.objects.filter(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)

    assert client.get("/admin/reports/printed/").status_code == 403
    assert client.post("/admin/reports/printed/", {"language": "de"}).status_code == 403
    assert not Report.objects.exists()


def test_asking_for_a_report_is_in_the_audit_log(
    demo_site, client, reporter, django_capture_on_commit_callbacks
):
    from wagtail.models import ModelLogEntry

    page = _impact_dashboard()
    _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"dashboard:{page.pk}",
        language="de",
    )

    entry = ModelLogEntry.objects.get(action="part.report_requested")
    assert entry.user == reporter
    assert entry.data["report"] == page.title


def test_anyone_downloads_the_report_of_a_live_dashboard_from_the_page(
    demo_site, client, reporter, django_capture_on_commit_callbacks
):
    page = _impact_dashboard()
    _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"dashboard:{page.pk}",
        language="de",
    )
    client.logout()

    html = client.get(page.url).content.decode()
    response = client.get(f"/downloads/{page.pk}/bericht.pdf")

    assert f'href="/downloads/{page.pk}/bericht.pdf"' in html
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_report_of_an_unpublished_dashboard_stays_with_staff(
    demo_site, client, reporter, django_capture_on_commit_callbacks
):
    page = _impact_dashboard()
    page.unpublish()
    try:
        report = _ask(
            client,
            reporter,
            django_capture_on_commit_callbacks,
            subject=f"dashboard:{page.pk}",
            language="de",
        )
        client.logout()

        assert report.status == Report.Status.DONE
        assert not report.is_public
        assert client.get(f"/downloads/{page.pk}/bericht.pdf").status_code == 404
    finally:
        DashboardPage.objects.filter(pk=page.pk).update(live=True)


def test_a_live_dashboard_without_a_report_says_so_in_a_friendly_page(demo_site, client):
    page = _impact_dashboard()

    response = client.get(f"/downloads/{page.pk}/bericht.pdf")

    assert response.status_code == 404
    assert "Noch kein gedruckter Bericht" in response.content.decode()


def test_a_public_report_is_withdrawn_when_its_dashboard_is_unpublished(
    demo_site, client, reporter, django_capture_on_commit_callbacks
):
    page = _impact_dashboard()
    report = _ask(
        client,
        reporter,
        django_capture_on_commit_callbacks,
        subject=f"dashboard:{page.pk}",
        language="de",
    )
    client.logout()
    page.unpublish()
    try:
        response = client.get(f"/downloads/{page.pk}/bericht.pdf")
    finally:
        DashboardPage.objects.filter(pk=page.pk).update(live=True)

    assert report.is_public
    assert response.status_code == 404


def test_the_report_form_names_what_is_missing(client, reporter):
    client.force_login(reporter)

    response = client.post("/admin/reports/printed/", {"subject": "", "language": "de"})

    assert response.status_code == 400
    assert "Bitte wähle ein Dashboard oder eine Welle." in response.content.decode()
    assert not Report.objects.exists()


def test_staff_see_a_report_being_built_chart_by_chart(client, reporter):
    from tests.factories import WaveFactory

    Report.objects.create(
        wave=WaveFactory(),
        language="de",
        requested_by=reporter,
        status=Report.Status.RUNNING,
        charts_total=5,
        charts_done=2,
    )
    client.force_login(reporter)

    page = client.get("/admin/reports/printed/").content.decode()

    assert 'value="40"' in page
    assert "2 von 5 Diagrammen gezeichnet" in page
    assert "data-refresh-while-building" in page
