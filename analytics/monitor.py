"""Field monitor: how a running wave is doing, counted in aggregate for staff only.

Counts here are not suppressed (staff may see small numbers), so nothing from this
module may ever reach a public page or the public API, and its page is shown only to
staff with the permission `analytics.view_field_monitor` (the page says so).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from surveys import selectors
from surveys.models import Answer, PageProgress, Question, Response, Segment, Wave


@dataclass
class Tally:
    label: str
    count: int


@dataclass
class QuestionCount:
    text: str
    key: str
    answered: int
    declined: int
    left_out: int


@dataclass
class PageStep:
    number: int
    title: str
    sent: int
    stopped_before: int


@dataclass
class VenueCount:
    venue: str
    generated: int
    spent: int


@dataclass
class FieldFigures:
    wave: Wave
    response_count: int
    by_day: list[Tally] = field(default_factory=list)
    by_language: list[Tally] = field(default_factory=list)
    by_quarter: list[Tally] = field(default_factory=list)
    by_channel: list[Tally] = field(default_factory=list)
    by_question: list[QuestionCount] = field(default_factory=list)
    pages: list[PageStep] = field(default_factory=list)
    started: int = 0
    finished: int = 0
    by_venue: list[VenueCount] = field(default_factory=list)

    @property
    def stopped_at_the_end(self) -> int:
        """Return how many sent the last page they saw but whose survey was not stored."""
        last = self.pages[-1].sent if self.pages else 0
        return max(0, last - self.finished)

    @property
    def completion_percent(self) -> int | None:
        """Return the share of those who sent the first page who also sent the last."""
        if not self.started:
            return None
        return round(100 * min(self.finished, self.started) / self.started)

    @property
    def busiest_day(self) -> int:
        return max((row.count for row in self.by_day), default=0)


def field_figures(*, wave: Wave) -> FieldFigures:
    """Return responses per day, language, quarter and channel, and answers per question."""
    from django.conf import settings

    responses = Response.objects.filter(wave=wave)
    total = responses.count()
    figures = FieldFigures(wave=wave, response_count=total)
    figures.by_day = [
        Tally(day, count)
        for day, count in responses.values_list("day").annotate(n=Count("id")).order_by("day")
    ]
    languages = dict(settings.LANGUAGES)
    figures.by_language = [
        Tally(languages.get(code, code), count)
        for code, count in responses.values_list("language")
        .annotate(n=Count("id"))
        .order_by("-n", "language")
    ]
    quarter_labels = _segment_labels(wave, Segment.QUARTER)
    figures.by_quarter = [
        Tally(quarter_labels.get(code, code) or "–", count)
        for code, count in responses.values_list("quarter")
        .annotate(n=Count("id"))
        .order_by("-n", "quarter")
    ]
    channels = dict(Response.Channel.choices)
    figures.by_channel = [
        Tally(channels.get(code, code), count)
        for code, count in responses.values_list("channel")
        .annotate(n=Count("id"))
        .order_by("-n", "channel")
    ]
    per_question = {
        row["question_id"]: row
        for row in Answer.objects.filter(response__wave=wave)
        .values("question_id")
        .annotate(
            answered=Count("response_id", filter=Q(declined=False), distinct=True),
            declined=Count("response_id", filter=Q(declined=True), distinct=True),
        )
    }
    for question in Question.objects.filter(questionnaire=wave.questionnaire).order_by(
        "sort_order"
    ):
        row = per_question.get(question.pk, {"answered": 0, "declined": 0})
        figures.by_question.append(
            QuestionCount(
                text=question.text,
                key=question.key,
                answered=row["answered"],
                declined=row["declined"],
                left_out=max(0, total - row["answered"] - row["declined"]),
            )
        )
    _add_progress(figures, wave)
    by_venue: dict[str, VenueCount] = {}
    for row in selectors.access_codes_by_venue(wave=wave):
        venue = by_venue.setdefault(row.venue, VenueCount(row.venue, 0, 0))
        venue.generated += row.generated
        venue.spent += row.spent
    figures.by_venue = sorted(by_venue.values(), key=lambda venue: (-venue.spent, venue.venue))
    return figures


def _add_progress(figures: FieldFigures, wave: Wave) -> None:
    """Fill in pages sent, surveys finished and how many stopped before each page."""
    sent = selectors.pages_sent(wave=wave)
    structure = selectors.questionnaire_structure(questionnaire=wave.questionnaire)
    numbers = structure.page_numbers
    figures.finished = sent.get(PageProgress.FINISHED, 0)
    figures.started = sent.get(numbers[0], 0) if numbers else 0
    previous = None
    for number in numbers:
        count = sent.get(number, 0)
        figures.pages.append(
            PageStep(
                number=number,
                title=_page_title(structure, number),
                sent=count,
                stopped_before=max(0, previous - count) if previous is not None else 0,
            )
        )
        previous = count


def _page_title(structure, number: int) -> str:
    rule = structure.page_rules.get(number)
    if rule is not None and rule.title:
        return rule.title
    first = next(iter(structure.questions_on(number)), None)
    return first.text if first is not None else ""


def _segment_labels(wave: Wave, segment: str) -> dict[str, str]:
    question = (
        Question.objects.filter(questionnaire=wave.questionnaire, segment=segment)
        .prefetch_related("options")
        .first()
    )
    if question is None:
        return {}
    return {option.value: option.label for option in question.options.all()}


@dataclass
class OpenWaveFigures:
    wave: Wave
    responses_today: int
    response_count: int
    completion_percent: int | None


def open_wave_figures(*, at=None) -> list[OpenWaveFigures]:
    """Return each open wave's responses today and in all, and its online completion rate."""
    waves = selectors.open_waves(at=at)
    today = timezone.localdate(at) if at else timezone.localdate()
    counts = {
        row["wave_id"]: row
        for row in Response.objects.filter(wave__in=waves)
        .values("wave_id")
        .annotate(total=Count("id"), today=Count("id", filter=Q(day=today)))
    }
    rows = []
    for wave in waves:
        count = counts.get(wave.pk, {"total": 0, "today": 0})
        figures = FieldFigures(wave=wave, response_count=count["total"])
        _add_progress(figures, wave)
        rows.append(
            OpenWaveFigures(
                wave=wave,
                responses_today=count["today"],
                response_count=count["total"],
                completion_percent=figures.completion_percent,
            )
        )
    return rows
