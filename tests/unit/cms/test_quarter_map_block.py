"""Quarter outlines uploaded in the admin, and the map block dashboards draw from them."""

import json
import re
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StructBlockValidationError

from analytics.models import Snapshot
from analytics.reports.pdf import write_report_pdf
from analytics.services import refresh_snapshot
from cms.map_blocks import QuarterMapBlock
from cms.models import QuarterOutline
from cms.reports import assembly
from demo.quarters import seed_quarter_outlines
from tests.browser.conftest import ARTIFACTS
from tests.conftest import need
from tests.factories import WaveFactory, add_responses, build_site, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]

ADD_URL = "/admin/snippets/cms/quarteroutline/add/"
RING = [[7.46, 51.36], [7.47, 51.36], [7.47, 51.37], [7.46, 51.37], [7.46, 51.36]]


def upload(content: str, name="quartier.geojson"):
    return SimpleUploadedFile(name, content.encode(), content_type="application/geo+json")


def add_outline(client, content: str):
    return client.post(
        ADD_URL,
        {
            "area": "Lummerland",
            "name": "Oberdorf",
            "code": "oberdorf",
            "outline_file": upload(content),
            "source": "von Hand gezeichnet",
        },
    )


def test_staff_upload_a_quarter_outline_as_geojson(admin_client):
    feature = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [RING]}}

    add_outline(admin_client, json.dumps(feature))

    outline = QuarterOutline.objects.get(area="Lummerland", code="oberdorf")
    assert outline.geometry == {"type": "MultiPolygon", "coordinates": [[RING]]}


def test_a_broken_geojson_file_gets_a_clear_message_and_nothing_is_written(admin_client):
    response = add_outline(admin_client, '{"type": "Polygon", "coordinates": [[[7.4, 51.3]')

    assert "Die Datei ist kein gültiges JSON (Zeile 1)" in response.content.decode()
    assert not QuarterOutline.objects.exists()


def test_a_point_instead_of_an_area_is_refused_and_nothing_is_written(admin_client):
    response = add_outline(admin_client, json.dumps({"type": "Point", "coordinates": [7.4, 51.3]}))

    assert "muss ein Polygon oder MultiPolygon sein" in response.content.decode()
    assert not QuarterOutline.objects.exists()


def test_editing_an_outline_without_a_new_file_keeps_its_outline(admin_client):
    seed_quarter_outlines()
    outline = QuarterOutline.objects.get(code="altenhagen")

    admin_client.post(
        f"/admin/snippets/cms/quarteroutline/edit/{outline.pk}/",
        {"area": "Hagen", "name": "Altenhagen (Nord)", "code": "altenhagen", "is_simplified": "on"},
    )

    outline.refresh_from_db()
    assert outline.name == "Altenhagen (Nord)"
    assert outline.geometry["coordinates"]


@pytest.fixture
def wave():
    wave = WaveFactory(questionnaire=full_questionnaire(), label="Herbst 2026")
    add_responses(wave, 9, answers={"mitbestimmen": 3}, quarter="altenhagen", age_band="14-17")
    add_responses(wave, 8, answers={"mitbestimmen": 8}, quarter="wehringhausen", age_band="14-17")
    add_responses(wave, 7, answers={"mitbestimmen": 6}, quarter="wehringhausen", age_band="18-21")
    add_responses(wave, 3, answers={"mitbestimmen": 1}, quarter="hagen", age_band="10-13")
    add_responses(wave, 6, answers={"mitbestimmen": 5}, quarter="ausserhalb", age_band="18-21")
    refresh_snapshot(wave=wave)
    return wave


@pytest.fixture
def dashboard(wave):
    seed_quarter_outlines()
    _, dashboard = build_site(wave=wave)
    dashboard.body = [
        (
            "quarter_map",
            {
                "wave": wave,
                "question": "mitbestimmen",
                "answers": "",
                "area": "Hagen",
                "heading": "Mitbestimmen auf der Karte",
            },
        ),
    ]
    dashboard.save()
    return dashboard


def test_a_dashboard_draws_the_quarters_as_a_map_with_its_table(client, dashboard):
    page = client.get(dashboard.url).content.decode()

    assert '<div class="quarter-map"><svg' in page
    assert "<title>Wehringhausen: 7,1</title>" in page
    assert '<th scope="row"><bdi>Altenhagen</bdi></th>' in page
    assert "Vereinfachte Umrisse, keine amtlichen Grenzen." in page


def test_the_map_page_loads_nothing_from_another_host(client, dashboard):
    page = client.get(dashboard.url).content.decode()
    svg = re.search(r'<div class="quarter-map">(.*?)</div>', page, re.S).group(1)

    assert re.findall(r"https?://[^\"' ]+", svg) == ["http://www.w3.org/2000/svg"]


def test_the_dashboard_filter_narrows_the_map_to_an_age_band(client, dashboard):
    page = client.get(dashboard.url, {"alter": "18-21"}).content.decode()

    assert "<title>Wehringhausen: 6,0</title>" in page
    assert "Herbst 2026 · 18 bis 21" in page


def test_the_map_can_be_downloaded_as_a_table_like_every_chart(client, dashboard):
    block_id = dashboard.body[0].id

    response = client.get(f"/downloads/{dashboard.pk}/{block_id}.csv")

    assert response.status_code == 200
    assert "Wehringhausen" in response.content.decode("utf-8-sig")


def test_the_map_is_drawn_once_for_the_page_and_its_links(client, dashboard, monkeypatch):
    from cms import map_blocks

    drawn = []
    original = map_blocks.map_chart
    monkeypatch.setattr(
        map_blocks,
        "map_chart",
        lambda value, *a, **kw: drawn.append(value) or original(value, *a, **kw),
    )

    page = client.get(dashboard.url, {"alter": "18-21"}).content.decode()

    assert f"/downloads/{dashboard.pk}/{dashboard.body[0].id}.csv?alter=18-21" in page
    assert len(drawn) == 1


def test_the_map_page_reads_its_snapshot_with_the_page_in_one_query(client, dashboard):
    with CaptureQueriesContext(connection) as queries:
        client.get(dashboard.url)

    table = Snapshot._meta.db_table
    assert sum(f'FROM "{table}"' in query["sql"] for query in queries.captured_queries) == 1


def test_a_map_block_of_a_question_the_wave_does_not_ask_is_refused(wave):
    seed_quarter_outlines()
    block = QuarterMapBlock()
    value = block.to_python(
        {"wave": wave.pk, "question": "gibt-es-nicht", "answers": "", "area": "", "heading": ""}
    )

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "question" in error.value.block_errors


def test_a_map_block_without_uploaded_outlines_says_where_to_add_them(wave):
    block = QuarterMapBlock()
    value = block.to_python(
        {"wave": wave.pk, "question": "mitbestimmen", "answers": "", "area": "", "heading": ""}
    )

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "Quartiersumrisse" in str(error.value.block_errors["area"])


def test_the_editors_may_upload_quarter_outlines_and_survey_staff_may_not(
    client, django_user_model
):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user(username="redaktion", password="pw")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    survey_staff = django_user_model.objects.create_user(username="umfrage", password="pw")
    survey_staff.groups.add(Group.objects.get(name="Umfrage-Team"))

    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 200
    client.force_login(survey_staff)
    assert client.get(ADD_URL).status_code == 302


def test_the_embedded_map_shows_the_map_beside_its_table(client, dashboard):
    block_id = dashboard.body[0].id

    page = client.get(f"/embed/{dashboard.pk}/{block_id}/").content.decode()

    assert '<div class="quarter-map"><svg' in page
    assert "<title>Wehringhausen: 7,1</title>" in page
    assert '<th scope="row"><bdi>Altenhagen</bdi></th>' in page


def test_the_printed_report_draws_the_map_not_only_its_table(dashboard, tmp_path):
    need(shutil.which("pdftotext") is not None, "this test needs poppler-utils")
    document = assembly.dashboard_document(page=dashboard, language="de")
    path = tmp_path / "report-map-de.pdf"

    with path.open("wb") as output:
        write_report_pdf(document, output)

    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(path), str(ARTIFACTS / "report-map-de")], check=True
    )
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    # Only the map's own legend says this; the table and its note do not.
    assert "Vereinfachte Umrisse, keine amtlichen Grenzen." in " ".join(text.split())
