"""Reads of the survey engine."""

from django.db.models import Count, Max, QuerySet

from surveys.models import Question, Wave


def wave_by_slug(*, slug: str) -> Wave | None:
    return Wave.objects.select_related("questionnaire").filter(slug=slug).first()


def questions_of(*, wave: Wave) -> QuerySet[Question]:
    return wave.questionnaire.questions.prefetch_related("options").order_by("sort_order")


def waves_with_response_counts() -> QuerySet[Wave]:
    return Wave.objects.annotate(response_count=Count("responses"))


def latest_response_ids() -> dict[int, int]:
    """Return the newest response id of every wave that has responses."""
    rows = Wave.objects.annotate(latest=Max("responses__id")).filter(latest__isnull=False)
    return dict(rows.values_list("id", "latest"))


def open_waves(*, at=None) -> list[Wave]:
    """Return the waves that take answers now, newest first."""
    return [wave for wave in Wave.objects.select_related("questionnaire") if wave.is_open(at)]
