"""Score one response on a scale: reverse items, subscales, minimum answered, lookup."""

from dataclasses import dataclass

from surveys.models import Scale


@dataclass
class ScaleScore:
    value: float | None
    answered: int
    subscales: dict[str, float | None]


def _combine(scale: Scale, points: list[float]) -> float | None:
    if len(points) < max(1, scale.min_answered) or not points:
        return None
    total = sum(points)
    if scale.scoring == Scale.Scoring.MEAN:
        return total / len(points)
    if scale.scoring == Scale.Scoring.LOOKUP:
        converted = (scale.lookup or {}).get(f"{total:g}")
        return None if converted is None else float(converted)
    return total


def score_response(*, scale: Scale, option_scores: dict[int, float]) -> ScaleScore:
    """Return the score of one response given `option_scores` {question id: points}.

    A reversed item counts as (lowest + highest - points) of its own options, so a
    1–5 item turns 1 into 5; declined or missing items are simply not answered.
    """
    points, by_subscale = [], {}
    for item in scale.items.select_related("question").prefetch_related("question__options"):
        if item.question_id not in option_scores:
            continue
        value = option_scores[item.question_id]
        if item.is_reversed:
            scores = [o.score for o in item.question.options.all() if o.score is not None]
            value = min(scores) + max(scores) - value
        points.append(value)
        if item.subscale:
            by_subscale.setdefault(item.subscale, []).append(value)
    subscales = {
        name: (sum(values) / len(values) if scale.scoring == Scale.Scoring.MEAN else sum(values))
        for name, values in by_subscale.items()
    }
    return ScaleScore(_combine(scale, points), len(points), subscales)
