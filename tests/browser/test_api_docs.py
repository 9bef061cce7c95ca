"""The API's browsable docs work in Chromium from our own host, under their own CSP."""

from urllib.parse import urlparse

import pytest

from tests.browser.conftest import DESKTOP, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def docs_page(chromium):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_api_docs_list_the_endpoints_and_ask_only_our_own_host(
    live_server, transactional_db, docs_page
):
    hosts, console_errors = set(), []
    docs_page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    docs_page.on(
        "console",
        lambda message: console_errors.append(message.text) if message.type == "error" else None,
    )

    docs_page.goto(live_server.url + "/api/v1/docs/")
    docs_page.wait_for_selector("text=/api/v1/waves/{slug}/results/")
    docs_page.wait_for_load_state("networkidle")
    screenshot(docs_page, "api-docs-desktop")

    assert hosts == {urlparse(live_server.url).netloc}
    assert console_errors == []


def test_axe_finds_no_violation_on_the_api_docs(live_server, transactional_db, docs_page):
    from axe_playwright_python.sync_playwright import Axe

    docs_page.goto(live_server.url + "/api/v1/docs/")
    docs_page.wait_for_selector("text=/api/v1/waves/{slug}/results/")
    docs_page.wait_for_load_state("networkidle")

    results = Axe().run(docs_page)

    assert [
        (violation["id"], [node["target"] for node in violation["nodes"]][:5])
        for violation in results.response["violations"]
    ] == []
