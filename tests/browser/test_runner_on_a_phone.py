"""A young person answers a three-page survey on a phone: keyboard only, JavaScript off."""

import pytest

from surveys.models import Answer, Response
from tests.browser.conftest import PHONE, screenshot
from tests.factories import three_page_wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _phone(browser, *, javascript: bool):
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_three_page_survey_is_completed_with_the_keyboard_alone_without_javascript(
    live_server, browser
):
    wave = three_page_wave(slug="dein-quartier")
    page = _phone(browser, javascript=False)

    page.goto(f"{live_server.url}/s/dein-quartier/")
    _tab_to(page, "#q-quartier-0")
    page.keyboard.press("ArrowDown")  # Radio groups move with the arrow keys: Wehringhausen.
    _tab_to(page, "#q-alter-0")
    page.keyboard.press("Space")
    screenshot(page, "runner-page-1")
    page.keyboard.press("Enter")

    page.locator("#q-gefuehl_1-0").wait_for()
    screenshot(page, "runner-page-2")
    for row in (1, 2, 3):
        _tab_to(page, f"#q-gefuehl_{row}-0")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
    _tab_to(page, "#q-treffpunkte-1")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")

    page.locator("#q-spielplatz-0").wait_for()
    _tab_to(page, "#q-spielplatz-0")
    page.keyboard.press("Space")
    _tab_to(page, "#q-wunsch")
    page.keyboard.type("Mehr Bänke am Spielplatz")
    screenshot(page, "runner-page-3")
    _tab_to(page, "button[value=next]")
    page.keyboard.press("Enter")

    page.get_by_role("heading", level=1).filter(has_text="Danke").wait_for()
    screenshot(page, "runner-done")
    stored = Response.objects.get(wave=wave)
    assert (stored.quarter, stored.age_band) == ("wehringhausen", "10-13")
    assert Answer.objects.get(question__key="wunsch").text == "Mehr Bänke am Spielplatz"
    assert Answer.objects.filter(question__key="gefuehl_2").get().option.value == "3"


def _axe_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in results.response["violations"]
    ]


def test_axe_finds_no_violation_on_any_runner_page(live_server, browser):
    three_page_wave(slug="dein-quartier")
    page = _phone(browser, javascript=True)
    found = {}

    page.goto(f"{live_server.url}/s/dein-quartier/")
    found["first"] = _axe_violations(page)
    page.get_by_role("button", name="Weiter").click()
    page.locator(".error-summary").wait_for()
    found["errors"] = _axe_violations(page)
    screenshot(page, "runner-page-1-errors")
    page.locator("label[for=q-quartier-1]").click()
    page.locator("label[for=q-alter-1]").click()
    page.locator("button[value=next]").click()
    page.locator("#q-gefuehl_1-0").wait_for()
    found["matrix"] = _axe_violations(page)
    for row in (1, 2, 3):
        page.locator(f"label[for=q-gefuehl_{row}-3]").click()
    page.locator("label[for=q-treffpunkte-2]").click()
    page.locator("#q-treffpunkte-other").fill("Am Bahnhof")
    page.locator("button[value=next]").click()
    page.locator("#q-spielplatz-0").wait_for()
    found["conditional"] = _axe_violations(page)
    page.locator("label[for=q-spielplatz-1]").click()
    page.get_by_role("button", name="Antworten abschicken").click()
    page.get_by_role("heading", level=1).filter(has_text="Danke").wait_for()
    found["done"] = _axe_violations(page)

    assert found == {name: [] for name in found}
