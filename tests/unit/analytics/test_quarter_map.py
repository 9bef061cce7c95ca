"""The quarter map: published figures per quarter, withheld ones hatched, drawn on our side."""

import re

import pytest

from analytics.quarter_map import (
    CLASS_COLOURS,
    WITHHELD_COLOUR,
    Outline,
    colour_class,
    quarter_map,
)
from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from surveys.models import Question
from tests.factories import WaveFactory, add_question, add_responses, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


def square(west, south, size=0.01):
    ring = [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
    ]
    return {"type": "MultiPolygon", "coordinates": [[ring]]}


OUTLINES = [
    Outline("altenhagen", "Altenhagen", square(7.46, 51.37), is_simplified=True),
    Outline("wehringhausen", "Wehringhausen", square(7.44, 51.35), is_simplified=True),
    Outline("hagen", "Woanders in Hagen", square(7.48, 51.35)),
]


@pytest.fixture
def snapshot():
    questionnaire = full_questionnaire()
    add_question(
        questionnaire, "treff", Question.Kind.YES_NO, options=[("ja", "Ja"), ("nein", "Nein")]
    )
    wave = WaveFactory(questionnaire=questionnaire, label="Herbst 2026")
    for quarter, mean, yes, no in [
        ("altenhagen", 2, 6, 5),
        ("wehringhausen", 9, 5, 6),
        ("hagen", 5, 1, 1),
        ("ausserhalb", 6, 5, 5),
    ]:
        # Every item of the 1 to 5 scale at 4 (se4 reverse scored: 2 counts as 4).
        scale = {"se1": "4", "se2": "4", "se3": "4", "se4": "2"}
        add_responses(
            wave, yes, answers={"mitbestimmen": mean, "treff": "ja", **scale}, quarter=quarter
        )
        add_responses(
            wave, no, answers={"mitbestimmen": mean, "treff": "nein", **scale}, quarter=quarter
        )
    refresh_snapshot(wave=wave)
    return published_snapshot(wave=wave)


def fill_of(svg: str, name: str) -> str:
    match = re.search(r'<path d="[^"]+" fill="([^"]+)"[^>]*><title>' + name, svg)
    assert match, f"no outline of {name}"
    return match.group(1)


def test_the_table_holds_the_average_of_each_quarter(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="mitbestimmen", outlines=OUTLINES)

    assert ["Altenhagen", "11", "2,0"] in drawn.chart.table.rows
    assert ["Wehringhausen", "11", "9,0"] in drawn.chart.table.rows


def test_the_summary_names_the_highest_and_lowest_quarter(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="mitbestimmen", outlines=OUTLINES)

    assert "in Wehringhausen am höchsten (9,0)" in drawn.chart.summary
    assert "am niedrigsten in Außerhalb von Hagen" not in drawn.chart.summary


def test_each_quarter_is_coloured_by_its_class_on_the_scale_from_0_to_10(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="mitbestimmen", outlines=OUTLINES)

    assert fill_of(drawn.svg, "Altenhagen") == CLASS_COLOURS[1]
    assert fill_of(drawn.svg, "Wehringhausen") == CLASS_COLOURS[4]


def test_a_withheld_quarter_is_hatched_and_says_why_never_its_figure(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="mitbestimmen", outlines=OUTLINES)

    assert fill_of(drawn.svg, "Woanders in Hagen").startswith("url(#hatch-")
    assert "nicht gezeigt, um eine kleine Gruppe zu schützen" in drawn.svg
    assert (drawn.chart.table.rows[2][:2]) == [
        "Woanders in Hagen",
        "nicht gezeigt, um eine kleine Gruppe zu schützen",
    ]
    assert "5,0" not in drawn.svg and "5,0" not in str(drawn.chart.table.rows)


def test_a_score_is_coloured_on_its_scales_full_range_from_1_to_5(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="scale:selbstwirksamkeit", outlines=OUTLINES)

    assert fill_of(drawn.svg, "Altenhagen") == CLASS_COLOURS[3]
    assert ">1,0</text>" in drawn.svg and ">5,0</text>" in drawn.svg


def test_a_share_of_chosen_answers_is_mapped_per_quarter(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="treff", outlines=OUTLINES, answers=["ja"])

    assert ["Wehringhausen", "11", "45 %"] in drawn.chart.table.rows
    assert drawn.chart.table.headings[2] == "Anteil, der „Ja“ gewählt hat"


def test_a_share_withheld_in_the_snapshot_to_protect_another_stays_withheld(snapshot):
    # One small quarter's "ja" is withheld, so a second "ja" is too: else the total gives it.
    drawn = quarter_map(snapshot=snapshot, key="treff", outlines=OUTLINES, answers=["ja"])

    withheld = [row[0] for row in drawn.chart.table.rows if row[2].startswith("nicht gezeigt")]
    assert len(withheld) >= 2
    assert "55 %" not in drawn.svg


def test_simplified_outlines_are_labelled_as_simplified(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="mitbestimmen", outlines=OUTLINES)

    assert "Vereinfachte Umrisse, keine amtlichen Grenzen." in drawn.svg
    assert "Die Umrisse der Quartiere sind vereinfacht." in drawn.chart.note


def test_a_quarter_without_an_outline_is_named_under_the_map(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="mitbestimmen", outlines=OUTLINES)

    assert "Außerhalb von Hagen" in drawn.chart.note


def test_the_picture_loads_nothing_from_another_host(snapshot):
    drawn = quarter_map(snapshot=snapshot, key="mitbestimmen", outlines=OUTLINES)

    assert re.findall(r"https?://[^\"' ]+", drawn.svg) == ["http://www.w3.org/2000/svg"]
    assert "<script" not in drawn.svg and "<image" not in drawn.svg


def test_values_fall_into_five_equal_classes_across_the_whole_range():
    assert [colour_class(value, 0, 10) for value in (0, 1.9, 2, 5, 7.9, 8, 10)] == [
        0,
        0,
        1,
        2,
        3,
        4,
        4,
    ]


def _fill_colours(shape) -> set[str]:
    colours = set()
    fill = getattr(shape, "fillColor", None)
    if fill is not None:
        colours.add(fill.hexval().lower().replace("0x", "#"))
    for child in getattr(shape, "contents", []):
        colours |= _fill_colours(child)
    return colours


def test_a_withheld_quarter_prints_grey_in_the_report_where_it_is_hatched_on_screen(snapshot):
    from analytics.reports.pdf import _FONTS, _font_map, picture_drawing
    from surveys.typesetting import register_fonts

    register_fonts(_FONTS)
    drawn = quarter_map(snapshot=snapshot, key="mitbestimmen", outlines=OUTLINES)

    drawing = picture_drawing(drawn.chart, width=400, font_map=_font_map())

    assert WITHHELD_COLOUR in _fill_colours(drawing)
