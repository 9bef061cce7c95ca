import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analytics.services import refresh_snapshot
from tests.factories import WaveFactory, build_site, submit

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_latest_news_and_the_open_survey(client):
    wave = WaveFactory()
    build_site()

    page = client.get("/").content.decode()

    assert "Streetwork am Bodelschwinghplatz" in page
    assert f'href="/s/{wave.slug}/"' in page


def test_the_main_menu_links_news_and_results(client):
    build_site()

    page = client.get("/").content.decode()

    assert 'href="/news/"' in page and 'href="/dashboards/"' in page


def test_a_news_item_is_served_at_its_address_under_news(client):
    build_site()

    response = client.get("/news/streetwork/")

    assert response.status_code == 200
    assert "Komm vorbei!" in response.content.decode()


def test_the_dashboard_shows_each_chart_with_its_table_and_summary(client, unperturbed):
    wave = WaveFactory()
    submit(wave, 6, feeling="4", say=6)
    submit(wave, 7, feeling="5", say=9)
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)

    page = client.get(dashboard.url).content.decode()

    assert page.count('class="chart"') == 2
    assert page.count("<table") == 2
    assert "13 Personen haben geantwortet." in page


def test_the_dashboard_loads_plotly_from_our_own_static_files(client):
    wave = WaveFactory()
    _, dashboard = build_site(wave=wave)

    page = client.get(dashboard.url).content.decode()

    assert 'src="/static/vendor/plotly/plotly-basic-4.1.1.min.js"' in page


def test_the_dashboard_says_plainly_when_too_few_people_have_answered(client):
    wave = WaveFactory()
    submit(wave, 3)
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)

    page = client.get(dashboard.url).content.decode()

    assert "weniger als 5" in page.lower() or "Weniger als 5" in page


def test_a_dashboard_request_reads_snapshots_and_never_aggregates_answers(client):
    wave = WaveFactory()
    submit(wave, 8)
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)

    with CaptureQueriesContext(connection) as queries:
        client.get(dashboard.url)

    assert not [
        q["sql"] for q in queries if "surveys_answer" in q["sql"] or "surveys_response" in q["sql"]
    ]


def test_a_public_page_refers_to_no_other_host(client):
    wave = WaveFactory()
    submit(wave, 6)
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)

    for address in ("/", "/news/", "/news/streetwork/", dashboard.url, f"/s/{wave.slug}/"):
        page = client.get(address).content.decode()
        assert 'src="http' not in page and 'href="http' not in page.replace(
            'href="http://testserver', ""
        )
        assert "//cdn" not in page
