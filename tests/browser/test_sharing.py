"""A funder prints a dashboard; a partner site embeds one chart; both in Chromium on a phone."""

from urllib.parse import urlparse

import pytest

from analytics.services import refresh_snapshot
from cms.models import DashboardPage
from tests.browser.conftest import screenshot
from tests.factories import WaveFactory, build_site, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _dashboard():
    wave = WaveFactory(slug="quartier-check")
    submit(wave, 6, quarter="wehringhausen", feeling="4", say=6)
    submit(wave, 7, quarter="altenhagen", feeling="5", say=9)
    submit(wave, 2, quarter="hagen", feeling="1", say=2)
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)
    return DashboardPage.objects.get(pk=dashboard.pk)


def test_a_printed_dashboard_shows_the_static_charts_and_open_tables_without_buttons(
    live_server, phone_page
):
    dashboard = _dashboard()

    phone_page.goto(f"{live_server.url}{dashboard.url}")
    phone_page.locator(".chart__plot--drawn").first.wait_for()
    phone_page.emulate_media(media="print")
    screenshot(phone_page, "dashboard-print")

    assert phone_page.locator(".chart__static svg").first.is_visible()
    assert not phone_page.locator(".chart__plot").first.is_visible()
    assert phone_page.locator(".chart table").first.is_visible()
    assert not phone_page.locator(".dashboard-share").is_visible()
    assert not phone_page.locator(".site-header__nav").is_visible()
    assert phone_page.get_by_text(f"Quelle: {live_server.url}{dashboard.url}").is_visible()


def test_an_embedded_chart_loads_only_from_our_host_and_folds_its_table(live_server, phone_page):
    dashboard = _dashboard()
    chart_id = dashboard.body[0].id
    requested_hosts = set()
    phone_page.on("request", lambda request: requested_hosts.add(urlparse(request.url).netloc))

    phone_page.goto(f"{live_server.url}/embed/{dashboard.pk}/{chart_id}/")
    phone_page.locator(".chart__plot--drawn .main-svg").first.wait_for()
    table = phone_page.locator(".chart table")
    assert not table.is_visible()
    phone_page.get_by_text("Zahlen als Tabelle zeigen").click()
    screenshot(phone_page, "embed-chart")

    assert table.is_visible()
    assert not phone_page.locator(".chart__static").is_visible()  # scripts on: Plotly draws
    assert requested_hosts == {urlparse(live_server.url).netloc}
