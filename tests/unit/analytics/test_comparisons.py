"""Two waves compared: Welch's test and Hedges' g, stored; linked pairs compared paired."""

import datetime

import pytest
from django.utils import timezone

from analytics.selectors import published_comparison
from analytics.services import compare_pairs, refresh_comparisons, refresh_snapshot
from analytics.statistics import welch_test
from surveys.models import Question
from tests.factories import WaveFactory, add_responses, full_questionnaire

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]
scipy_stats = pytest.importorskip("scipy.stats")


def _two_waves(second_questionnaire=None):
    questionnaire = full_questionnaire()
    before = WaveFactory(
        questionnaire=questionnaire,
        opens_at=timezone.now() - datetime.timedelta(days=200),
        closes_at=timezone.now() - datetime.timedelta(days=150),
    )
    after = WaveFactory(questionnaire=second_questionnaire or questionnaire)
    return before, after


def _answer(wave, numbers):
    for number in numbers:
        add_responses(wave, answers={"mitbestimmen": number})


def test_two_waves_are_compared_with_welchs_test_and_stored():
    before, after = _two_waves()
    _answer(before, [3, 4, 4, 5, 2, 3, 6, 4])
    _answer(after, [6, 5, 7, 8, 6, 9, 5, 7, 6])
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    entry = published_comparison(before=before, after=after).figures.question("mitbestimmen").source
    reference = scipy_stats.ttest_ind(
        [6, 5, 7, 8, 6, 9, 5, 7, 6], [3, 4, 4, 5, 2, 3, 6, 4], equal_var=False
    )
    assert entry["t"] == pytest.approx(reference.statistic, abs=1e-3)
    assert entry["p_value"] == pytest.approx(reference.pvalue, abs=1e-4)


def test_a_comparison_carries_hedges_g_with_its_interval():
    before, after = _two_waves()
    _answer(before, [3, 4, 4, 5, 2, 3, 6, 4])
    _answer(after, [6, 5, 7, 8, 6, 9, 5, 7, 6])
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    entry = published_comparison(before=before, after=after).figures.question("mitbestimmen").source
    assert entry["effect_low"] < entry["effect_size"] < entry["effect_high"]
    first, second = [3, 4, 4, 5, 2, 3, 6, 4], [6, 5, 7, 8, 6, 9, 5, 7, 6]
    expected = welch_test(
        before=(8, scipy_stats.tmean(first), scipy_stats.tstd(first)),
        after=(9, scipy_stats.tmean(second), scipy_stats.tstd(second)),
    )
    assert entry["effect_size"] == pytest.approx(expected.effect_size, abs=1e-3)


def test_agreement_items_are_compared_by_their_mean_score():
    before, after = _two_waves()
    add_responses(before, 5, answers={"se1": "2"})
    add_responses(before, 5, answers={"se1": "3"})
    add_responses(after, 6, answers={"se1": "4"})
    add_responses(after, 5, answers={"se1": "5"})
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    entry = published_comparison(before=before, after=after).figures.question("se1").source
    assert entry["status"] == "ok" and entry["difference"] > 0


def test_a_question_changed_in_a_new_version_is_marked_as_not_comparable():
    changed = full_questionnaire(version=2)
    Question.objects.filter(questionnaire=changed, key="se1").update(kind="scale_0_10")
    before, after = _two_waves(second_questionnaire=changed)
    add_responses(before, 6, answers={"se1": "3"})
    add_responses(after, 6, answers={"se1": 7})
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    entry = published_comparison(before=before, after=after).figures.question("se1").source
    assert entry["status"] == "changed"


def test_waves_with_too_few_answers_are_not_compared():
    before, after = _two_waves()
    _answer(before, [3, 4])
    _answer(after, [6, 5, 7, 8, 6, 9])
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    entry = published_comparison(before=before, after=after).figures.question("mitbestimmen").source
    assert entry["status"] == "too_few" and "t" not in entry


def test_linked_responses_are_compared_as_pairs():
    before, after = _two_waves()
    values = [(3, 4), (5, 5), (2, 4), (4, 6), (3, 3), (1, 4), (4, 5)]
    pairs = []
    for first, second in values:
        pairs.append(
            (
                add_responses(before, answers={"mitbestimmen": first}).pk,
                add_responses(after, answers={"mitbestimmen": second}).pk,
            )
        )

    result = compare_pairs(question_key="mitbestimmen", pairs=pairs, min_cell_size=5)

    reference = scipy_stats.ttest_rel([b for _, b in values], [a for a, _ in values])
    assert result["pairs"] == 7
    assert result["t"] == pytest.approx(reference.statistic, abs=1e-4)


def test_fewer_than_k_linked_pairs_are_not_compared():
    before, after = _two_waves()
    pairs = [
        (
            add_responses(before, answers={"mitbestimmen": 2}).pk,
            add_responses(after, answers={"mitbestimmen": number}).pk,
        )
        for number in (3, 5, 6, 7)
    ]

    result = compare_pairs(question_key="mitbestimmen", pairs=pairs, min_cell_size=5)

    assert result == {"status": "too_few", "pairs": None}


def _linked(wave, number, codes):
    """Store one response per (answer, code) with the code's fingerprints."""
    from surveys import linking
    from surveys.models import LinkingHash

    for value, code in zip(number, codes, strict=True):
        response = add_responses(wave, answers={"mitbestimmen": value})
        digests = linking.fingerprints(series=wave.linking_series, values=code)
        LinkingHash.objects.bulk_create(
            LinkingHash(response=response, left_out=position, digest=digest)
            for position, digest in enumerate(digests)
        )


def _codes(count):
    return [["MA", str(day), "3", "H", "1"] for day in range(1, count + 1)]


def _linked_waves():
    before, after = _two_waves()
    for wave in (before, after):
        wave.linking_series = "quartier-vorher-nachher"
        wave.save()
    return before, after


def test_linked_waves_publish_a_paired_comparison_from_k_pairs():
    before, after = _linked_waves()
    first, second = [3, 4, 4, 5, 2, 3], [5, 5, 7, 6, 4, 6]
    _linked(before, first, _codes(6))
    _linked(after, second, _codes(6))
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    comparison = published_comparison(before=before, after=after)
    reference = scipy_stats.ttest_rel(second, first)
    assert comparison.data["paired"] == {"status": "ok", "pairs": 6}
    paired = comparison.figures.question("mitbestimmen").source["paired"]
    assert paired["t"] == pytest.approx(reference.statistic, abs=1e-3)


def test_fewer_than_k_pairs_publish_no_paired_figure():
    before, after = _linked_waves()
    _linked(before, [3, 4, 4, 5, 2, 3], _codes(6))
    _linked(after, [5, 5, 7, 6, 4, 6], _codes(4) + [["XY", "1", "1", "B", "9"]] * 2)
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    comparison = published_comparison(before=before, after=after)
    assert comparison.data["paired"] == {"status": "too_few", "pairs": None}
    assert "paired" not in comparison.figures.question("mitbestimmen").source


def test_waves_without_a_linking_series_carry_no_paired_part():
    before, after = _two_waves()
    _answer(before, [3, 4, 4, 5, 2, 3])
    _answer(after, [5, 5, 7, 6, 4, 6])
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    assert "paired" not in published_comparison(before=before, after=after).data


def test_each_subscale_is_compared_between_two_waves_with_its_effect_size():
    before, after = _two_waves()
    # handeln = se1, se2
    for first, second in [("2", "3"), ("3", "3"), ("2", "2"), ("3", "4"), ("2", "3"), ("1", "2")]:
        add_responses(before, answers={"se1": first, "se2": second})
    for first, second in [("4", "5"), ("4", "4"), ("5", "5"), ("3", "4"), ("4", "5"), ("5", "4")]:
        add_responses(after, answers={"se1": first, "se2": second})
    refresh_snapshot(wave=before)
    refresh_snapshot(wave=after)

    refresh_comparisons(wave=after)

    comparison = published_comparison(before=before, after=after)
    entry = next(s for s in comparison.data["scales"] if s["key"] == "selbstwirksamkeit/handeln")
    assert entry["status"] == "ok"
    assert entry["difference"] == pytest.approx(26 / 6 - 15 / 6, abs=1e-3)
    assert entry["effect_size"] > 0.8
