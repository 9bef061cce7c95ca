"""Filters in a dashboard's address: read from snapshots, never revealing a withheld figure."""

import csv
import io

import openpyxl
import pytest

from analytics.models import Snapshot
from analytics.services import refresh_snapshot
from tests.factories import WaveFactory, add_responses, build_site, full_questionnaire

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture
def wave():
    wave = WaveFactory(questionnaire=full_questionnaire(), label="Herbst 2026")
    add_responses(wave, 9, answers={"mitbestimmen": 4}, quarter="altenhagen", age_band="14-17")
    add_responses(wave, 8, answers={"mitbestimmen": 8}, quarter="wehringhausen", age_band="14-17")
    add_responses(wave, 7, answers={"mitbestimmen": 6}, quarter="wehringhausen", age_band="18-21")
    add_responses(wave, 3, answers={"mitbestimmen": 1}, quarter="hagen", age_band="10-13")
    add_responses(wave, 6, answers={"mitbestimmen": 5}, quarter="ausserhalb", age_band="18-21")
    refresh_snapshot(wave=wave)
    return wave


@pytest.fixture
def dashboard(wave):
    _, dashboard = build_site(wave=wave)
    dashboard.body = [
        ("chart", {"wave": wave, "question": "mitbestimmen", "heading": "Mitbestimmen"}),
    ]
    dashboard.save()
    return dashboard


def test_the_filter_form_offers_the_quarters_and_age_bands_of_the_snapshot(client, dashboard):
    page = client.get(dashboard.url).content.decode()

    assert '<form class="dashboard-filter" method="get"' in page
    assert '<option value="wehringhausen">Wehringhausen</option>' in page
    assert '<option value="14-17">14 bis 17</option>' in page


def test_a_quarter_in_the_address_narrows_the_chart_to_that_quarter(client, dashboard):
    page = client.get(dashboard.url, {"quartier": "wehringhausen"}).content.decode()

    assert "Gezeigt: <strong><bdi>Wehringhausen</bdi></strong>" in page
    assert "Im Durchschnitt gaben die 15 Personen der Gruppe „Wehringhausen“ 7,1 an." in page


def test_quarter_and_age_band_together_read_the_cross_table(client, dashboard):
    page = client.get(dashboard.url, {"quartier": "wehringhausen", "alter": "18-21"})

    assert "der Gruppe „Wehringhausen, 18 bis 21“ 6,0 an." in page.content.decode()


def test_a_filter_works_without_touching_responses(
    client, dashboard, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(dashboard.url, {"quartier": "wehringhausen", "alter": "18-21"})

    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "surveys_answer" not in tables and "surveys_response" not in tables


def test_a_withheld_group_says_it_is_not_shown_and_never_its_figures(client, dashboard):
    page = client.get(dashboard.url, {"quartier": "hagen"}).content.decode()

    assert (
        "Das Ergebnis der Gruppe „Woanders in Hagen“ ist nicht gezeigt, um eine kleine Gruppe "
        "zu schützen." in page
    )
    assert "1,0" not in page


def test_an_unknown_quarter_gets_a_friendly_400_page(client, dashboard):
    response = client.get(dashboard.url, {"quartier": "mond"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "„mond“ gibt es hier nicht zur Auswahl" in page
    assert 'class="error-summary"' in page


def test_an_unknown_wave_gets_a_friendly_400_page(client, dashboard):
    response = client.get(dashboard.url, {"welle": "gibt-es-nicht"})

    assert response.status_code == 400
    assert "Mitbestimmen" in response.content.decode()


def test_quarter_and_gender_together_say_plainly_that_no_figures_are_published(
    client, dashboard, wave
):
    add_responses(wave, 6, answers={"mitbestimmen": 5}, quarter="altenhagen", gender="w")
    refresh_snapshot(wave=wave)

    response = client.get(dashboard.url, {"quartier": "altenhagen", "geschlecht": "w"})

    assert response.status_code == 200
    assert "Für diese Kombination veröffentlichen wir keine Zahlen" in response.content.decode()


def test_the_wave_filter_swaps_the_wave_of_a_chart(client, dashboard, wave):
    spring = WaveFactory(questionnaire=wave.questionnaire, label="Frühjahr 2026")
    add_responses(spring, 10, answers={"mitbestimmen": 2})
    refresh_snapshot(wave=spring)
    dashboard.body = [
        ("chart", {"wave": wave, "question": "mitbestimmen", "heading": "Mitbestimmen"}),
        ("key_figures", {"wave": spring, "heading": ""}),
    ]
    dashboard.save()

    page = client.get(dashboard.url, {"welle": spring.slug}).content.decode()

    assert "Frühjahr 2026 · Alle, die geantwortet haben · n = 10" in page


def test_a_dashboard_without_published_snapshots_offers_no_filter(client, dashboard):
    Snapshot.objects.all().delete()

    page = client.get(dashboard.url).content.decode()

    assert "dashboard-filter" not in page


def test_the_dashboard_says_in_one_sentence_that_figures_are_changed_at_random(client, dashboard):
    page = client.get(dashboard.url).content.decode()

    assert (
        "Die Zahlen sind zufällig ein wenig verändert, damit niemand einzeln erkannt werden "
        "kann" in page
    )


def _chart_address(dashboard, kind: str) -> str:
    return f"/{kind}/{dashboard.pk}/{dashboard.body[0].id}"


def test_the_download_of_a_filtered_chart_holds_the_figures_the_page_shows(client, dashboard):
    response = client.get(
        f"{_chart_address(dashboard, 'downloads')}.csv", {"quartier": "wehringhausen"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:2] == ["Wehringhausen", "15"]
    assert not any(row[0] == "Alle" for row in rows)


def test_the_excel_download_of_a_filtered_chart_names_its_filter_in_the_source(client, dashboard):
    response = client.get(
        f"{_chart_address(dashboard, 'downloads')}.xlsx", {"quartier": "wehringhausen"}
    )

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[2][:2] == ["Wehringhausen", 15]
    source = next(row[0] for row in rows if row[0] and str(row[0]).startswith("Quelle"))
    assert f"{dashboard.url}?quartier=wehringhausen" in source


def test_a_filtered_dashboard_links_downloads_embed_and_share_with_its_filter(client, dashboard):
    page = client.get(dashboard.url, {"quartier": "wehringhausen"}).content.decode()

    chart = _chart_address(dashboard, "downloads")
    assert f'href="{chart}.csv?quartier=wehringhausen"' in page
    assert f'href="{chart}.xlsx?quartier=wehringhausen"' in page
    assert f"{_chart_address(dashboard, 'embed')}/?quartier=wehringhausen&quot;" in page
    assert f"{dashboard.url}?quartier=wehringhausen#block-{dashboard.body[0].id}" in page


def test_the_embed_of_a_filtered_chart_shows_the_filtered_group(client, dashboard):
    page = client.get(f"{_chart_address(dashboard, 'embed')}/", {"quartier": "wehringhausen"})

    assert "Im Durchschnitt gaben die 15 Personen der Gruppe „Wehringhausen“ 7,1 an." in (
        page.content.decode()
    )


def test_a_download_with_a_filter_value_the_page_does_not_offer_is_a_404(client, dashboard):
    response = client.get(f"{_chart_address(dashboard, 'downloads')}.csv", {"quartier": "mond"})

    assert response.status_code == 404
