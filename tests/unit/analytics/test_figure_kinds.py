"""Each chart kind staff can choose: its table, its sentence, and what it withholds."""

import datetime

import pytest
from django.utils import timezone, translation

from analytics import figure_kinds
from analytics.groups import Group
from analytics.selectors import published_comparison, published_snapshot
from analytics.services import refresh_comparisons, refresh_snapshot
from tests.factories import WaveFactory, add_question, add_responses, full_questionnaire

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


@pytest.fixture
def questionnaire():
    return full_questionnaire()


def _wave(questionnaire, days_ago, label):
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


# Diverging ------------------------------------------------------------------------


def test_the_agreement_chart_says_how_many_agree_and_disagree(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 6, answers={"se1": "5"})
    add_responses(wave, 6, answers={"se1": "4"})
    add_responses(wave, 5, answers={"se1": "3"})
    add_responses(wave, 5, answers={"se1": "1"})
    (snapshot,) = _published(wave)

    chart = figure_kinds.diverging_chart(snapshot=snapshot, key="se1")

    assert chart.summary == "55 % stimmen zu oder eher zu; 23 % stimmen nicht oder eher nicht zu."
    assert chart.table.rows[0][:2] == ["Frage se1", "22"]
    assert chart.table.rows[0][-1] == "27 % (6)"


def test_the_agreement_chart_puts_disagreement_left_and_agreement_right(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 10, answers={"se1": "5"})
    add_responses(wave, 10, answers={"se1": "1"})
    add_responses(wave, 10, answers={"se1": "3"})
    (snapshot,) = _published(wave)

    traces = figure_kinds.diverging_chart(snapshot=snapshot, key="se1").figure["data"]

    by_name = {}
    for trace in traces:
        by_name.setdefault(trace["name"], []).append(trace["x"][0])
    assert by_name["Stimme gar nicht zu"] == [pytest.approx(-100 / 3)]
    assert by_name["Voll"] == [pytest.approx(100 / 3)]
    assert sorted(by_name["Teils"]) == [pytest.approx(-50 / 3), pytest.approx(50 / 3)]


def test_the_agreement_chart_shows_a_withheld_answer_as_not_shown_to_protect_a_group(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 9, answers={"se1": "5"})
    add_responses(wave, 8, answers={"se1": "4"})
    add_responses(wave, 2, answers={"se1": "1"})
    (snapshot,) = _published(wave)

    chart = figure_kinds.diverging_chart(snapshot=snapshot, key="se1")

    assert "nicht gezeigt, um eine kleine Gruppe zu schützen" in chart.table.rows[0]
    assert "2 (" not in " ".join(chart.table.rows[0])
    assert "Zum Schutz der Privatsphäre" in chart.note


def test_the_agreement_chart_of_a_matrix_has_a_row_per_statement(questionnaire):
    add_question(questionnaire, "gefuehl", "matrix", text="Wie sehr stimmst du zu?")
    for number in (1, 2):
        add_question(
            questionnaire,
            f"gefuehl_{number}",
            "matrix_row",
            text=f"Aussage {number}",
            options=[("1", "Nein"), ("2", "Eher nein"), ("3", "Teils"), ("4", "Eher"), ("5", "Ja")],
        )
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 10, answers={"gefuehl_1": "5", "gefuehl_2": "1"})
    add_responses(wave, 10, answers={"gefuehl_1": "4", "gefuehl_2": "2"})
    (snapshot,) = _published(wave)

    chart = figure_kinds.diverging_chart(snapshot=snapshot, key="gefuehl")

    assert [row[0] for row in chart.table.rows] == ["Aussage 1", "Aussage 2"]
    assert chart.summary == (
        "Am meisten Zustimmung: „Aussage 1“ (100 %); am wenigsten: „Aussage 2“ (0 %)."
    )


# Before and after -----------------------------------------------------------------


@pytest.fixture
def two_waves(questionnaire):
    spring, autumn = _wave(questionnaire, 200, "Frühjahr"), _wave(questionnaire, 10, "Herbst")
    for value in (2, 3, 4):
        add_responses(spring, 10, answers={"mitbestimmen": value}, quarter="altenhagen")
    for value in (5, 6, 7):
        add_responses(autumn, 10, answers={"mitbestimmen": value}, quarter="altenhagen")
    return spring, autumn


def test_before_and_after_shows_both_averages_and_the_change_with_its_range(two_waves):
    spring, autumn = two_waves
    before, after = _published(spring, autumn)

    chart = figure_kinds.before_after_chart(
        before=before,
        after=after,
        comparison=published_comparison(before=spring, after=autumn),
        key="mitbestimmen",
    )

    assert [row[0] for row in chart.table.rows] == [
        "Frühjahr",
        "Herbst",
        "Veränderung",
        "Effektstärke (Hedges' g)",
    ]
    assert chart.table.rows[0][2].startswith("3,0 (")
    assert chart.table.rows[2][2].startswith("+3,0 (")
    assert chart.table.rows[3][2].endswith(", groß")
    assert chart.summary.startswith(
        "Der Durchschnitt stieg von 3,0 (Frühjahr) auf 6,0 (Herbst). "
        "Die Veränderung ist größer, als der Zufall allein erklären würde. "
        "Nach der Faustregel von Cohen ist der Effekt der Veränderung groß (Hedges' g = "
    )
    assert "mit 95 % Sicherheit" in chart.note


def test_before_and_after_draws_interval_bars(two_waves):
    before, after = _published(*two_waves)

    chart = figure_kinds.before_after_chart(
        before=before, after=after, comparison=None, key="mitbestimmen"
    )

    bar = chart.figure["data"][0]
    assert bar["type"] == "bar" and bar["error_x"]["array"][0] > 0


def test_before_and_after_for_a_group_reads_the_groups_averages(two_waves):
    before, after = _published(*two_waves)

    chart = figure_kinds.before_after_chart(
        before=before,
        after=after,
        comparison=None,
        key="mitbestimmen",
        group=Group.of({"quarter": "altenhagen"}),
    )

    assert chart.table.rows[1][:2] == ["Herbst", "30"]
    assert "Altenhagen" in chart.subtitle


# Trend ----------------------------------------------------------------------------


def test_the_trend_lists_every_wave_oldest_first_and_says_where_it_went(questionnaire):
    waves = [
        _wave(questionnaire, days, label) for days, label in ((300, "A"), (200, "B"), (10, "C"))
    ]
    for wave, value in zip(waves, (3, 4, 6), strict=True):
        add_responses(wave, 6, answers={"mitbestimmen": value})
        add_responses(wave, 6, answers={"mitbestimmen": value + 1})
    snapshots = _published(*waves)

    chart = figure_kinds.trend_chart(snapshots=snapshots, key="mitbestimmen")

    assert [row[0] for row in chart.table.rows] == ["A", "B", "C"]
    assert chart.summary == "Von A bis C stieg der Durchschnitt von 3,5 auf 6,5."
    assert chart.figure["data"][0]["type"] == "scatter"


def test_a_trend_wave_with_too_few_answers_says_it_is_not_shown(questionnaire):
    waves = [
        _wave(questionnaire, days, label) for days, label in ((300, "A"), (200, "B"), (10, "C"))
    ]
    for wave, count in zip(waves, (8, 8, 8), strict=True):
        add_responses(wave, count, answers={"se1": "4"}, quarter="altenhagen")
    add_responses(waves[1], 6, answers={"mitbestimmen": 5}, quarter="altenhagen")
    add_responses(waves[1], 2, answers={"mitbestimmen": 5}, quarter="wehringhausen")
    for wave in (waves[0], waves[2]):
        add_responses(wave, 8, answers={"mitbestimmen": 6}, quarter="altenhagen")
    snapshots = _published(*waves)

    chart = figure_kinds.trend_chart(
        snapshots=snapshots, key="mitbestimmen", group=Group.of({"quarter": "wehringhausen"})
    )

    assert chart.table.rows[1][1] == "nicht gezeigt, um eine kleine Gruppe zu schützen"
    assert "2" not in chart.table.rows[1][1:]


# Quarters -------------------------------------------------------------------------


def test_the_quarters_chart_compares_the_averages_of_each_quarter(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 8, answers={"mitbestimmen": 4}, quarter="altenhagen")
    add_responses(wave, 8, answers={"mitbestimmen": 7}, quarter="wehringhausen")
    add_responses(wave, 6, answers={"mitbestimmen": 5}, quarter="ausserhalb")
    add_responses(wave, 3, answers={"mitbestimmen": 9}, quarter="hagen")
    (snapshot,) = _published(wave)

    chart = figure_kinds.quarters_chart(snapshot=snapshot, key="mitbestimmen")

    rows = {row[0]: row[1] for row in chart.table.rows}
    assert rows["Altenhagen"] == "8"
    assert rows["Woanders in Hagen"] == "nicht gezeigt, um eine kleine Gruppe zu schützen"
    assert "3" not in rows.values()
    assert chart.summary == (
        "Der Durchschnitt war in Wehringhausen am höchsten (7,0) und in Altenhagen am "
        "niedrigsten (4,0)."
    )


def test_the_quarters_chart_of_a_choice_question_has_a_column_per_quarter(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 8, answers={"se1": "5"}, quarter="altenhagen")
    add_responses(wave, 8, answers={"se1": "2"}, quarter="wehringhausen")
    (snapshot,) = _published(wave)

    chart = figure_kinds.quarters_chart(snapshot=snapshot, key="se1")

    assert chart.table.headings[:3] == ["Antwort", "Altenhagen", "Wehringhausen"]
    assert chart.table.rows[4][1] == "100 % (8)"
    assert "in Altenhagen „Voll“ (100 %)" in chart.summary
    patterns = {trace["marker"]["pattern"]["shape"] for trace in chart.figure["data"]}
    assert len(patterns) == 2


def test_the_quarters_chart_by_age_band_reads_quarter_by_age(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 8, answers={"mitbestimmen": 4}, quarter="altenhagen", age_band="14-17")
    add_responses(wave, 8, answers={"mitbestimmen": 7}, quarter="wehringhausen", age_band="14-17")
    add_responses(wave, 8, answers={"mitbestimmen": 1}, quarter="wehringhausen", age_band="18-21")
    (snapshot,) = _published(wave)

    chart = figure_kinds.quarters_chart(
        snapshot=snapshot, key="mitbestimmen", group=Group.of({"age_band": "14-17"})
    )

    rows = {row[0]: row[2] for row in chart.table.rows}
    assert rows["Wehringhausen"].startswith("7,0")


def test_the_quarters_chart_by_gender_says_the_combination_is_not_published(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 8, answers={"mitbestimmen": 4}, quarter="altenhagen", gender="w")
    (snapshot,) = _published(wave)

    chart = figure_kinds.quarters_chart(
        snapshot=snapshot, key="mitbestimmen", group=Group.of({"gender": "w"})
    )

    assert chart.figure is None
    assert "weiblich" in chart.summary and "keine Zahlen" in chart.summary


# Bar for a group ------------------------------------------------------------------


def test_a_bar_chart_for_a_small_group_says_it_is_not_shown_and_shows_nothing(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 9, answers={"mitbestimmen": 4}, quarter="altenhagen")
    add_responses(wave, 9, answers={"mitbestimmen": 6}, quarter="wehringhausen")
    add_responses(wave, 3, answers={"mitbestimmen": 3}, quarter="hagen")
    (snapshot,) = _published(wave)

    chart = figure_kinds.bar_chart(
        snapshot=snapshot, key="mitbestimmen", group=Group.of({"quarter": "hagen"})
    )

    assert chart.figure is None
    assert "um eine kleine Gruppe zu schützen" in chart.summary and "3" not in chart.summary


def test_a_bar_chart_for_a_group_counts_that_group_only(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 9, answers={"se1": "4"}, quarter="altenhagen")
    add_responses(wave, 7, answers={"se1": "2"}, quarter="wehringhausen")
    (snapshot,) = _published(wave)

    chart = figure_kinds.bar_chart(
        snapshot=snapshot, key="se1", group=Group.of({"quarter": "wehringhausen"})
    )

    assert chart.summary.startswith("7 Personen haben geantwortet.")
    assert "n = 7" in chart.subtitle


def test_a_scale_can_be_charted_by_its_key(questionnaire):
    wave = _wave(questionnaire, 1, "Herbst")
    add_responses(wave, 8, answers={"se1": "4", "se2": "4", "se3": "4", "se4": "2"})
    (snapshot,) = _published(wave)

    chart = figure_kinds.bar_chart(snapshot=snapshot, key="scale:selbstwirksamkeit")

    assert chart.title == "Selbstwirksamkeit"
    assert chart.summary == (
        "Im Durchschnitt erreichten die 8 Personen, die geantwortet haben, einen Wert von 4,0."
    )
