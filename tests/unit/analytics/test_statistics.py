"""Statistics against scipy's reference values and published worked examples."""

import pytest

from analytics import statistics

scipy_stats = pytest.importorskip("scipy.stats")


@pytest.mark.parametrize(("successes", "total"), [(0, 10), (3, 7), (42, 100), (999, 1000)])
def test_the_wilson_interval_matches_scipy(successes, total):
    reference = scipy_stats.binomtest(successes, total).proportion_ci(method="wilson")

    low, high = statistics.wilson_interval(successes, total)

    assert (low, high) == pytest.approx((reference.low, reference.high), abs=1e-9)


def test_the_wilson_interval_matches_newcombes_worked_example():
    # Newcombe (1998), Statistics in Medicine 17:857, table I: 81/263 → 0.2553 to 0.3662.
    low, high = statistics.wilson_interval(81, 263)

    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)


@pytest.mark.parametrize("df", [1, 2, 2.5, 3, 4, 9, 29.5, 120, 5000, 999999])
def test_the_t_quantile_matches_scipy(df):
    assert statistics.t_quantile(0.975, df) == pytest.approx(scipy_stats.t.ppf(0.975, df), rel=1e-9)


@pytest.mark.parametrize("df", [100, 101, 777, 5000, 64_999, 999_999])
def test_the_t_quantile_of_many_degrees_of_freedom_matches_scipy_to_the_last_digits(df):
    reference = scipy_stats.t.ppf(0.975, df)

    assert statistics.t_quantile(0.975, df) == pytest.approx(reference, rel=1e-14)


def test_the_t_interval_of_a_mean_matches_scipy():
    values = [3, 5, 5, 6, 7, 8, 8, 8, 10]
    histogram = {value: values.count(value) for value in set(values)}
    reference = scipy_stats.t.interval(
        0.95, len(values) - 1, loc=scipy_stats.tmean(values), scale=scipy_stats.sem(values)
    )

    summary = statistics.summarise_histogram(histogram)

    assert (summary.mean_low, summary.mean_high) == pytest.approx(reference, rel=1e-9)


def test_the_median_of_an_even_count_is_the_middle_of_the_two_central_values():
    assert statistics.summarise_histogram({1: 1, 2: 1, 7: 1, 9: 1}).median == 4.5


def test_the_standard_deviation_is_the_sample_one():
    values = [2, 4, 4, 4, 5, 5, 7, 9]
    histogram = {value: values.count(value) for value in set(values)}

    summary = statistics.summarise_histogram(histogram)

    assert summary.sd == pytest.approx(scipy_stats.tstd(values), rel=1e-12)


def test_welchs_test_matches_scipy_from_summary_statistics():
    before, after = (40, 5.1, 2.3), (55, 6.2, 1.7)
    reference = scipy_stats.ttest_ind_from_stats(5.1, 2.3, 40, 6.2, 1.7, 55, equal_var=False)

    result = statistics.welch_test(before=before, after=after)

    assert -result.t == pytest.approx(reference.statistic, rel=1e-9)
    assert result.p_value == pytest.approx(reference.pvalue, rel=1e-7)


def test_welchs_interval_of_the_difference_matches_scipy():
    before = [4, 5, 6, 5, 3, 6, 7, 4, 5, 5]
    after = [6, 7, 5, 8, 9, 7, 6, 8, 7]
    reference = scipy_stats.ttest_ind(after, before, equal_var=False).confidence_interval()

    result = statistics.welch_test(
        before=(len(before), scipy_stats.tmean(before), scipy_stats.tstd(before)),
        after=(len(after), scipy_stats.tmean(after), scipy_stats.tstd(after)),
    )

    assert (result.low, result.high) == pytest.approx((reference.low, reference.high), rel=1e-9)


def test_hedges_g_matches_borensteins_worked_example():
    # Borenstein, Hedges, Higgins, Rothstein (2009), Introduction to Meta-Analysis, ch. 4:
    # means 103 and 100, SDs 5.5 and 4.5, 50 each: g = 0.5924, SE 0.2028.
    g, low, high = statistics.hedges_g(before=(50, 100, 4.5), after=(50, 103, 5.5))

    assert round(g, 4) == 0.5924
    assert round((high - low) / (2 * statistics.Z_95), 4) == 0.2028


def test_a_paired_comparison_matches_scipys_related_t_test():
    pairs = [(3, 4), (5, 5), (2, 4), (4, 6), (3, 3), (1, 4), (4, 5), (2, 2), (3, 5)]
    reference = scipy_stats.ttest_rel(
        [after for _, after in pairs], [before for before, _ in pairs]
    )

    result = statistics.paired_test(pairs)

    assert result.t == pytest.approx(reference.statistic, rel=1e-9)
    assert result.p_value == pytest.approx(reference.pvalue, rel=1e-7)
    interval = reference.confidence_interval()
    assert (result.low, result.high) == pytest.approx((interval.low, interval.high), rel=1e-9)


def test_a_paired_comparison_of_one_pair_is_refused():
    with pytest.raises(ValueError, match="two pairs"):
        statistics.paired_test([(1, 2)])
