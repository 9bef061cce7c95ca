"""The synthetic answers the demo, the tests and the benchmarks share."""

import datetime

from demo.synthetic import Synthetic


def _draws(seed: int) -> list:
    draw = Synthetic(seed)
    return [
        draw.agreement(3.2),
        draw.zero_to_ten(4.5),
        draw.pick(["altenhagen", "wehringhausen"], [46, 40]),
        draw.some(["sport", "musik", "treff"], 2),
        draw.chance(0.5),
        draw.whole_number(0, 40),
        draw.day(datetime.date(2026, 10, 1), 45),
        draw.record_key(),
    ]


def test_the_same_seed_draws_the_same_answers_on_every_run():
    assert _draws(2026_10) == _draws(2026_10)
    assert _draws(2026_10) != _draws(2026_03)


def test_drawn_answers_stay_on_their_scale_however_far_the_mean_lies():
    draw = Synthetic(1)

    agreement = {draw.agreement(mean) for mean in (-3, 1, 3, 5, 9) for _ in range(200)}
    ratings = {draw.zero_to_ten(mean) for mean in (-5, 0, 5, 10, 15) for _ in range(200)}

    assert agreement == {1, 2, 3, 4, 5}
    assert ratings == set(range(11))


def test_a_whole_number_and_a_day_include_both_ends():
    draw = Synthetic(2)

    numbers = {draw.whole_number(0, 3) for _ in range(200)}
    days = {draw.day(datetime.date(2026, 10, 1), 3) for _ in range(200)}

    assert numbers == {0, 1, 2, 3}
    assert days == {datetime.date(2026, 10, day) for day in (1, 2, 3)}
