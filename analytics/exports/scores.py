"""Scale and subscale scores of each exported response, scored as the dashboards score them.

Points per answer as in `analytics.services.aggregation.scale_points`: an option's score
(a reversed item counts lowest + highest − score) or a 0–10 number (reversed: 10 − it).
A part (the whole scale or one subscale) needs its share of answered items
(`min_answered`, prorated to the part's size); a mean is the mean of the answered items,
a sum is prorated to all items, a lookup converts the prorated sum.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from surveys.models import Scale


@dataclass
class Part:
    """The whole scale (subscale "") or one subscale, written into one export column."""

    scale: Scale
    subscale: str
    item_count: int
    needed: int
    # question id -> option id -> points (options) or (offset, sign) for numbers
    points: dict[int, dict[int, float] | tuple[int, int]] = field(default_factory=dict)
    column: int = -1

    def score(self, answers: dict[int, tuple]) -> float | None:
        total, answered = 0.0, 0
        for question_id, rule in self.points.items():
            found = answers.get(question_id)
            if found is None:
                continue
            option_id, number = found
            if isinstance(rule, tuple):
                if number is None:
                    continue
                total += rule[0] + rule[1] * number
            elif option_id in rule:
                total += rule[option_id]
            else:
                continue
            answered += 1
        if answered < max(1, self.needed):
            return None
        if self.scale.scoring == Scale.Scoring.MEAN:
            return round(total / answered, 4)
        prorated = total * self.item_count / answered
        if self.scale.scoring == Scale.Scoring.SUM:
            return round(prorated, 4)
        converted = (self.scale.lookup or {}).get(str(round(prorated)))
        return None if converted is None else float(converted)


def scale_parts(scales: list[Scale]) -> list[Part]:
    """Return the scored parts of scales: each scale, then each of its subscales."""
    parts = []
    for scale in scales:
        items = list(scale.items.select_related("question").prefetch_related("question__options"))
        subscales = sorted({item.subscale for item in items if item.subscale})
        for subscale in ["", *subscales]:
            chosen = [item for item in items if item.subscale == subscale or not subscale]
            needed = (
                scale.min_answered
                if not subscale
                else math.ceil(scale.min_answered * len(chosen) / max(1, len(items)))
            )
            part = Part(scale, subscale, len(chosen), needed)
            for item in chosen:
                question = item.question
                if question.has_options:
                    scores = [o.score for o in question.options.all() if o.score is not None]
                    if not scores:
                        continue
                    low, high = min(scores), max(scores)
                    part.points[question.pk] = {
                        option.pk: (low + high - option.score if item.is_reversed else option.score)
                        for option in question.options.all()
                        if option.score is not None
                    }
                elif question.is_numeric:
                    part.points[question.pk] = (10, -1) if item.is_reversed else (0, 1)
            parts.append(part)
    return parts


def part_label(part: Part) -> str:
    if not part.subscale:
        return _("%(scale)s: score") % {"scale": part.scale.name}
    return _("%(scale)s: subscale “%(subscale)s”") % {
        "scale": part.scale.name,
        "subscale": part.subscale,
    }


def scoring_text(part: Part) -> str:
    """Return in words how a part is scored, for the codebook."""
    how = {
        Scale.Scoring.MEAN: _("mean of the answered items"),
        Scale.Scoring.SUM: _("sum of the items, prorated when some are missing"),
        Scale.Scoring.LOOKUP: _("prorated sum converted through the lookup table"),
    }[part.scale.scoring]
    return _("%(how)s; %(items)s items, at least %(needed)s answered") % {
        "how": how,
        "items": part.item_count,
        "needed": max(1, part.needed),
    }


class ScoreKeeper:
    """Collect the scored answers of a chunk of responses, then write their scores."""

    def __init__(self, parts_by_version: dict[int, list[Part]]):
        self.parts_by_version = parts_by_version
        self.scored = {
            question_id
            for parts in parts_by_version.values()
            for part in parts
            for question_id in part.points
        }
        self.answers: dict[int, dict[int, tuple]] = {}

    def add(self, response_id: int, question_id: int, option_id, number, declined) -> None:
        if question_id in self.scored and not declined:
            self.answers.setdefault(response_id, {})[question_id] = (option_id, number)

    def fill(self, rows: dict[int, list], versions: dict[int, int]) -> None:
        """Write each response's scores into its row; `versions` maps response → version id."""
        for response_id, row in rows.items():
            answers = self.answers.get(response_id, {})
            for part in self.parts_by_version.get(versions[response_id], []):
                row[part.column] = part.score(answers)
        self.answers = {}
