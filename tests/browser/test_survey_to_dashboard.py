"""A young person answers on a phone; the answer shows up on the public dashboard."""

from urllib.parse import urlparse

import pytest

from surveys.models import Response
from tests.browser.conftest import screenshot
from tests.factories import WaveFactory, build_site, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_phone_user_answers_the_survey_and_finds_the_chart_with_its_table(
    live_server, phone_page, unperturbed, publish_every_refresh
):
    wave = WaveFactory(slug="quartier-check")
    # The first 5 answers publish a version; the phone user's answer is the 5th new one
    # after it, so it makes the next version (the cadence waits for k new answers).
    submit(wave, 5, quarter="altenhagen", feeling="5", say=9)
    submit(wave, 4, quarter="wehringhausen", feeling="4", say=6)
    _, dashboard = build_site(wave=wave)
    requested_hosts = set()
    phone_page.on("request", lambda request: requested_hosts.add(urlparse(request.url).netloc))

    phone_page.goto(f"{live_server.url}/s/quartier-check/")
    phone_page.get_by_label("Wehringhausen").check()
    phone_page.get_by_label("Eher", exact=True).check()
    phone_page.get_by_label("8", exact=True).check()
    screenshot(phone_page, "runner-filled")
    phone_page.get_by_role("button", name="Antworten abschicken").click()

    phone_page.get_by_role("heading", name="Danke für deine Antworten!").wait_for()
    assert Response.objects.filter(wave=wave).count() == 10

    phone_page.goto(f"{live_server.url}{dashboard.url}")
    chart = phone_page.locator(".chart").filter(has_text="Ich fühle mich in meinem Quartier wohl.")
    chart.locator(".chart__plot--drawn .main-svg").first.wait_for()
    chart.get_by_text("Zahlen als Tabelle zeigen").click()
    assert "n = 10" in chart.locator("table caption").inner_text()
    screenshot(phone_page, "dashboard")
    assert requested_hosts == {urlparse(live_server.url).netloc}


def test_a_missing_answer_is_explained_at_the_top_and_focused(
    transactional_db, live_server, phone_page
):
    WaveFactory(slug="quartier-check")

    phone_page.goto(f"{live_server.url}/s/quartier-check/")
    phone_page.get_by_role("button", name="Antworten abschicken").click()

    summary = phone_page.locator(".error-summary")
    summary.wait_for()
    assert summary.evaluate("element => element === document.activeElement")
    screenshot(phone_page, "runner-errors")
    assert Response.objects.count() == 0
