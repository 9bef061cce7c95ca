"""A staff tablet without signal: answers wait in IndexedDB and are sent once, when online."""

from urllib.parse import urlencode

import pytest

from surveys.models import Response, TabletDevice
from surveys.selectors import is_submitted
from surveys.services.tablets import enrol_tablet, revoke_tablet
from tests.browser.conftest import CHROMIUM_ARGS, PHONE, screenshot
from tests.factories import WaveFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CACHED = """async () => {
  const cache = await caches.open("part-tablet-v1");
  return (await cache.keys()).length;
}"""
KEPT = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("part-tablet", 1);
  open.onsuccess = () => {
    const read = open.result.transaction("answers").objectStore("answers").getAll();
    read.onsuccess = () => { open.result.close(); resolve(read.result); };
    read.onerror = () => reject(read.error);
  };
})"""
SPOIL_ONE = """(id) => new Promise((resolve, reject) => {
  const open = indexedDB.open("part-tablet", 1);
  open.onsuccess = () => {
    const store = open.result.transaction("answers", "readwrite").objectStore("answers");
    const read = store.get(id);
    read.onsuccess = () => {
      const record = read.result;
      record.body.answers.quartier = "mond";
      store.put(record).onsuccess = () => { open.result.close(); resolve(); };
    };
    read.onerror = () => reject(read.error);
  };
})"""

OVERSIZE_ONE = """(id) => new Promise((resolve, reject) => {
  const open = indexedDB.open("part-tablet", 1);
  open.onsuccess = () => {
    const store = open.result.transaction("answers", "readwrite").objectStore("answers");
    const read = store.get(id);
    read.onsuccess = () => {
      const record = read.result;
      record.body.answers.mitbestimmen = "x".repeat(3000000);
      store.put(record).onsuccess = () => { open.result.close(); resolve(); };
    };
    read.onerror = () => reject(read.error);
  };
})"""


@pytest.fixture
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


def _tablet(playwright, chromium_path, profile):
    """Open Chromium with a profile folder that outlives it, as a tablet keeps its data."""
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_path,
        args=CHROMIUM_ARGS,
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    return context


def _open(context, url):
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(url)
    page.locator("[data-tablet-form]").wait_for()
    return page


def _ready_for_offline(page):
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(f"({CACHED})().then(count => count >= 4)")


def _answer(page, *, quarter: int, feeling: int):
    page.locator(f"label[for=q-quartier-{quarter}]").click()
    page.locator(f"label[for=q-wohlfuehlen-{feeling}]").click()
    page.get_by_role("button", name="Antworten speichern").click()
    page.get_by_role("heading", name="Danke! Deine Antworten sind gespeichert.").wait_for()
    page.get_by_role("button", name="Für die nächste Person starten").click()
    page.locator("[data-tablet-form]").wait_for()


def enrolled_address(wave) -> str:
    """Return the address the QR code of a newly enrolled tablet opens."""
    _device, token = enrol_tablet(wave=wave, name="Tablet 1", user=None)
    return f"/s/{wave.slug}/tablet/?{urlencode({'device': token})}"


def _waiting(page, count: int):
    page.locator(f"[data-waiting][data-count='{count}']").wait_for()


def _eventually(check, page, tries=50):
    for _ in range(tries):
        if check():
            return
        page.wait_for_timeout(200)
    raise AssertionError("never came true")


def test_three_answers_given_offline_survive_a_closed_browser_and_are_stored_once(
    live_server, chromium_path, playwright, tmp_path
):
    wave = WaveFactory(slug="tablet-welle", tablet_mode=True)
    url = live_server.url + enrolled_address(wave)
    context = _tablet(playwright, chromium_path, tmp_path / "profile")
    page = _open(context, url)
    _ready_for_offline(page)
    screenshot(page, "tablet-online")

    context.set_offline(True)
    for quarter, feeling in [(0, 4), (1, 3), (1, 0)]:
        _answer(page, quarter=quarter, feeling=feeling)
    _waiting(page, 3)
    assert page.locator("[data-waiting]").inner_text() == "3 Antworten warten auf Verbindung"
    assert not page.locator("#q-quartier-0").is_checked()  # the next person sees a blank form
    context.close()
    assert Response.objects.count() == 0

    context = _tablet(playwright, chromium_path, tmp_path / "profile")
    context.set_offline(True)
    page = _open(context, url)
    _waiting(page, 3)
    screenshot(page, "tablet-waiting")
    kept = page.evaluate(KEPT)
    context.set_offline(False)

    _waiting(page, 0)
    _eventually(lambda: Response.objects.filter(wave=wave).count() == 3, page)
    assert sorted(Response.objects.values_list("quarter", flat=True)) == [
        "altenhagen",
        "wehringhausen",
        "wehringhausen",
    ]
    assert all(is_submitted(token=record["id"]) for record in kept)
    for record in kept:  # a tablet that lost the replies sends the same answers again
        status = page.evaluate(
            """(body) => fetch("/api/v1/responses/", {method: "POST",
                 headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
               .then(response => response.status)""",
            record["body"],
        )
        assert status == 200
    assert Response.objects.count() == 3
    context.close()


def test_one_invalid_answer_in_a_sync_is_kept_aside_for_staff_and_the_valid_ones_are_stored(
    live_server, chromium_path, playwright, tmp_path
):
    wave = WaveFactory(slug="tablet-welle", tablet_mode=True)
    context = _tablet(playwright, chromium_path, tmp_path / "profile")
    page = _open(context, live_server.url + enrolled_address(wave))
    _ready_for_offline(page)
    context.set_offline(True)
    for quarter in (0, 1, 0):
        _answer(page, quarter=quarter, feeling=2)
    spoiled = page.evaluate(KEPT)[1]["id"]
    page.evaluate(SPOIL_ONE, spoiled)

    context.set_offline(False)

    _waiting(page, 0)
    _eventually(lambda: Response.objects.count() == 2, page)
    page.locator("[data-rejected] summary").click()
    rejected = page.locator(f"[data-rejected-id='{spoiled}']")
    assert "quartier" in rejected.inner_text()
    assert [record["id"] for record in page.evaluate(KEPT)] == [spoiled]
    screenshot(page, "tablet-rejected")
    page.reload()
    page.locator("[data-tablet-form]").wait_for()
    page.wait_for_timeout(500)
    assert Response.objects.count() == 2 and not is_submitted(token=spoiled)
    context.close()


def test_an_answer_too_large_to_send_is_kept_for_staff_and_never_blocks_the_others(
    live_server, chromium_path, playwright, tmp_path
):
    wave = WaveFactory(slug="tablet-welle", tablet_mode=True)
    context = _tablet(playwright, chromium_path, tmp_path / "profile")
    page = _open(context, live_server.url + enrolled_address(wave))
    _ready_for_offline(page)
    context.set_offline(True)
    for quarter in (0, 1, 0):
        _answer(page, quarter=quarter, feeling=2)
    too_large = page.evaluate(KEPT)[0]["id"]
    page.evaluate(OVERSIZE_ONE, too_large)

    context.set_offline(False)

    _waiting(page, 0)
    _eventually(lambda: Response.objects.count() == 2, page)
    page.locator("[data-rejected] summary").click()
    assert "zu groß" in page.locator(f"[data-rejected-id='{too_large}']").inner_text()
    assert [record["id"] for record in page.evaluate(KEPT)] == [too_large]
    context.close()


def test_a_revoked_tablet_stops_syncing_says_so_and_keeps_its_answers(
    live_server, chromium_path, playwright, tmp_path
):
    wave = WaveFactory(slug="tablet-welle", tablet_mode=True)
    context = _tablet(playwright, chromium_path, tmp_path / "profile")
    page = _open(context, live_server.url + enrolled_address(wave))
    _ready_for_offline(page)
    context.set_offline(True)
    for quarter in (0, 1):
        _answer(page, quarter=quarter, feeling=2)
    revoke_tablet(device=TabletDevice.objects.get(), user=None)

    context.set_offline(False)
    page.get_by_role("button", name="Jetzt senden").click()

    page.locator("[data-revoked]").wait_for()
    screenshot(page, "tablet-revoked")
    assert "abgeschaltet" in page.locator("[data-revoked]").inner_text()
    assert len(page.evaluate(KEPT)) == 2
    assert Response.objects.count() == 0
    context.close()
