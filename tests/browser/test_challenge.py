"""Past the burst threshold the runner asks the browser for a proof-of-work puzzle."""

import pytest

from surveys.models import Response
from tests.browser.conftest import PHONE, screenshot
from tests.factories import WaveFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def busy(settings):
    """Every submission counts as part of a burst; the puzzle stays small for the test."""
    settings.PART_BURST_PER_DEVICE = 0
    settings.PART_ALTCHA_KEY_PREFIX = "000"
    return settings


def _phone(browser, *, javascript: bool):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    return page, requests


def _fill(page):
    page.locator("label[for=q-quartier-1]").click()
    page.locator("label[for=q-wohlfuehlen-3]").click()


def test_with_javascript_the_puzzle_is_solved_from_our_own_files_and_the_answers_stored(
    live_server, browser, busy
):
    wave = WaveFactory(slug="offen")
    page, requests = _phone(browser, javascript=True)
    errors = []
    page.on("console", lambda message: errors.append(f"{message.type}: {message.text}"))

    page.goto(f"{live_server.url}/s/offen/")
    page.locator("altcha-widget").wait_for()
    _fill(page)
    page.wait_for_function("() => (document.querySelector('input[name=altcha]') || {}).value")
    screenshot(page, "runner-challenge")
    page.get_by_role("button", name="Antworten abschicken").click()

    page.get_by_role("heading", level=1).filter(has_text="Danke").wait_for()
    assert Response.objects.filter(wave=wave).count() == 1
    assert all(url.startswith(live_server.url) for url in requests)
    assert not [error for error in errors if error.startswith("error:")]


def test_without_javascript_the_page_explains_the_check_and_stores_nothing(
    live_server, browser, busy
):
    WaveFactory(slug="offen")
    page, _requests = _phone(browser, javascript=False)

    page.goto(f"{live_server.url}/s/offen/")
    assert page.locator("noscript").count() == 1
    _fill(page)
    page.get_by_role("button", name="Antworten abschicken").click()

    page.locator(".runner__notice").wait_for()
    assert "braucht diese Seite JavaScript" in page.locator(".runner__notice").inner_text()
    screenshot(page, "runner-challenge-without-javascript")
    assert Response.objects.count() == 0
