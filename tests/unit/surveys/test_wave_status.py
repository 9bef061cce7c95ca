"""Staff tell waves of the same survey apart by their status and dates."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from surveys.models import Wave
from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db

OCTOBER = datetime.datetime(2026, 10, 1, 8, tzinfo=datetime.UTC)
DECEMBER = datetime.datetime(2026, 12, 1, 8, tzinfo=datetime.UTC)


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def test_a_running_wave_reads_open_with_its_dates():
    wave = Wave(title="Quartier-Check", label="Herbst 2026", opens_at=OCTOBER, closes_at=DECEMBER)

    assert wave.status_text(at=OCTOBER + datetime.timedelta(days=3)) == (
        "offen, 01.10.2026 – 01.12.2026"
    )


def test_a_wave_past_its_closing_reads_closed():
    wave = Wave(title="Quartier-Check", opens_at=OCTOBER, closes_at=DECEMBER)

    assert wave.status_text(at=DECEMBER) == "geschlossen, 01.10.2026 – 01.12.2026"


def test_a_wave_not_yet_open_reads_planned_with_its_opening_day():
    wave = Wave(title="Quartier-Check", opens_at=OCTOBER)

    assert wave.status_text(at=OCTOBER - datetime.timedelta(days=1)) == (
        "geplant, öffnet am 01.10.2026"
    )


def test_the_wave_list_shows_each_waves_status(staff):
    WaveFactory(label="Herbst 2026", closes_at=None)
    WaveFactory(
        label="Herbst 2025",
        opens_at=datetime.datetime(2025, 10, 1, 8, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2025, 12, 1, 8, tzinfo=datetime.UTC),
    )

    page = staff.get("/admin/snippets/surveys/wave/").content.decode()

    assert "geschlossen, 01.10.2025 – 01.12.2025" in page
    assert "offen seit" in page


def test_the_wave_chooser_shows_each_waves_status(staff):
    WaveFactory(
        opens_at=datetime.datetime(2025, 10, 1, 8, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2025, 12, 1, 8, tzinfo=datetime.UTC),
    )

    chooser = staff.get("/admin/snippets/choose/surveys/wave/").json()["html"]

    assert "geschlossen, 01.10.2025 – 01.12.2025" in chooser


def test_wave_choices_in_staff_forms_name_status_and_dates(staff):
    WaveFactory(
        label="Herbst 2025",
        opens_at=datetime.datetime(2025, 10, 1, 8, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2025, 12, 1, 8, tzinfo=datetime.UTC),
    )

    page = staff.get("/admin/surveys/posters/").content.decode()

    assert "Quartier-Check (Herbst 2025) · geschlossen, 01.10.2025 – 01.12.2025" in page
