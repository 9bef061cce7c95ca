"""The open-data package of a wave and the cached results API, as a data journalist uses them."""

import csv
import datetime
import io
import json
import zipfile

import pytest
from django.utils import timezone

from analytics.services import refresh_snapshot
from surveys.models import Wave
from tests.factories import WaveFactory, submit

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


def _published(**fields) -> Wave:
    wave = WaveFactory(slug="quartier-check-herbst", **fields)
    submit(wave, 8, quarter="altenhagen", feeling="3")
    submit(wave, 9, quarter="altenhagen", feeling="4")
    submit(wave, 2, quarter="wehringhausen", feeling="2")
    refresh_snapshot(wave=wave)
    return wave


def _package(client, slug="quartier-check-herbst"):
    response = client.get(f"/api/v1/waves/{slug}/open-data/")
    assert response.status_code == 200, response.content[:300]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    files = {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}
    return response, files


def test_the_package_holds_the_readme_both_csv_files_and_the_json(client):
    _published()

    response, files = _package(client)

    assert set(files) == {"README.md", "ergebnisse.csv", "teilnahme.csv", "ergebnisse.json"}
    assert response["Content-Type"] == "application/zip"
    assert (
        'filename="part-offene-daten-quartier-check-herbst-v1.zip"'
        in response["Content-Disposition"]
    )


def test_the_readme_names_the_default_licence_the_source_the_version_and_k(client):
    _published()

    readme = _package(client)[1]["README.md"].decode()

    assert "CC BY 4.0" in readme and "https://creativecommons.org/licenses/by/4.0/" in readme
    assert "PaRT – Caritas Hagen und Diakonie Mark-Ruhr" in readme
    assert "http://testserver/api/v1/waves/quartier-check-herbst/results/" in readme
    assert "Snapshot-Version: 1" in readme and "(k): 5" in readme
    assert "`withheld`" in readme and timezone.localdate().isoformat() in readme


def test_the_readme_and_json_name_the_licence_staff_chose(client):
    _published(licence=Wave.Licence.CC0_1)

    files = _package(client)[1]

    assert "https://creativecommons.org/publicdomain/zero/1.0/" in files["README.md"].decode()
    assert json.loads(files["ergebnisse.json"])["licence"]["id"] == "CC0-1.0"


def test_withheld_figures_are_empty_cells_never_their_number(client):
    _published()

    files = _package(client)[1]

    rows = list(csv.DictReader(io.StringIO(files["ergebnisse.csv"].decode())))
    everyone_disagrees = next(
        row
        for row in rows
        if row["item_key"] == "wohlfuehlen" and row["grouping"] == "" and row["option"] == "2"
    )
    assert everyone_disagrees["withheld"] == "1" and everyone_disagrees["count"] == ""
    participation = list(csv.DictReader(io.StringIO(files["teilnahme.csv"].decode())))
    wehringhausen = next(row for row in participation if row["group"] == "wehringhausen")
    assert wehringhausen == wehringhausen | {"count": "", "withheld": "1"}
    assert '"count": 2' not in files["ergebnisse.json"].decode()


def test_shown_figures_are_in_the_csv_with_their_shares(client):
    _published()

    rows = list(csv.DictReader(io.StringIO(_package(client)[1]["ergebnisse.csv"].decode())))

    agree = next(
        row
        for row in rows
        if row["item_key"] == "wohlfuehlen" and row["grouping"] == "" and row["option"] == "4"
    )
    assert (agree["count"], agree["answered"], agree["withheld"]) == ("9", "19", "0")
    assert agree["option_label"] == "Eher" and float(agree["share"]) == pytest.approx(9 / 19, 0.01)


def test_a_wave_whose_results_wait_for_closing_gives_no_package(client):
    _published(
        results_policy=Wave.ResultsPolicy.AFTER_CLOSE,
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )

    response = client.get("/api/v1/waves/quartier-check-herbst/open-data/")

    assert response.status_code == 404
    assert "veröffentlicht" in response.json()["detail"]


def test_a_stray_query_parameter_gets_a_json_400(client):
    _published()

    response = client.get("/api/v1/waves/quartier-check-herbst/open-data/?format=xml")

    assert response.status_code == 400 and "format" in response.json()


def test_the_results_link_to_the_package(client):
    _published()

    data = client.get("/api/v1/waves/quartier-check-herbst/results/").json()

    assert data["open_data"] == "http://testserver/api/v1/waves/quartier-check-herbst/open-data/"


def test_the_schema_documents_the_package_endpoint(client):
    schema = client.get("/api/v1/schema/?format=json").json()

    operation = schema["paths"]["/api/v1/waves/{slug}/open-data/"]["get"]
    assert "application/zip" in operation["responses"]["200"]["content"]


def test_results_are_answered_from_the_cache_until_a_new_snapshot(
    client, django_assert_max_num_queries
):
    wave = _published()
    first = client.get("/api/v1/waves/quartier-check-herbst/results/").json()

    with django_assert_max_num_queries(2):
        again = client.get("/api/v1/waves/quartier-check-herbst/results/").json()
    submit(wave, 6, quarter="wehringhausen", feeling="5")
    refresh_snapshot(wave=wave)
    after = client.get("/api/v1/waves/quartier-check-herbst/results/").json()

    assert again == first
    assert (first["version"], first["response_count"]) == (1, 19)
    assert (after["version"], after["response_count"]) == (2, 25)


def test_an_empty_repeated_parameter_gets_one_flat_list_of_messages(client):
    _published()

    response = client.get("/api/v1/waves/quartier-check-herbst/results/?question=")

    assert response.status_code == 400
    assert response.json() == {"question": ["Dieses Feld darf nicht leer sein."]}
