"""The language menu works on a phone and a desktop, without JavaScript, in both directions."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.factories import three_page_wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER_LINKS = ".language-switch a[hreflang]"


def _open(browser, viewport, url):
    context = browser.new_context(
        viewport=viewport, is_mobile=viewport == PHONE, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(url)
    return page


def _tab_to(page, selector: str, limit: int = 40) -> None:
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _is_on_screen(page, locator, viewport) -> bool:
    box = locator.bounding_box()
    return (
        box is not None
        and box["x"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and box["y"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("prefix", ["", "/ar"], ids=["left-to-right", "right-to-left"])
def test_every_language_of_the_header_menu_is_reached_by_tab_and_shown_on_screen(
    live_server, browser, viewport, prefix
):
    page = _open(browser, viewport, f"{live_server.url}{prefix}/code/")

    _tab_to(page, ".language-switch summary")
    page.keyboard.press("Enter")
    links = page.locator(HEADER_LINKS)
    assert links.count() == 8
    for index in range(8):
        page.keyboard.press("Tab")
        link = links.nth(index)
        assert link.evaluate("element => element === document.activeElement")
        assert _is_on_screen(page, link, viewport), (link.inner_text(), link.bounding_box())
    screenshot(page, f"language-menu{prefix.replace('/', '-')}-{viewport['width']}")


def test_a_language_chosen_from_the_header_menu_opens_the_page_in_it(live_server, browser):
    page = _open(browser, PHONE, f"{live_server.url}/code/")

    page.locator(".language-switch summary").click()
    page.locator('.language-switch a[hreflang="uk"]').click()

    page.wait_for_url(f"{live_server.url}/uk/code/")
    assert page.locator("html").get_attribute("lang") == "uk"


def test_switching_the_language_in_the_runner_on_a_phone_keeps_the_answers(live_server, browser):
    three_page_wave(slug="dein-quartier")
    page = _open(browser, PHONE, f"{live_server.url}/s/dein-quartier/")
    page.locator("#q-quartier-1").check()

    page.locator(".language-switch__pill").click()
    button = page.locator('button[name="switch_language"][value="ar"]')
    assert _is_on_screen(page, button, PHONE)
    button.click()

    page.locator('html[lang="ar"]').wait_for()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#q-quartier-1").is_checked()
    screenshot(page, "runner-arabic-phone")
