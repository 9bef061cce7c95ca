"""Staff see how answers came in: in the field monitor and as a column of every export."""

import csv

import pytest

from analytics.exports.codebook import build_codebook
from analytics.exports.services import build_export, request_export
from analytics.exports.storage import export_root
from analytics.models import Export
from surveys.models import Response
from tests.factories import ResponseFactory, WaveFactory

pytestmark = pytest.mark.django_db


def test_the_field_monitor_counts_responses_per_channel(client, monitor_viewer):
    wave = WaveFactory()
    ResponseFactory.create_batch(3, wave=wave, channel=Response.Channel.TABLET)
    ResponseFactory.create_batch(2, wave=wave, channel=Response.Channel.PAPER)
    client.force_login(monitor_viewer)

    page = client.get(f"/admin/data/monitor/?wave={wave.pk}").content.decode()

    assert "<td>Tablet des Teams</td><td>3</td>" in page
    assert "<td>Papier, vom Team eingegeben</td><td>2</td>" in page


def test_the_export_has_a_channel_column_labelled_in_the_codebook(analyst):
    wave = WaveFactory()
    ResponseFactory(wave=wave, channel=Response.Channel.TABLET)
    ResponseFactory(wave=wave, channel=Response.Channel.API)

    export = build_export(export=request_export(wave=wave, format=Export.Format.CSV, user=analyst))

    with open(export_root() / export.file_name, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    codes = {variable.name: variable for variable in build_codebook(wave=wave).variables}
    labels = [codes["channel"].codes[int(row["channel"])] for row in rows]
    assert labels == ["Tablet des Teams", "Programmierschnittstelle (API)"]
