"""Every public page type, in German and Arabic, on a phone and a desktop."""

import gzip
from urllib.parse import urlparse

import pytest
from django.utils.translation import get_language_info

from tests.browser.conftest import DESKTOP, PHONE, screenshot

# They only read the demo: one seeding on one test process serves the whole module
# (demo_server in tests/browser/conftest.py).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-site-pages"),
]

PAGES = {
    "home": "/",
    "news": "/news/",
    "news-item": "/news/fensterberatung-im-projektbuero/",
    "contact": "/kontakt/",
    "about": "/projekt/",
    "organisation": "/projekt/caritas-hagen/",
    "mentor-form": "/projekt/mentoring/",
    "imprint": "/impressum/",
    "privacy": "/datenschutz/",
    "accessibility": "/barrierefreiheit/",
    "feedback-form": "/barrierefreiheit/barriere-melden/",
    "easy-language": "/leichte-sprache/",
    "search": "/search/?query=Streetwork",
    "results": "/dashboards/",
    "dashboard": "/dashboards/quartier-check-herbst-2026/",
    "survey": "/s/quartier-check/",
}
SCREENSHOTS = {"home", "news", "contact", "privacy", "easy-language"}
PUBLIC_FORMS = {"mentor-form", "feedback-form", "survey"}
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _address(language, path):
    return path if language == "de" else f"/{language}{path}"


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_every_public_page_type_has_no_accessibility_violation(
    demo_server, open_context, language, width
):
    from axe_playwright_python.sync_playwright import Axe

    _, page = open_context(PHONE if width == "phone" else DESKTOP)
    axe = Axe()
    violations = {}

    for name, path in PAGES.items():
        response = page.goto(demo_server.url + _address(language, path))
        assert response.ok, f"{name}: {response.status}"
        if name in SCREENSHOTS:
            screenshot(page, f"site-{name}-{language}-{width}")
        results = axe.run(page, options=WCAG_21_AA)
        if results.violations_count:
            violations[name] = results.generate_report()

    assert not violations, "\n".join(f"{name}: {report}" for name, report in violations.items())


@pytest.mark.parametrize("language", ["de", "ar"])
def test_public_pages_request_nothing_from_another_host(demo_server, open_context, language):
    _, page = open_context(PHONE)
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))

    for path in PAGES.values():
        page.goto(demo_server.url + _address(language, path))
        page.wait_for_load_state("networkidle")

    assert hosts == {urlparse(demo_server.url).netloc}


def test_pages_without_a_form_set_no_cookie(demo_server, open_context):
    context, page = open_context(PHONE)

    for name, path in PAGES.items():
        if name not in PUBLIC_FORMS:
            page.goto(demo_server.url + path)

    assert context.cookies() == []


def test_a_page_with_a_form_sets_only_the_csrf_cookie(demo_server, open_context):
    context, page = open_context(PHONE)

    page.goto(demo_server.url + PAGES["mentor-form"])

    assert [cookie["name"] for cookie in context.cookies()] == ["csrftoken"]


def test_the_language_switch_keeps_the_visitor_on_the_same_page(demo_server, open_context):
    _, page = open_context(PHONE)
    page.goto(demo_server.url + "/kontakt/")

    page.locator(".language-switch summary").click()
    page.get_by_role("link", name=get_language_info("ar")["name_local"]).click()

    page.wait_for_url(f"{demo_server.url}/ar/kontakt/")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_the_home_page_weighs_at_most_150_kb_gzipped(demo_server, open_context, client):
    _, page = open_context(PHONE)
    addresses = []
    page.on("request", lambda request: addresses.append(request.url))

    page.goto(demo_server.url + "/")
    page.wait_for_load_state("networkidle")

    total = 0
    for address in set(addresses):
        response = client.get(urlparse(address).path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body))
    assert total <= 150 * 1024
