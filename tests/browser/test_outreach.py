"""Outreach in Chromium: the linking step on a phone; paper entry and code cards for staff."""

import shutil
import subprocess

import pytest

from surveys import codes
from surveys.models import AccessCode, LinkingHash, Response
from tests.browser.conftest import screenshot
from tests.conftest import need
from tests.factories import WaveFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def staff_page(phone_page, live_server, django_user_model, settings, tmp_path):
    settings.PART_CODE_SHEET_ROOT = tmp_path
    django_user_model.objects.create_superuser("leitung", "", "geheim-genug-123")
    phone_page.set_viewport_size(DESKTOP)
    phone_page.goto(f"{live_server.url}/admin/login/")
    phone_page.locator("#id_username").fill("leitung")
    phone_page.locator("#id_password").fill("geheim-genug-123")
    phone_page.locator("form button[type=submit]").click()
    phone_page.wait_for_url(f"{live_server.url}/admin/")
    return phone_page


def test_a_young_person_reads_why_the_linking_code_is_asked_and_skips_it(phone_page, live_server):
    wave = WaveFactory(linking_series="vorher-nachher")
    phone_page.goto(f"{live_server.url}/s/{wave.slug}/")
    phone_page.get_by_label("Altenhagen").check()
    phone_page.get_by_label("Eher", exact=True).check()
    phone_page.get_by_role("button", name="Antworten abschicken").click()

    phone_page.get_by_role(
        "heading", name="Deine Antworten mit den nächsten verknüpfen?"
    ).wait_for()
    screenshot(phone_page, "runner-linking-code-phone")
    phone_page.get_by_role("button", name="Überspringen").click()

    phone_page.wait_for_url(f"{live_server.url}/s/{wave.slug}/done/")
    assert Response.objects.count() == 1 and LinkingHash.objects.count() == 0


def test_staff_type_a_paper_sheet_with_the_keyboard_alone(staff_page, live_server):
    wave = WaveFactory(title="Quartier-Check")
    staff_page.goto(f"{live_server.url}/admin/surveys/paper/")
    staff_page.get_by_label("Welle").select_option(str(wave.pk))
    staff_page.get_by_label("Name des Stapels").fill("Jugendtreff, Ferien")
    staff_page.get_by_label("Ausgefüllt am").fill("2026-11-20")
    staff_page.get_by_role("button", name="Eingabe beginnen").click()

    staff_page.get_by_label("Bogennummer").wait_for()
    screenshot(staff_page, "staff-paper-entry")
    for keys in ["1", "Tab", "2", "Tab", "4", "Tab", "7", "Enter"]:
        staff_page.keyboard.press(keys)
    staff_page.get_by_text("Bogen 1 gespeichert.").wait_for()

    assert staff_page.get_by_label("Bogennummer").input_value() == "2"
    assert staff_page.evaluate("document.activeElement.name") == "quartier"
    stored = Response.objects.get()
    assert (stored.channel, stored.quarter) == ("paper", "wehringhausen")


def test_staff_order_code_cards_and_download_the_sheet_once(staff_page, live_server):
    need(shutil.which("pdftotext") is not None, "this test needs pdftotext (poppler-utils)")
    wave = WaveFactory(title="Quartier-Check", code_policy="required")
    staff_page.goto(f"{live_server.url}/admin/surveys/codes/")
    staff_page.get_by_label("Welle").select_option(str(wave.pk))
    staff_page.get_by_label("Ort", exact=True).fill("Jugendtreff Altenhagen")
    staff_page.get_by_label("Anzahl der Codes").fill("20")
    staff_page.get_by_role("button", name="Karten erstellen").click()

    staff_page.get_by_role("button", name="Einmal herunterladen").wait_for()
    screenshot(staff_page, "staff-code-cards-ready")
    with staff_page.expect_download() as download:
        staff_page.get_by_role("button", name="Einmal herunterladen").click()

    assert download.value.suggested_filename.endswith(".pdf")
    text = subprocess.run(
        ["pdftotext", download.value.path(), "-"], check=True, capture_output=True, text=True
    ).stdout
    printed = {word for word in text.split() if len(word) == 14 and word.count("-") == 2}
    assert {codes.digest(codes.normalise(code)) for code in printed} == set(
        AccessCode.objects.values_list("digest", flat=True)
    )
    staff_page.goto(f"{live_server.url}/admin/surveys/codes/")
    assert staff_page.get_by_role("button", name="Einmal herunterladen").count() == 0
    assert AccessCode.objects.count() == 20
