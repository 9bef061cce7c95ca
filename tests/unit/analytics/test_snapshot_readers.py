"""Every public reader takes a snapshot's figures through the typed schema, never its JSON.

Each test loads snapshots with their figures parsed (as `Snapshot.figures` does) and their
stored JSON out of reach, so a chart, the API or the open data reading `snapshot.data`
by string keys fails here. The stored JSON marks one well-filled answer as withheld, so
each reader must show what the schema says, not what it could work out for itself.
"""

import csv
import io
import zipfile

import pytest

from analytics.models import Snapshot
from analytics.services import refresh_snapshot
from cms.models import DashboardPage
from tests.factories import WaveFactory, build_site, submit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh", "stored_json_out_of_reach"),
]

SLUG = "quartier-check-schema"
WITHHELD = "nicht gezeigt, um eine kleine Gruppe zu schützen"


class OutOfReach:
    """Stands in for a snapshot's stored JSON: any use of it fails the test."""

    def _refuse(self, *args, **kwargs):
        raise AssertionError("A reader used the stored snapshot JSON instead of snapshot.figures")

    __getitem__ = __iter__ = __contains__ = __len__ = __bool__ = __eq__ = _refuse

    def __getattr__(self, name):
        self._refuse()


@pytest.fixture
def stored_json_out_of_reach(monkeypatch):
    loaded = Snapshot.from_db.__func__

    def from_db(cls, db, field_names, values):
        snapshot = loaded(cls, db, field_names, values)
        snapshot.figures  # noqa: B018 - parsed once, from the stored JSON, as readers get it
        snapshot.data = OutOfReach()
        return snapshot

    monkeypatch.setattr(Snapshot, "from_db", classmethod(from_db))


def _published():
    """A wave where "Eher nicht" (2 people) is withheld, and the stored JSON withholds "Eher"."""
    wave = WaveFactory(slug=SLUG)
    submit(wave, 8, quarter="altenhagen", feeling="3")
    submit(wave, 9, quarter="altenhagen", feeling="4")
    submit(wave, 2, quarter="wehringhausen", feeling="2")
    snapshot = refresh_snapshot(wave=wave)
    data = snapshot.data
    question = next(entry for entry in data["questions"] if entry["key"] == "wohlfuehlen")
    for option in question["options"]:
        if option["value"] == "4":
            option |= {"count": None, "share": None, "share_low": None, "share_high": None}
    Snapshot.objects.filter(pk=snapshot.pk).update(data=data)
    _, dashboard = build_site(wave=wave)
    return wave, DashboardPage.objects.get(pk=dashboard.pk)


def test_the_dashboard_chart_download_shows_the_cells_the_schema_withholds(client):
    _, dashboard = _published()

    response = client.get(f"/downloads/{dashboard.pk}/{dashboard.body[0].id}.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Eher nicht", WITHHELD, "–"] in rows
    assert ["Eher", WITHHELD, "–"] in rows


def test_the_dashboard_page_shows_the_cells_the_schema_withholds(client):
    _, dashboard = _published()

    response = client.get(dashboard.url)

    assert response.status_code == 200
    assert response.content.decode().count(WITHHELD) >= 2


def test_the_dashboard_in_another_language_shows_the_cells_the_schema_withholds(client):
    _, dashboard = _published()

    page = client.get(f"/en{dashboard.url}").content.decode()

    assert "Ich fühle mich in meinem Quartier wohl. (en)" in page
    assert page.count("not shown, to protect a small group") >= 2


def test_the_results_api_gives_null_for_the_cells_the_schema_withholds(client):
    _published()

    data = client.get(f"/api/v1/waves/{SLUG}/results/").json()

    question = next(entry for entry in data["questions"] if entry["key"] == "wohlfuehlen")
    counts = {option["value"]: option["count"] for option in question["options"]}
    assert counts["2"] is None and counts["4"] is None and question["answered"] == 19


def test_the_open_data_csv_marks_the_cells_the_schema_withholds(client):
    _published()

    response = client.get(f"/api/v1/waves/{SLUG}/open-data/")

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    name = next(name for name in archive.namelist() if name.endswith("ergebnisse.csv"))
    rows = list(csv.DictReader(io.StringIO(archive.read(name).decode())))
    everyone = {
        row["option"]: (row["answered"], row["count"], row["withheld"])
        for row in rows
        if row["item_key"] == "wohlfuehlen" and row["grouping"] == ""
    }
    assert everyone["2"] == ("19", "", "1") and everyone["4"] == ("19", "", "1")
