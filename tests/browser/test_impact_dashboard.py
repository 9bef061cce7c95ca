"""The demo's funders' dashboard in Chromium: accessible, self-hosted, filterable without JS."""

from urllib.parse import urlparse

import pytest

from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.browser.test_site_pages import WCAG_21_AA

# They only read the demo: one seeding on one test process serves the whole module
# (demo_server in tests/browser/conftest.py).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-impact-dashboard"),
]

STORY = "/dashboards/wirkung-2026/"
CHART_COUNT = 5


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_impact_dashboard_has_no_accessibility_violation(demo_server, open_context, width):
    from axe_playwright_python.sync_playwright import Axe

    _, page = open_context(PHONE if width == "phone" else DESKTOP)
    axe = Axe()
    reports = {}

    for query in ("", "?quartier=wehringhausen&alter=14-17", "?quartier=mond"):
        page.goto(demo_server.url + STORY + query)
        page.locator(".chart__plot--drawn .main-svg").first.wait_for()
        results = axe.run(page, options=WCAG_21_AA)
        if results.violations_count:
            reports[query or "plain"] = results.generate_report()
        if not query:
            screenshot(page, f"impact-dashboard-{width}")

    assert not reports, "\n".join(f"{query}: {report}" for query, report in reports.items())


def test_the_impact_dashboard_draws_every_chart_from_its_own_host(demo_server, open_context):
    _, page = open_context(PHONE)
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))

    page.goto(demo_server.url + STORY)
    page.wait_for_load_state("networkidle")

    assert page.locator(".chart__plot--drawn").count() == CHART_COUNT
    assert hosts == {urlparse(demo_server.url).netloc}


def test_the_filter_works_without_javascript(demo_server, chromium):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_server.url + STORY)
        page.get_by_label("Quartier", exact=True).select_option("wehringhausen")
        page.get_by_role("button", name="Anzeigen").click()

        page.wait_for_url("**quartier=wehringhausen**")
        assert "Wehringhausen" in page.locator(".dashboard-filter__shown").inner_text()
        assert page.locator(".chart__subtitle").first.inner_text().count("Wehringhausen") == 1
    finally:
        context.close()
