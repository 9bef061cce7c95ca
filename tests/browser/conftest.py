import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import need, seeded_demo

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
# still synchronous, so Django's async-safety guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium():
    """Start one Chromium for a module's tests (each test opens its own context)."""
    from playwright.sync_api import sync_playwright

    need(
        shutil.which(CHROMIUM) is not None,
        "this test needs Debian's chromium (apt install chromium)",
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser(chromium):
    """The module's Chromium; contexts a test opens are closed after it."""
    before = set(chromium.contexts)
    yield chromium
    for context in set(chromium.contexts) - before:
        context.close()


@pytest.fixture
def phone_page(chromium):
    """A fresh phone-sized page in a context of its own."""
    context = chromium.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def open_context(chromium):
    """Open contexts in the module's Chromium with `open_context(viewport)`; closed after."""
    contexts = []

    def open_context(viewport):
        context = chromium.new_context(viewport=viewport, is_mobile=viewport == PHONE)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return context, page

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def demo_server(django_db_setup, django_db_blocker, demo_copy_folder):
    """The demo, put in place once and served for a module whose tests only read it.

    pytest-django's `live_server` empties the database after every test, so each test
    on it would seed the demo again. These tests are marked `django_db` instead: the
    seeded demo is committed before their transactions begin, what the server writes
    stays until the module ends, and the module ends with the same flush (tests/conftest.py).
    """
    from pytest_django.live_server_helper import LiveServer

    with seeded_demo(django_db_blocker, demo_copy_folder):
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
