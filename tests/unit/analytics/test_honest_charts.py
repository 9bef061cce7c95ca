"""Every chart of an average spans its scale's whole range, and says how large a change is."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.utils import timezone, translation

from analytics import figure_kinds, figures
from analytics.charts import wording
from analytics.charts.svg import render_bar_svg
from analytics.charts.theme import axis_title
from analytics.downloads import table_csv, table_xlsx
from analytics.groups import Group
from analytics.models import Snapshot
from analytics.selectors import published_comparison, published_snapshot
from analytics.services import refresh_comparisons, refresh_snapshot
from surveys.models import Question
from tests.factories import WaveFactory, add_question, add_responses, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]

AGREEMENT_AXIS = "Durchschnitt (1 = Stimme gar nicht zu … 5 = Voll)"
SCALE = "scale:selbstwirksamkeit"
# A self-efficacy score of 2.75 before and about 3.0 after: on an axis cut to the data
# (0 to 3) the rise looks steep; on the scale's 1 to 5 it is as small as it is.
BEFORE = {"se1": "3", "se2": "3", "se3": "2", "se4": "4"}
AFTER = {"se1": "3", "se2": "3", "se3": "3", "se4": "3"}


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


@pytest.fixture
def questionnaire():
    return full_questionnaire()


def _wave(questionnaire, days_ago=1, label="Herbst"):
    return WaveFactory(
        questionnaire=questionnaire,
        label=label,
        opens_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def _published(*waves):
    for wave in waves:
        refresh_snapshot(wave=wave)
    for wave in waves:
        refresh_comparisons(wave=wave)
    return [published_snapshot(wave=wave) for wave in waves]


def _value_axis(chart) -> dict:
    layout = chart.figure["layout"]
    return layout["yaxis"] if chart.figure["data"][0]["type"] == "scatter" else layout["xaxis"]


@pytest.fixture
def scale_waves(questionnaire):
    spring, autumn = _wave(questionnaire, 200, "Frühjahr"), _wave(questionnaire, 10, "Herbst")
    add_responses(spring, 6, answers=BEFORE, quarter="altenhagen")
    add_responses(spring, 6, answers=AFTER, quarter="altenhagen")
    add_responses(autumn, 12, answers=AFTER, quarter="altenhagen")
    add_responses(autumn, 6, answers={"se1": "4", "se2": "4", "se3": "4", "se4": "2"})
    return spring, autumn


# The axis of every chart kind ------------------------------------------------------


def test_the_before_and_after_chart_of_a_1_to_5_scale_runs_from_1_to_5_with_its_labels(
    scale_waves,
):
    before, after = _published(*scale_waves)

    chart = figure_kinds.before_after_chart(
        before=before,
        after=after,
        comparison=published_comparison(before=scale_waves[0], after=scale_waves[1]),
        key=SCALE,
    )

    axis = _value_axis(chart)
    assert axis["range"] == [1, 5]
    assert axis_title(axis) == AGREEMENT_AXIS
    assert axis["tickvals"] == [1, 2, 3, 4, 5]
    bar = chart.figure["data"][0]
    assert bar["base"] == 1 and bar["x"][0] + bar["base"] == pytest.approx(2.75)


def test_answer_counts_start_at_zero_and_a_scale_per_quarter_runs_from_1_to_5(questionnaire):
    wave = _wave(questionnaire)
    add_responses(wave, 8, answers=BEFORE, quarter="altenhagen")
    add_responses(wave, 8, answers=AFTER, quarter="wehringhausen")
    (snapshot,) = _published(wave)

    # The bar chart of an agreement item counts each answer: from zero.
    chart = figure_kinds.bar_chart(snapshot=snapshot, key="se1")
    grouped = figure_kinds.quarters_chart(snapshot=snapshot, key=SCALE)

    assert chart.figure["layout"]["xaxis"]["rangemode"] == "tozero"
    assert _value_axis(grouped)["range"] == [1, 5]


def test_the_bar_chart_of_a_scale_score_runs_over_the_scale_for_everyone_and_a_group(
    scale_waves,
):
    _before, after = _published(*scale_waves)

    everyone = figure_kinds.bar_chart(snapshot=after, key=SCALE)
    group = figure_kinds.bar_chart(
        snapshot=after, key=SCALE, group=Group.of({"quarter": "altenhagen"})
    )

    for chart in (everyone, group):
        assert _value_axis(chart)["range"] == [1, 5]
        assert axis_title(_value_axis(chart)) == AGREEMENT_AXIS


def test_the_charts_of_a_0_to_10_question_run_from_0_to_10(questionnaire):
    waves = [_wave(questionnaire, 200, "A"), _wave(questionnaire, 10, "B")]
    for wave in waves:
        add_responses(wave, 8, answers={"mitbestimmen": 6}, quarter="altenhagen")
        add_responses(wave, 8, answers={"mitbestimmen": 7}, quarter="wehringhausen")
    before, after = _published(*waves)

    charts = [
        figure_kinds.bar_chart(snapshot=after, key="mitbestimmen"),
        figure_kinds.quarters_chart(snapshot=after, key="mitbestimmen"),
        figure_kinds.trend_chart(snapshots=[before, after], key="mitbestimmen"),
        figure_kinds.before_after_chart(
            before=before, after=after, comparison=None, key="mitbestimmen"
        ),
    ]

    for chart in charts:
        assert _value_axis(chart)["range"] == [0, 10]
        assert axis_title(_value_axis(chart)) == "Durchschnitt (0 bis 10)"


def test_the_trend_of_a_scale_runs_over_the_scale(scale_waves):
    snapshots = _published(*scale_waves)

    chart = figure_kinds.trend_chart(snapshots=snapshots, key=SCALE)

    assert chart.figure["layout"]["yaxis"]["range"] == [1, 5]


def test_a_number_with_limits_runs_between_them_and_one_without_from_zero(questionnaire):
    add_question(questionnaire, "schlaf", Question.Kind.NUMBER, min_value=4, max_value=12)
    wave = _wave(questionnaire)
    add_responses(wave, 8, answers={"schlaf": 8, "stunden": 3})
    (snapshot,) = _published(wave)

    limited = figure_kinds.bar_chart(snapshot=snapshot, key="schlaf")
    open_ended = figure_kinds.bar_chart(snapshot=snapshot, key="stunden")

    assert _value_axis(limited)["range"] == [4, 12]
    assert "range" not in _value_axis(open_ended)
    assert _value_axis(open_ended)["rangemode"] == "tozero"


def test_the_agreement_chart_spans_every_share_on_both_sides(questionnaire):
    wave = _wave(questionnaire)
    add_responses(wave, 10, answers={"se1": "5"})
    add_responses(wave, 10, answers={"se1": "1"})
    (snapshot,) = _published(wave)

    chart = figure_kinds.diverging_chart(snapshot=snapshot, key="se1")

    assert chart.figure["layout"]["xaxis"]["range"] == [-100, 100]


def test_a_snapshot_stored_before_ranges_were_kept_still_draws_the_agreement_range(
    questionnaire,
):
    wave = _wave(questionnaire)
    add_responses(wave, 8, answers={"se1": "4"})
    (snapshot,) = _published(wave)
    data = snapshot.data
    for question in data["questions"]:
        question.pop("range", None)
    Snapshot.objects.filter(pk=snapshot.pk).update(data=data)

    item = figure_kinds.item_of(published_snapshot(wave=wave), "se1")

    assert figures.mean_axis(item)["range"] == [1, 5]


# The static picture ---------------------------------------------------------------


def test_the_static_picture_of_a_1_to_5_scale_has_ticks_1_to_5_and_no_zero(scale_waves):
    before, after = _published(*scale_waves)
    chart = figure_kinds.before_after_chart(before=before, after=after, comparison=None, key=SCALE)

    svg = render_bar_svg(chart.figure, title=chart.title, description=chart.summary)

    ticks = re.findall(r'text-anchor="middle">(\d)</text>', svg)
    assert ticks == ["1", "2", "3", "4", "5"]
    assert AGREEMENT_AXIS in svg


def test_the_static_picture_draws_a_bar_from_the_scales_low_end_not_from_zero():
    figure = {
        "data": [{"type": "bar", "orientation": "h", "x": [2.0], "base": 1, "y": ["Alle"]}],
        "layout": {"xaxis": {"range": [1, 5], "tickvals": [1, 2, 3, 4, 5]}},
    }
    empty = figure | {"data": [figure["data"][0] | {"x": [0.0]}]}

    full = render_bar_svg(figure, title="t", description="d")
    none = render_bar_svg(empty, title="t", description="d")

    ticks = [float(x) for x in re.findall(r'<line x1="([\d.]+)"[^>]*stroke="#d4d4d8"', full)]
    bar = re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="#0072B2"', full)
    assert len(ticks) == 5
    assert float(bar.group(1)) == pytest.approx(ticks[0], abs=0.2)
    assert float(bar.group(2)) == pytest.approx(ticks[2] - ticks[0], abs=0.2)
    assert re.search(r'width="0.0"[^>]*fill="#0072B2"', none)


# Differences and effect sizes -----------------------------------------------------


def test_before_and_after_says_the_change_with_its_range_and_its_effect_size(scale_waves):
    before, after = _published(*scale_waves)
    comparison = published_comparison(before=scale_waves[0], after=scale_waves[1])
    entry = next(s for s in comparison.data["scales"] if s["key"] == "selbstwirksamkeit")

    chart = figure_kinds.before_after_chart(
        before=before, after=after, comparison=comparison, key=SCALE
    )

    rows = {row[0]: row for row in chart.table.rows}
    effect = rows["Effektstärke (Hedges' g)"][2]
    assert effect.startswith(wording.two_decimals(entry["effect_size"]))
    assert effect.endswith(figures.effect_size_words(entry["effect_size"]))
    assert "Nach der Faustregel von Cohen ist der Effekt der Veränderung" in chart.summary
    assert "Hedges' g = " in chart.summary


@pytest.mark.parametrize(
    ("value", "words"),
    [(0.1, "sehr klein"), (-0.3, "klein"), (0.5, "mittel"), (-1.2, "groß")],
)
def test_effect_sizes_are_named_by_cohens_rule_of_thumb(value, words):
    assert figures.effect_size_words(value) == words


def test_linked_waves_show_the_change_of_the_same_people_with_d_z(questionnaire):
    from surveys import linking
    from surveys.models import LinkingHash

    spring, autumn = _wave(questionnaire, 200, "Frühjahr"), _wave(questionnaire, 10, "Herbst")
    for wave, values in ((spring, [3, 4, 4, 5, 2, 3]), (autumn, [5, 5, 7, 6, 4, 6])):
        wave.linking_series = "quartier-vorher-nachher"
        wave.save()
        for day, value in enumerate(values, start=1):
            response = add_responses(wave, answers={"mitbestimmen": value})
            digests = linking.fingerprints(
                series=wave.linking_series, values=["MA", str(day), "3", "H", "1"]
            )
            LinkingHash.objects.bulk_create(
                LinkingHash(response=response, left_out=position, digest=digest)
                for position, digest in enumerate(digests)
            )
    before, after = _published(spring, autumn)

    chart = figure_kinds.before_after_chart(
        before=before,
        after=after,
        comparison=published_comparison(before=spring, after=autumn),
        key="mitbestimmen",
    )

    rows = {row[0]: row for row in chart.table.rows}
    assert rows["Veränderung derselben Personen"][1] == "6"
    assert rows["Veränderung derselben Personen"][2].startswith("+2,0 (")
    assert "Effektstärke derselben Personen (d_z)" in rows
    assert "Bei den 6 Personen, die beide Male geantwortet haben" in chart.summary
    assert "d_z = " in chart.summary


def test_a_group_too_small_to_show_gets_no_change_and_no_effect_size(scale_waves):
    spring, autumn = scale_waves
    add_responses(autumn, 2, answers=AFTER, quarter="hagen")
    add_responses(spring, 6, answers=AFTER, quarter="wehringhausen")
    before, after = _published(spring, autumn)

    chart = figure_kinds.before_after_chart(
        before=before,
        after=after,
        comparison=published_comparison(before=spring, after=autumn),
        key=SCALE,
        group=Group.of({"quarter": "hagen"}),
    )

    assert [row[0] for row in chart.table.rows] == ["Frühjahr", "Herbst"]
    assert chart.table.rows[1][1] == "nicht gezeigt, um eine kleine Gruppe zu schützen"
    assert "Hedges" not in chart.summary and chart.figure is None


# Downloads ------------------------------------------------------------------------


def test_downloads_hold_shares_and_averages_as_numbers_and_withheld_cells_as_text(
    questionnaire,
):
    wave = _wave(questionnaire)
    add_responses(wave, 9, answers={"se1": "5"})
    add_responses(wave, 8, answers={"se1": "4"})
    add_responses(wave, 2, answers={"se1": "1"})
    (snapshot,) = _published(wave)
    chart = figure_kinds.diverging_chart(snapshot=snapshot, key="se1")

    headings, row = list(csv.reader(io.StringIO(table_csv(chart.table).decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(table_xlsx(chart.table, source="x"))).active
    cells = [cell.value for cell in next(sheet.iter_rows(min_row=3, max_row=3))]

    voll = headings.index("Voll: Anteil in Prozent")
    assert headings[voll + 1] == "Voll: Personen"
    assert row[voll : voll + 2] == ["47.4", "9"]
    assert cells[voll : voll + 2] == [47.4, 9]
    withheld = headings.index("Stimme gar nicht zu: Anteil in Prozent")
    assert row[withheld] == cells[withheld] == "nicht gezeigt, um eine kleine Gruppe zu schützen"
    assert "2" not in row[withheld : withheld + 2]


def test_the_static_picture_of_a_trend_runs_over_the_scale_with_a_point_per_wave(scale_waves):
    from analytics.charts.pictures import chart_picture

    snapshots = _published(*scale_waves)
    chart = figure_kinds.trend_chart(snapshots=snapshots, key=SCALE)

    svg = chart_picture(chart)

    ticks = re.findall(r">(\d)</text>", svg)
    assert ticks[:5] == ["1", "2", "3", "4", "5"] or sorted(set(ticks)) == list("12345")
