"""Staff make code cards and QR posters in the admin; the PDFs render as drawn."""

import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model

from surveys.models import AccessCode, Wave
from tests.conftest import need
from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def _order_cards(staff, wave, count=12, language="tr"):
    data = {"wave": wave.pk, "venue": "Jugendtreff Altenhagen", "count": count}
    return staff.post("/admin/surveys/codes/", {**data, "language": language})


def _render(pdf: bytes, tmp_path, name: str) -> list:
    """Render every page of `pdf` to PNG with poppler and return the files."""
    need(
        shutil.which("pdftoppm") is not None, "this test needs pdftoppm (apt install poppler-utils)"
    )
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(source), str(tmp_path / name)], check=True)
    return sorted(tmp_path.glob(f"{name}-*.png"))


def test_ordering_cards_stores_one_hashed_code_per_card_for_the_venue(staff):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    response = _order_cards(staff, wave)

    assert response["Content-Type"] == "application/pdf"
    assert AccessCode.objects.filter(wave=wave, venue="Jugendtreff Altenhagen").count() == 12


def test_the_card_sheet_is_never_cached(staff):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    response = _order_cards(staff, wave)

    assert "no-store" in response["Cache-Control"]


def test_a_sheet_of_twelve_cards_renders_as_two_a4_pages(staff, tmp_path):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    pages = _render(_order_cards(staff, wave).content, tmp_path, "sheet")

    assert len(pages) == 2
    assert all(page.stat().st_size > 10_000 for page in pages)


def test_cards_cannot_be_ordered_for_an_open_wave(staff):
    wave = WaveFactory(code_policy=Wave.CodePolicy.OPEN)

    response = _order_cards(staff, wave)

    assert response.status_code == 200 and AccessCode.objects.count() == 0
    assert "gültige Auswahl" in response.content.decode()


def test_too_many_cards_at_once_are_refused_with_a_message(staff):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    response = _order_cards(staff, wave, count=501)

    assert AccessCode.objects.count() == 0
    assert "kleiner oder gleich 500" in response.content.decode()


def test_staff_without_the_right_to_make_codes_are_refused(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="ehrenamt", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    _order_cards(client, wave)

    assert AccessCode.objects.count() == 0


def test_an_a3_poster_renders_as_one_page(staff, tmp_path):
    wave = WaveFactory()
    data = {"wave": wave.pk, "venue": "Bahnhof Wehringhausen", "size": "A3", "language": "uk"}

    pages = _render(staff.post("/admin/surveys/posters/", data).content, tmp_path, "poster")

    assert len(pages) == 1
