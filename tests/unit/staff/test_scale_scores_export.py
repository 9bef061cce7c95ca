"""Every export carries each response's scale and subscale scores, scored as on dashboards."""

import csv

import pytest

from analytics.exports.codebook import build_codebook
from analytics.exports.services import build_export, request_export
from analytics.exports.storage import export_root
from analytics.models import Export
from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from tests.factories import WaveFactory, add_responses, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture
def wave():
    wave = WaveFactory(questionnaire=full_questionnaire())
    # se4 is reverse scored: 1 counts as 5. handeln = se1, se2; zutrauen = se3, se4.
    add_responses(wave, 6, answers={"se1": "4", "se2": "5", "se3": "2", "se4": "1"})
    add_responses(wave, 5, answers={"se1": "2", "se2": "3"})
    return wave


def exported(wave, analyst, format=Export.Format.CSV):
    export = build_export(export=request_export(wave=wave, format=format, user=analyst))
    with open(export_root() / export.file_name, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_the_export_holds_the_scale_score_and_each_subscale_score(wave, analyst):
    rows = exported(wave, analyst)

    scores = {
        (
            row["selbstwirksamkeit_score"],
            row["selbstwirksamkeit_handeln"],
            row["selbstwirksamkeit_zutrauen"],
        )
        for row in rows
    }
    assert scores == {("4", "4.5", "3.5"), ("", "2.5", "")}


def test_exported_subscale_scores_average_to_what_the_dashboards_publish(wave, analyst):
    refresh_snapshot(wave=wave)
    published = {
        part["key"]: part["mean"]
        for part in published_snapshot(wave=wave)
        .figures.scale("selbstwirksamkeit")
        .source["subscales"]
    }

    rows = exported(wave, analyst)

    for subscale in ("handeln", "zutrauen"):
        values = [
            float(row[f"selbstwirksamkeit_{subscale}"])
            for row in rows
            if row[f"selbstwirksamkeit_{subscale}"]
        ]
        assert sum(values) / len(values) == pytest.approx(published[subscale], abs=1e-3)


def test_the_codebook_says_how_each_subscale_is_scored(wave):
    [scale] = build_codebook(wave=wave).scales

    assert scale.scores[1] == (
        "selbstwirksamkeit_handeln",
        "Selbstwirksamkeit: Teilskala „handeln“",
        "Mittelwert der beantworteten Items; 2 Items, mindestens 2 beantwortet",
    )
