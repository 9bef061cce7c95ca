"""A dashboard request reads its snapshots once and builds each chart once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analytics.models import Snapshot
from analytics.services import refresh_snapshot
from tests.factories import WaveFactory, build_site, submit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture
def dashboard():
    spring, autumn = WaveFactory(slug="fruehling"), WaveFactory(slug="herbst")
    for wave in (spring, autumn):
        submit(wave, 8, quarter="altenhagen", feeling="3")
        submit(wave, 9, quarter="wehringhausen", feeling="4", say=7)
        refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=spring)
    dashboard.body = [
        ("chart", {"wave": spring, "question": "wohlfuehlen", "heading": ""}),
        ("chart", {"wave": autumn, "question": "wohlfuehlen", "heading": ""}),
        ("key_figures", {"wave": autumn, "heading": ""}),
        ("chart", {"wave": autumn, "question": "mitbestimmen", "heading": ""}),
    ]
    dashboard.save_revision().publish()
    return dashboard


def _snapshot_reads(client, address, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, params or {})
    assert response.status_code == 200
    table = Snapshot._meta.db_table
    return sum(f'FROM "{table}"' in query["sql"] for query in queries.captured_queries)


def test_the_page_reads_the_snapshots_of_all_its_waves_in_one_query(client, dashboard):
    assert _snapshot_reads(client, dashboard.url) == 1


def test_a_filtered_page_still_reads_its_snapshots_in_one_query(client, dashboard):
    assert _snapshot_reads(client, dashboard.url, {"welle": "herbst"}) == 1


def test_a_chart_download_reads_the_snapshots_in_one_query(client, dashboard):
    address = f"/downloads/{dashboard.pk}/{dashboard.body[1].id}.csv"

    assert _snapshot_reads(client, address, {"quartier": "wehringhausen"}) == 1


def test_each_chart_is_built_once_for_the_page_its_links_and_its_share_tags(
    client, dashboard, monkeypatch
):
    from cms import blocks

    built = []
    original = blocks.chart_of
    monkeypatch.setattr(
        blocks,
        "chart_of",
        lambda value, *a, **kw: built.append(value) or original(value, *a, **kw),
    )

    client.get(dashboard.url)

    assert len(built) == 3
