"""Compare waves of one questionnaire: independent samples, and linked pairs where asked."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Max

from analytics.models import ComparisonSnapshot, Snapshot
from analytics.selectors import latest_snapshot, paired_values
from analytics.signals import announce_results_published
from analytics.snapshot_schema import Average, ItemFigures, SnapshotFigures
from analytics.statistics import Difference, paired_test, welch_test
from analytics.subscales import scales_and_subscales
from surveys.models import Question, Wave
from surveys.selectors import linked_pairs

KEPT_VERSIONS = 2


class ComparisonStatus:
    """Why a comparison shows no figure; said plainly by figures.py."""

    OK = "ok"
    NOT_IN_BOTH = "not_in_both"
    CHANGED = "changed"
    TOO_FEW = "too_few"
    NO_VARIATION = "no_variation"
    NOT_A_MEAN = "not_a_mean"


def compared_pairs(*, wave: Wave) -> list[tuple[Wave, Wave]]:
    """Return the (before, after) pairs a wave takes part in: its neighbours in time.

    Waves are compared when they ask the same questionnaire (by key, any version),
    each with the one that opened just before it.
    """
    waves = list(
        Wave.objects.filter(questionnaire__key=wave.questionnaire.key).order_by("opens_at", "pk")
    )
    pairs = list(zip(waves, waves[1:], strict=False))
    return [(before, after) for before, after in pairs if wave in (before, after)]


def refresh_comparisons(*, wave: Wave) -> list[ComparisonSnapshot]:
    """Rebuild and store the comparison of every pair of waves this wave takes part in."""
    stored = []
    for before, after in compared_pairs(wave=wave):
        first, second = latest_snapshot(wave=before), latest_snapshot(wave=after)
        if first is None or second is None:
            continue
        k = min(first.min_cell_size, second.min_cell_size)
        data = compare_snapshots(before=first, after=second)
        if before.linking_series and before.linking_series == after.linking_series:
            add_paired_comparisons(data, pairs=linked_pairs(before=before, after=after), k=k)
        stored.append(_store(before, after, data, k))
    return stored


PAIRED_KINDS = {Question.Kind.AGREEMENT, Question.Kind.SCALE_0_10, Question.Kind.NUMBER}


def add_paired_comparisons(data: dict, *, pairs: list[tuple[int, int]], k: int) -> dict:
    """Add to a comparison what the linked pairs of two waves show, from k pairs on.

    The number of pairs is published only when it reaches k; below that, no paired
    figure at all. Each comparable question gets its paired test under "paired".
    """
    if len(pairs) < max(2, k):
        data["paired"] = {"status": ComparisonStatus.TOO_FEW, "pairs": None}
        return data
    data["paired"] = {"status": ComparisonStatus.OK, "pairs": len(pairs)}
    for entry in data["questions"]:
        if entry["kind"] not in PAIRED_KINDS or entry.get("status") in (
            ComparisonStatus.NOT_IN_BOTH,
            ComparisonStatus.CHANGED,
        ):
            continue
        entry["paired"] = compare_pairs(question_key=entry["key"], pairs=pairs, min_cell_size=k)
    return data


def _store(before: Wave, after: Wave, data: dict, k: int) -> ComparisonSnapshot:
    for _attempt in range(3):
        try:
            with transaction.atomic():
                pair = ComparisonSnapshot.objects.filter(wave_before=before, wave_after=after)
                newest = pair.aggregate(v=Max("version"))["v"] or 0
                comparison = ComparisonSnapshot.objects.create(
                    wave_before=before,
                    wave_after=after,
                    version=newest + 1,
                    min_cell_size=k,
                    data=data,
                )
                pair.filter(version__lte=newest + 1 - KEPT_VERSIONS).delete()
                announce_results_published(wave_ids=[before.pk, after.pk])
                return comparison
        except IntegrityError:
            continue
    raise RuntimeError(f"Could not store the comparison of waves {before.pk} and {after.pk}")


def compare_snapshots(*, before: Snapshot, after: Snapshot) -> dict:
    """Compare the published means of two snapshots as independent samples.

    Only figures both snapshots publish are used, so a comparison can reveal nothing
    the two snapshots do not already show.
    """
    one, two = before.figures, after.figures
    data = {
        "before": _wave_part(one),
        "after": _wave_part(two),
        "questions": [],
        "scales": [],
    }
    first = {question.key: question for question in one.questions}
    second = {question.key: question for question in two.questions}
    for key in list(first) + [key for key in second if key not in first]:
        data["questions"].append(_compare_question(key, first.get(key), second.get(key)))
    first_scales = scales_and_subscales(one)
    second_scales = scales_and_subscales(two)
    for key in list(first_scales) + [key for key in second_scales if key not in first_scales]:
        old, new = first_scales.get(key), second_scales.get(key)
        entry = {"key": key, "name": (new or old).text}
        if old is None or new is None:
            entry["status"] = ComparisonStatus.NOT_IN_BOTH
        elif _scoring(old) != _scoring(new):
            entry["status"] = ComparisonStatus.CHANGED
        else:
            entry |= _compare_summaries(old.average, new.average)
        data["scales"].append(entry)
    return data


def _wave_part(figures: SnapshotFigures) -> dict:
    return {
        "slug": figures.wave.slug,
        "title": figures.wave.title,
        "label": figures.wave.label,
        "version": {"key": figures.questionnaire_key, "version": figures.questionnaire_version}
        if figures.questionnaire_key
        else {},
    }


def _scoring(scale: ItemFigures) -> tuple:
    return scale.scoring, scale.item_count


def _compare_question(key: str, one: ItemFigures | None, two: ItemFigures | None) -> dict:
    question = two or one
    entry = {"key": key, "text": question.text, "kind": question.kind}
    if one is None or two is None:
        return entry | {"status": ComparisonStatus.NOT_IN_BOTH}
    if one.kind != two.kind or _option_values(one) != _option_values(two):
        # A new version changed what the answers mean: comparing would mislead.
        return entry | {"status": ComparisonStatus.CHANGED}
    if question.kind == Question.Kind.AGREEMENT:
        return entry | _compare_summaries(one.score, two.score)
    if question.kind in (Question.Kind.SCALE_0_10, Question.Kind.NUMBER):
        return entry | _compare_summaries(one.average, two.average)
    return entry | {"status": ComparisonStatus.NOT_A_MEAN}


def _option_values(question: ItemFigures) -> list[str]:
    return [option.value for option in question.options]


def _compare_summaries(one: Average | None, two: Average | None) -> dict:
    if one is None or two is None or not one.answered or not two.answered:
        return {"status": ComparisonStatus.TOO_FEW}
    if not one.sd or not two.sd:
        return {"status": ComparisonStatus.NO_VARIATION}
    before = (one.answered, one.mean, one.sd)
    after = (two.answered, two.mean, two.sd)
    result = welch_test(before=before, after=after)
    return {
        "status": ComparisonStatus.OK,
        "before": {"answered": before[0], "mean": before[1], "sd": before[2]},
        "after": {"answered": after[0], "mean": after[1], "sd": after[2]},
    } | _rounded(result)


def _rounded(result: Difference) -> dict:
    return {key: round(value, 4) for key, value in result.as_dict().items()}


def compare_pairs(
    *, question_key: str, pairs: Iterable[tuple[int, int]], min_cell_size: int
) -> dict:
    """Compare linked responses (before id, after id) of one question as paired samples.

    Published only from at least `min_cell_size` complete pairs.
    """
    values = paired_values(question_key=question_key, pairs=pairs)
    if len(values) < max(2, min_cell_size):
        return {"status": ComparisonStatus.TOO_FEW, "pairs": None}
    try:
        result = paired_test(values)
    except ValueError:
        return {"status": ComparisonStatus.NO_VARIATION, "pairs": len(values)}
    return {"status": ComparisonStatus.OK, "pairs": len(values)} | _rounded(result)
