"""Build public snapshots: aggregate in the database, withhold small cells, store."""

import math

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Sum

from analytics.models import Snapshot
from analytics.suppression import withhold_small_cells
from surveys.models import Answer, Question, Response, Segment, Wave

# How many old snapshot versions stay beside the newest (for a reader mid-request).
KEPT_VERSIONS = 2


def refresh_snapshot(*, wave: Wave) -> Snapshot:
    """Rebuild the public snapshot of one wave and publish it as a new version."""
    min_cell_size = max(3, settings.PART_MIN_CELL_SIZE)
    data, response_count, last_response_id = _build_figures(wave, min_cell_size)
    for _attempt in range(3):
        try:
            return _store(wave, data, response_count, last_response_id, min_cell_size)
        except IntegrityError:
            # Another worker published the same version number first; take the next.
            continue
    raise RuntimeError(f"Could not store a snapshot for wave {wave.pk}")


@transaction.atomic
def _store(wave, data, response_count, last_response_id, min_cell_size) -> Snapshot:
    newest = Snapshot.objects.filter(wave=wave).aggregate(v=Max("version"))["v"] or 0
    snapshot = Snapshot.objects.create(
        wave=wave,
        version=newest + 1,
        response_count=response_count,
        last_response_id=last_response_id,
        min_cell_size=min_cell_size,
        data=data,
    )
    Snapshot.objects.filter(wave=wave, version__lte=newest + 1 - KEPT_VERSIONS).delete()
    return snapshot


def _build_figures(wave: Wave, k: int) -> tuple[dict, int, int]:
    responses = Response.objects.filter(wave=wave)
    totals = responses.aggregate(count=Count("id"), last=Max("id"))
    response_count, last_response_id = totals["count"], totals["last"] or 0
    questions = list(
        wave.questionnaire.questions.prefetch_related("options").order_by("sort_order")
    )
    quarter_labels = _segment_labels(questions, Segment.QUARTER)
    data = {
        "wave": {"slug": wave.slug, "title": wave.title, "label": wave.label},
        "min_cell_size": k,
        "response_count": response_count if response_count >= k else None,
        "by_quarter": _count_by_segment(responses, "quarter", quarter_labels, response_count, k),
        "questions": [],
    }
    if response_count < k:
        # Below k nothing at all is published, not even per question.
        data["questions"] = [_empty_question(q) for q in questions]
        return data, response_count, last_response_id

    answers = Answer.objects.filter(response__wave=wave)
    option_counts = {
        (row["question_id"], row["option_id"]): row["count"]
        for row in answers.filter(option__isnull=False)
        .values("question_id", "option_id")
        .annotate(count=Count("id"))
    }
    number_stats = {
        row["question_id"]: row
        for row in answers.filter(number__isnull=False)
        .values("question_id")
        .annotate(
            count=Count("number"), total=Sum("number"), squares=Sum(F("number") * F("number"))
        )
    }
    number_stats_by_quarter = {}
    for row in (
        answers.filter(number__isnull=False)
        .values("question_id", "response__quarter")
        .annotate(
            count=Count("number"), total=Sum("number"), squares=Sum(F("number") * F("number"))
        )
    ):
        number_stats_by_quarter.setdefault(row["question_id"], {})[row["response__quarter"]] = row

    for question in questions:
        if question.has_options:
            data["questions"].append(_choice_figures(question, option_counts, k))
        else:
            data["questions"].append(
                _number_figures(
                    question,
                    number_stats.get(question.pk),
                    number_stats_by_quarter.get(question.pk, {}),
                    quarter_labels,
                    k,
                )
            )
    return data, response_count, last_response_id


def _segment_labels(questions: list[Question], segment: str) -> dict[str, str]:
    for question in questions:
        if question.segment == segment:
            return {option.value: option.label for option in question.options.all()}
    return {}


def _count_by_segment(responses, field, labels, total, k) -> list[dict]:
    if not labels or total < k:
        return []
    counts = dict(
        responses.values_list(field).annotate(count=Count("id")).values_list(field, "count")
    )
    cells = {value: counts.get(value, 0) for value in labels}
    # Responses that skipped the question are part of the published total too.
    cells[""] = total - sum(cells.values())
    withheld = withhold_small_cells(cells, min_cell_size=k)
    return [
        {"value": value, "label": label, "count": None if value in withheld else cells[value]}
        for value, label in labels.items()
    ]


def _empty_question(question: Question) -> dict:
    return {
        "key": question.key,
        "text": question.text,
        "kind": question.kind,
        "answered": None,
        "options": [
            {"value": option.value, "label": option.label, "count": None}
            for option in question.options.all()
        ],
    }


def _choice_figures(question: Question, option_counts: dict, k: int) -> dict:
    options = list(question.options.all())
    cells = {option.value: option_counts.get((question.pk, option.pk), 0) for option in options}
    answered = sum(cells.values())
    figures = {"key": question.key, "text": question.text, "kind": question.kind}
    if answered < k:
        return figures | _empty_question(question)
    withheld = withhold_small_cells(cells, min_cell_size=k)
    figures["answered"] = answered
    figures["options"] = [
        {
            "value": option.value,
            "label": option.label,
            "count": None if option.value in withheld else cells[option.value],
        }
        for option in options
    ]
    return figures


def _mean_and_sd(stats: dict) -> tuple[float, float | None]:
    count, total, squares = stats["count"], stats["total"], stats["squares"]
    mean = total / count
    if count < 2:
        return mean, None
    variance = max(0.0, (squares - count * mean * mean) / (count - 1))
    return mean, math.sqrt(variance)


def _number_figures(question, stats, stats_by_quarter, quarter_labels, k) -> dict:
    figures = {"key": question.key, "text": question.text, "kind": question.kind, "answered": None}
    if not stats or stats["count"] < k:
        figures["mean"] = None
        return figures
    figures["answered"] = stats["count"]
    figures["mean"], figures["sd"] = _mean_and_sd(stats)
    if quarter_labels:
        cells = {value: stats_by_quarter.get(value, {}).get("count", 0) for value in quarter_labels}
        cells[""] = stats["count"] - sum(cells.values())
        withheld = withhold_small_cells(cells, min_cell_size=k)
        figures["by_quarter"] = []
        for value, label in quarter_labels.items():
            if value in withheld:
                figures["by_quarter"].append(
                    {"value": value, "label": label, "answered": None, "mean": None}
                )
            else:
                mean, sd = _mean_and_sd(stats_by_quarter[value])
                figures["by_quarter"].append(
                    {"value": value, "label": label, "answered": cells[value], "mean": mean}
                )
    return figures


def stale_waves() -> list[Wave]:
    """Return the waves whose newest response is not in their newest snapshot."""
    from surveys.selectors import latest_response_ids

    latest = latest_response_ids()
    covered = dict(
        Snapshot.objects.filter(wave_id__in=latest)
        .values("wave_id")
        .annotate(last=Max("last_response_id"))
        .values_list("wave_id", "last")
    )
    stale_ids = [wave_id for wave_id, last in latest.items() if covered.get(wave_id, 0) < last]
    return list(Wave.objects.filter(pk__in=stale_ids))
