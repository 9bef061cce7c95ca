"""Plausible synthetic answers: one generator for the demo, the tests and the benchmarks.

`Synthetic` draws answers from a seeded random source, so the same seed gives the same
answers on every machine: agreement from 1 to 5 or a rating from 0 to 10 around a mean,
a choice by weights, a few of several options, a whole number, a day, a record key.
Each caller arranges them for its questionnaire. The demo and the tests store answers
as `Answer` rows (`answer_rows`); the benchmarks write the raw values with COPY, which
is why each draw is one plain call on the random source.
"""

import datetime
import random
from collections.abc import Mapping, Sequence

from surveys.models import RECORD_KEY_RANGE, Answer, Question, Response

# An answer someone chose not to give ("prefer not to say").
DECLINED = object()


class Synthetic:
    """Draw plausible answers from a random source seeded with `seed`."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def agreement(self, mean: float, spread: float = 1.15) -> int:
        """Return agreement from 1 to 5 around `mean`."""
        return min(5, max(1, round(self.random.gauss(mean, spread))))

    def zero_to_ten(self, mean: float, spread: float = 2.2) -> int:
        """Return a rating from 0 to 10 around `mean`."""
        return min(10, max(0, round(self.random.gauss(mean, spread))))

    def normal(self, mean: float, spread: float) -> float:
        """Return a value around `mean`, e.g. how one person leans across several items."""
        return self.random.gauss(mean, spread)

    def pick(self, values: Sequence, weights: Sequence[float] | None = None):
        """Return one of `values`, drawn by `weights` (all alike when left out)."""
        return self.random.choices(values, weights)[0]

    def one_of(self, values: Sequence):
        """Return one of `values`, each as likely."""
        return self.random.choice(values)

    def some(self, values: Sequence, count: int) -> list:
        """Return `count` different ones of `values`."""
        return self.random.sample(values, count)

    def chance(self, probability: float) -> bool:
        """Return True with the given probability."""
        return self.random.random() < probability

    def whole_number(self, low: int, high: int) -> int:
        """Return a whole number from `low` to `high`, both included."""
        return self.random.randrange(low, high + 1)

    def day(self, start: datetime.date, days: int) -> datetime.date:
        """Return one of the `days` days from `start` on."""
        return start + datetime.timedelta(days=self.random.randrange(days))

    def record_key(self) -> int:
        """Return a random record key, as a stored response gets one."""
        return self.random.randrange(RECORD_KEY_RANGE)


def answer_rows(
    response: Response, questions: Mapping[str, Question], answers: Mapping
) -> list[Answer]:
    """Return the `Answer` rows of one response, unsaved, as the runner would store them.

    `answers` maps a question key to an option value, a list of option values, a number,
    a text or DECLINED.
    """
    rows = []
    for key, value in answers.items():
        question = questions[key]
        if value is DECLINED:
            rows.append(Answer(response=response, question=question, declined=True))
            continue
        options = {option.value: option for option in question.options.all()}
        if isinstance(value, list | tuple):
            rows += [Answer(response=response, question=question, option=options[v]) for v in value]
        elif question.has_options:
            rows.append(Answer(response=response, question=question, option=options[value]))
        elif question.is_free_text:
            rows.append(Answer(response=response, question=question, text=value))
        else:
            rows.append(Answer(response=response, question=question, number=value))
    return rows
