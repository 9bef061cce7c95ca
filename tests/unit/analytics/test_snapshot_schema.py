"""One typed reading of a stored snapshot: versioned, upgraded, withheld cells said once."""

import dataclasses

import pytest

from analytics import snapshot_schema
from analytics.models import Snapshot
from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from tests.factories import WaveFactory, add_responses, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture
def snapshot():
    wave = WaveFactory(questionnaire=full_questionnaire())
    add_responses(wave, 9, answers={"se1": "5", "mitbestimmen": 7}, quarter="altenhagen")
    add_responses(wave, 8, answers={"se1": "4", "mitbestimmen": 5}, quarter="wehringhausen")
    add_responses(wave, 2, answers={"se1": "1", "mitbestimmen": 2}, quarter="hagen")
    refresh_snapshot(wave=wave)
    return published_snapshot(wave=wave)


def test_a_new_snapshot_stores_its_layout_version(snapshot):
    assert snapshot.data["schema_version"] == snapshot_schema.SCHEMA_VERSION


def test_a_snapshot_reads_as_typed_figures(snapshot):
    question = snapshot.figures.question("se1")

    assert question.answered == 19
    assert next(option for option in question.options if option.value == "5").count == 9
    assert question.range == snapshot_schema.ScoreRange(1, 5, "Stimme gar nicht zu", "Voll")
    assert question.group("quarter", ["altenhagen"]).answered == 9


def test_a_withheld_cell_reads_as_withheld_never_as_a_number(snapshot):
    question = snapshot.figures.question("se1")
    small = question.group("quarter", ["hagen"])
    strongly_disagree = next(option for option in question.options if option.value == "1")

    assert small.is_withheld and small.answered is None
    assert strongly_disagree.is_withheld and strongly_disagree.count is None


def test_a_snapshot_stored_without_a_version_is_read_and_upgraded(snapshot):
    data = dict(snapshot.data)
    data.pop("schema_version")
    data["questions"] = [
        {key: value for key, value in question.items() if key != "range"}
        for question in data["questions"]
    ]
    Snapshot.objects.filter(pk=snapshot.pk).update(data=data)

    old = Snapshot.objects.get(pk=snapshot.pk).figures

    assert old.schema_version == snapshot_schema.SCHEMA_VERSION
    assert old.question("se1").range.low == 1 and old.question("se1").range.high == 5
    assert old.question("mitbestimmen").range == snapshot_schema.ScoreRange(0, 10)
    assert old.as_json()["questions"][4]["range"]["high"] in (5, 10)


def test_a_layout_newer_than_the_code_is_refused():
    with pytest.raises(ValueError, match="newer"):
        snapshot_schema.parse({"schema_version": snapshot_schema.SCHEMA_VERSION + 1})


def test_the_figures_are_parsed_once_and_cannot_be_changed(snapshot):
    figures = snapshot.figures

    assert snapshot.figures is figures
    with pytest.raises(dataclasses.FrozenInstanceError):
        figures.question("se1").key = "anders"
