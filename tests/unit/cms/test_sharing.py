"""Sharing a dashboard: table downloads, embed pages, share tags and print."""

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.utils import timezone

from analytics.services import refresh_snapshot
from cms.models import DashboardPage
from surveys.models import Option, Wave
from tests.factories import WaveFactory, build_site, submit

# Layout on true counts; perturbation and cadence have their own tests in analytics.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]

SVG = "{http://www.w3.org/2000/svg}"


def _dashboard(**wave_fields):
    """A dashboard of a wave where “Eher nicht” (2 people) and Wehringhausen are withheld."""
    wave = WaveFactory(**wave_fields)
    submit(wave, 8, quarter="altenhagen", feeling="3")
    submit(wave, 9, quarter="altenhagen", feeling="4", say=7)
    submit(wave, 2, quarter="wehringhausen", feeling="2")
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)
    dashboard = DashboardPage.objects.get(pk=dashboard.pk)
    chart_id = dashboard.body[0].id
    return wave, dashboard, chart_id


def test_the_csv_download_shows_withheld_cells_as_not_shown_never_the_number(client):
    _, dashboard, chart_id = _dashboard()

    response = client.get(f"/downloads/{dashboard.pk}/{chart_id}.csv")

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Antwort", "Personen", "Anteil: in Prozent"]
    assert ["Eher nicht", "nicht gezeigt, um eine kleine Gruppe zu schützen", "–"] in rows
    assert ["Eher", "9", "47.4"] in rows
    assert all(row[1] != "2" for row in rows)


def test_the_csv_has_a_readable_german_file_name(client):
    _, dashboard, chart_id = _dashboard()

    response = client.get(f"/downloads/{dashboard.pk}/{chart_id}.csv")

    assert response["Content-Disposition"] == (
        'attachment; filename="quartier-check-ich-fuehle-mich-in-meinem-quartier-wohl.csv"'
    )


def test_the_excel_download_has_counts_and_shares_as_numbers_and_withheld_cells_as_text(client):
    _, dashboard, chart_id = _dashboard()

    response = client.get(f"/downloads/{dashboard.pk}/{chart_id}.xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0].startswith("Ich fühle mich in meinem Quartier wohl. (n = 19)")
    assert ["Eher", 9, 47.4] in rows
    assert ["Eher nicht", "nicht gezeigt, um eine kleine Gruppe zu schützen", "–"] in rows
    assert any(row[0] and str(row[0]).startswith("Quelle: PaRT") for row in rows)


def test_a_label_that_looks_like_a_formula_is_kept_as_text_in_both_files(client):
    wave, dashboard, chart_id = _dashboard()
    Option.objects.filter(question__questionnaire=wave.questionnaire, value="4").update(
        label='=HYPERLINK("http://example.invalid")'
    )
    submit(wave, 5, quarter="wehringhausen", feeling="5")  # The next version needs k new.
    refresh_snapshot(wave=wave)

    text = client.get(f"/downloads/{dashboard.pk}/{chart_id}.csv").content.decode("utf-8-sig")
    workbook = client.get(f"/downloads/{dashboard.pk}/{chart_id}.xlsx").content

    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
    cell = next(cell for row in sheet.iter_rows() for cell in row if "HYPERLINK" in str(cell.value))
    assert cell.data_type == "s" and cell.value.startswith("'=")


def test_a_wave_whose_results_wait_for_closing_gives_a_friendly_page_and_no_file(client):
    _, dashboard, chart_id = _dashboard(
        results_policy=Wave.ResultsPolicy.AFTER_CLOSE,
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )

    response = client.get(f"/downloads/{dashboard.pk}/{chart_id}.csv")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Keine Tabelle zum Herunterladen" in page
    assert "nicht gezeigt, um eine kleine Gruppe zu schützen" not in page


def test_an_unknown_chart_is_a_404(client):
    _, dashboard, _ = _dashboard()

    assert client.get(f"/downloads/{dashboard.pk}/keine-grafik.csv").status_code == 404
    assert client.get(f"/embed/{dashboard.pk + 999}/keine-grafik/").status_code == 404


def test_the_embed_page_may_be_framed_by_other_sites(client):
    _, dashboard, chart_id = _dashboard()

    response = client.get(f"/embed/{dashboard.pk}/{chart_id}/")

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]


def test_every_other_page_still_refuses_to_be_framed(client):
    _, dashboard, chart_id = _dashboard()

    for address in (dashboard.url, f"/downloads/{dashboard.pk}/{chart_id}.csv", "/api/v1/waves/"):
        response = client.get(address)
        assert response["X-Frame-Options"] == "DENY", address
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], address


def test_the_embed_page_has_the_chart_its_folded_table_and_a_link_back(client):
    _, dashboard, chart_id = _dashboard()

    page = client.get(f"/embed/{dashboard.pk}/{chart_id}/").content.decode()

    assert "<details>" in page and "<summary>Zahlen als Tabelle zeigen</summary>" in page
    assert f'href="http://testserver{dashboard.url}#block-{chart_id}"' in page
    assert "site-header" not in page


def test_each_chart_links_its_downloads_and_its_embed_code(client):
    _, dashboard, chart_id = _dashboard()

    page = client.get(dashboard.url).content.decode()

    assert f'href="/downloads/{dashboard.pk}/{chart_id}.csv"' in page
    assert f'href="/downloads/{dashboard.pk}/{chart_id}.xlsx"' in page
    assert f"&lt;iframe src=&quot;http://testserver/embed/{dashboard.pk}/{chart_id}/&quot;" in page


def test_the_dashboard_links_the_open_data_package_with_its_licence(client):
    _, dashboard, _ = _dashboard(slug="herbst")

    page = client.get(dashboard.url).content.decode()

    assert 'href="/api/v1/waves/herbst/open-data/"' in page
    assert 'CC BY 4.0) <span class="dashboard-share__licence-address">' in page
    assert "(creativecommons.org/licenses/by/4.0)" in page


def test_a_wave_whose_results_wait_for_closing_is_not_offered_as_open_data(client):
    _, dashboard, _ = _dashboard(
        slug="herbst",
        results_policy=Wave.ResultsPolicy.AFTER_CLOSE,
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )

    page = client.get(dashboard.url).content.decode()

    assert "/api/v1/waves/herbst/open-data/" not in page


def test_share_tags_describe_the_dashboard_with_its_first_summary(client):
    _, dashboard, _ = _dashboard()

    page = client.get(dashboard.url).content.decode()

    assert '<meta property="og:title" content="Quartier-Check">' in page
    assert '<meta property="og:description" content="19 Personen haben geantwortet.' in page
    assert '<meta name="twitter:card" content="summary">' in page


def test_share_tags_prefer_the_search_description(client):
    _, dashboard, _ = _dashboard()
    dashboard.search_description = "Was Jugendliche über ihr Quartier sagen."
    dashboard.save_revision().publish()

    page = client.get(dashboard.url).content.decode()

    assert '<meta name="description" content="Was Jugendliche über ihr Quartier sagen.">' in page


def _static_charts(page: str) -> list:
    return [
        ElementTree.fromstring(svg)  # noqa: S314 (our own output)
        for svg in re.findall(r'<div class="chart__static">(.*?)</div>', page, re.S)
    ]


def test_each_bar_chart_has_a_well_formed_static_svg_with_title_and_description(client):
    _, dashboard, _ = _dashboard()

    charts = _static_charts(client.get(dashboard.url).content.decode())

    assert len(charts) == 2
    for chart in charts:
        assert chart.get("role") == "img"
        assert chart.find(f"{SVG}title").text and chart.find(f"{SVG}desc").text
    texts = [element.text for element in charts[1].iter(f"{SVG}text")]
    assert "nicht gezeigt, um eine kleine" in " ".join(texts) and "Durchschnitt (0 bis 10)" in texts


def test_the_dashboard_loads_a_print_stylesheet_that_swaps_the_plot_for_the_svg(client):
    _, dashboard, _ = _dashboard()

    page = client.get(dashboard.url).content.decode()

    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in page
    assert f"Quelle: http://testserver{dashboard.url}" in page
    css = (Path(settings.STATICFILES_DIRS[0]) / "css" / "print.css").read_text()
    assert "@page" in css and re.search(r"\.chart__plot[^{]*\{ display: none !important", css)
    assert ".chart__static { display: block !important" in css
