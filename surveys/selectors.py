"""Reads of the survey engine."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from surveys.models import (
    AccessCode,
    CodeBatch,
    LinkingHash,
    Option,
    PageProgress,
    PaperBatch,
    Question,
    Questionnaire,
    Response,
    SpentSet,
    Wave,
)
from surveys.prepared import fetch_one_prepared
from surveys.services.spent_sets import (
    ANY_DAY_HOLDS_DIGEST,
    SPENT_DAYS,
    holds_digest_parameters,
    token_digest,
    token_was_spent,
)
from surveys.validation import Structure


def wave_by_slug(*, slug: str) -> Wave | None:
    return Wave.objects.select_related("questionnaire").filter(slug=slug).first()


# Waves a submission names, kept per process with a stamp of their rows: the transaction
# id and physical place (xmin, ctid) of the wave's and its questionnaire's rows. Every
# change to either row (closing the wave, switching it to a new questionnaire version,
# any edit, even within one transaction) writes a new row version with another stamp, so
# `submission_wave` notices it in the same round trip that looks for the token.
_submission_waves: dict[str, tuple[str, Wave]] = {}
SUBMISSION_WAVE_CACHE_SIZE = 64

# The stamp of a wave and its questionnaire, over `surveys_wave AS wave` joined to
# `surveys_questionnaire AS questionnaire`.
WAVE_STAMP = (
    "wave.xmin::text || wave.ctid::text || questionnaire.xmin::text || questionnaire.ctid::text"
)

_WAVE_STAMP_AND_SPENT = f"""
WITH {SPENT_DAYS}
SELECT
    {WAVE_STAMP},
    {ANY_DAY_HOLDS_DIGEST}
FROM surveys_wave AS wave
JOIN surveys_questionnaire AS questionnaire ON questionnaire.id = wave.questionnaire_id
WHERE wave.slug = %(slug)s
"""  # noqa: S608 - constant text


def submission_wave(*, slug: str, token) -> tuple[Wave | None, bool]:
    """Return the wave at `slug` as it is now, and whether `token` was spent already.

    One round trip while the wave is unchanged (PostgreSQL); a changed or new wave is
    read again. Treat the wave as read-only: it may be shared with later requests.
    """
    if connection.vendor != "postgresql":
        return wave_by_slug(slug=slug), is_submitted(token=token)
    found = fetch_one_prepared(
        _WAVE_STAMP_AND_SPENT,
        {"slug": slug, **holds_digest_parameters(token_digest(token))},
    )
    if found is None:
        _submission_waves.pop(slug, None)
        return None, False  # no wave: refused before any token matters
    stamp, is_spent = found
    cached = _submission_waves.get(slug)
    if cached is not None and cached[0] == stamp:
        return cached[1], is_spent
    wave = wave_by_slug(slug=slug)
    if wave is None:
        return None, is_spent
    if len(_submission_waves) >= SUBMISSION_WAVE_CACHE_SIZE:
        _submission_waves.clear()
    # Read after the stamp: a change in between gives the next request a new stamp.
    _submission_waves[slug] = (stamp, wave)
    return wave, is_spent


def cached_submission_wave(*, slug: str) -> tuple[Wave, str] | None:
    """Return the wave this process last read at `slug` with its stamp, without a query.

    It may have changed since: whoever stores with it checks the stamp in the same
    statement (see `surveys.services.responses.submit_response`, `wave_stamp`), and reads
    it again with `submission_wave` before refusing anything because of it.
    """
    cached = _submission_waves.get(slug)
    return None if cached is None else (cached[1], cached[0])


def questions_of(*, wave: Wave) -> QuerySet[Question]:
    return wave.questionnaire.questions.prefetch_related("options").order_by("sort_order")


def questionnaires_with_response_counts() -> QuerySet[Questionnaire]:
    """Return every questionnaire version with its response count and the waves asking it."""
    return Questionnaire.objects.annotate(response_count=Count("responses")).prefetch_related(
        "waves"
    )


def waves_with_response_counts() -> QuerySet[Wave]:
    return Wave.objects.select_related("questionnaire").annotate(response_count=Count("responses"))


def latest_response_ids() -> dict[int, int]:
    """Return the newest response id of every wave that has responses."""
    rows = Wave.objects.annotate(latest=Max("responses__id")).filter(latest__isnull=False)
    return dict(rows.values_list("id", "latest"))


def open_waves(*, at=None) -> list[Wave]:
    """Return the waves that take answers now, newest first."""
    return [wave for wave in Wave.objects.select_related("questionnaire") if wave.is_open(at)]


# Structures by (questionnaire id, changed_at): a submission then needs no query to
# read its questions; an edit changes `changed_at`, so nothing stale is ever used.
_structures: dict[tuple[int, object], Structure] = {}
STRUCTURE_CACHE_SIZE = 32


def questionnaire_structure(*, questionnaire: Questionnaire) -> Structure:
    """Return a questionnaire's pages, questions and options, cached per edit."""
    stamp = (questionnaire.pk, questionnaire.changed_at)
    structure = _structures.get(stamp)
    if structure is None:
        structure = _read_structure(questionnaire)
        if questionnaire.pk is not None and questionnaire.changed_at is not None:
            if len(_structures) >= STRUCTURE_CACHE_SIZE:
                _structures.clear()
            _structures[stamp] = structure
    return structure


def _read_structure(questionnaire: Questionnaire) -> Structure:
    questions = list(questionnaire.questions.order_by("page", "sort_order", "pk"))
    options: dict[int, list[Option]] = {}
    for option in Option.objects.filter(question__questionnaire=questionnaire).order_by(
        "sort_order", "pk"
    ):
        options.setdefault(option.question_id, []).append(option)
    for question in questions:
        question._prefetched_options = options.get(question.pk, [])
    page_rules = {page.number: page for page in questionnaire.pages.all()}
    return Structure(questionnaire, questions, options, page_rules)


def response_count(*, wave: Wave) -> int:
    return Response.objects.filter(wave=wave).count()


def is_frozen(*, questionnaire: Questionnaire) -> bool:
    """Return whether answers exist, so questions, options and scoring may not change."""
    return Response.objects.filter(questionnaire=questionnaire).exists()


def latest_version(*, key: str) -> Questionnaire | None:
    return Questionnaire.objects.filter(key=key).order_by("-version").first()


def questions_missing_wording(*, questionnaire: Questionnaire) -> list[str]:
    """Return the keys of questions still without German text (licence templates)."""
    return list(questionnaire.questions.filter(text="").values_list("key", flat=True))


def other_versions(*, questionnaire: Questionnaire) -> QuerySet[Questionnaire]:
    """Return the other versions of `questionnaire` (same key), newest first."""
    return (
        Questionnaire.objects.filter(key=questionnaire.key)
        .exclude(pk=questionnaire.pk)
        .order_by("-version")
    )


def why_version_is_needed(*, questionnaire: Questionnaire) -> str:
    """Return why a version may not be removed (answers, or a wave asking it), or ""."""
    response_count = questionnaire.responses.count()
    if response_count:
        return ngettext(
            "Version %(version)s has %(count)s answer and cannot be removed: every answer "
            "keeps the wording it was given.",
            "Version %(version)s has %(count)s answers and cannot be removed: every answer "
            "keeps the wording it was given.",
            response_count,
        ) % {"version": questionnaire.version, "count": response_count}
    waves = ", ".join(f"“{wave}”" for wave in questionnaire.waves.all())
    if waves:
        return gettext(
            "Version %(version)s is asked by the wave %(waves)s. Switch the wave to another "
            "version first."
        ) % {"version": questionnaire.version, "waves": waves}
    return ""


def editable_questionnaires() -> QuerySet[Questionnaire]:
    """Return the questionnaires without answers, which may still be changed."""
    answered = Response.objects.values("questionnaire_id")
    return Questionnaire.objects.exclude(pk__in=answered).order_by("key", "-version")


def rule_problems(*, questionnaire: Questionnaire) -> list[str]:
    """Return what is wrong with the show-if rules of a questionnaire, in plain words."""
    questions = list(questionnaire.questions.all())
    pages = {question.key: question.page for question in questions}
    owners = [(_("question “%(key)s”") % {"key": q.key}, q.page, q) for q in questions]
    owners += [
        (_("page %(number)s") % {"number": p.number}, p.number, p)
        for p in questionnaire.pages.all()
    ]
    problems = []
    for label, page, owner in owners:
        key, operator, value = (
            owner.condition_question,
            owner.condition_operator,
            owner.condition_value,
        )
        if not key and not operator:
            continue
        if not key or not operator:
            problems.append(
                _("The rule of %(owner)s needs both a question and a rule.") % {"owner": label}
            )
        elif key not in pages:
            problems.append(
                _("The rule of %(owner)s refers to “%(key)s”, which is not a question here.")
                % {"owner": label, "key": key}
            )
        elif pages[key] >= page:
            problems.append(
                _("The rule of %(owner)s must refer to a question on an earlier page.")
                % {"owner": label}
            )
        elif operator in ("above", "below") and _not_a_number(value):
            problems.append(
                _("The rule of %(owner)s compares with “%(value)s”, which is not a number.")
                % {"owner": label, "value": value}
            )
    return [str(problem) for problem in problems]


def _not_a_number(value: str) -> bool:
    try:
        float(value.replace(",", "."))
    except ValueError:
        return True
    return False


def waves_taking_codes() -> QuerySet[Wave]:
    """Return the waves that accept or require printed access codes."""
    return Wave.objects.exclude(code_policy=Wave.CodePolicy.OPEN)


def waves_that_may_use_codes(*, at=None) -> QuerySet[Wave]:
    """Return the waves that have not closed: printed codes can still be handed out for them.

    A wave open to anyone is among them; ordering cards makes it accept codes as well.
    """
    at = at or timezone.now()
    return Wave.objects.filter(Q(closes_at__isnull=True) | Q(closes_at__gt=at)).order_by(
        "-opens_at"
    )


def published_waves(*, at=None) -> QuerySet[Wave]:
    """Return the waves that have opened, newest first: the public list of the API."""
    return Wave.objects.select_related("questionnaire").filter(opens_at__lte=at or timezone.now())


def published_wave(*, slug: str, at=None) -> Wave | None:
    return published_waves(at=at).filter(slug=slug).first()


def questionnaire_definition(*, questionnaire: Questionnaire) -> Questionnaire:
    """Return a questionnaire with its questions, options and scale items prefetched."""
    return Questionnaire.objects.prefetch_related(
        "questions__options", "pages", "scales__items__question"
    ).get(pk=questionnaire.pk)


def pages_sent(*, wave: Wave) -> dict[int, int]:
    """Return how often each runner page of a wave was sent (page 0: the whole survey)."""
    return dict(PageProgress.objects.filter(wave=wave).values_list("page", "sent"))


def is_submitted(*, token) -> bool:
    """Say whether a submission with this one-time token has been stored already."""
    return token_was_spent(token=token)


def recent_code_batches(*, limit: int = 20) -> QuerySet[CodeBatch]:
    """Return the newest orders of code cards, for the page that hands them out."""
    return CodeBatch.objects.select_related("wave", "requested_by")[:limit]


@dataclass(frozen=True)
class VenueCodes:
    venue: str
    expires_on: object
    generated: int
    spent: int

    @property
    def remaining(self) -> int:
        return self.generated - self.spent


def access_codes_by_venue(*, wave: Wave) -> list[VenueCodes]:
    """Return per venue and expiry day how many codes a wave has and how many are spent."""
    spent_set = SpentSet.objects.filter(kind=SpentSet.Kind.CODES, scope=str(wave.pk)).first()
    spent_ids = set(spent_set.entries.split()) if spent_set else set()
    counts: dict[tuple, list[int]] = {}
    codes = AccessCode.objects.filter(wave=wave).order_by("venue", "expires_on")
    for pk, venue, expires_on in codes.values_list("pk", "venue", "expires_on"):
        count = counts.setdefault((venue, expires_on), [0, 0])
        count[0] += 1
        count[1] += str(pk) in spent_ids
    return [
        VenueCodes(venue, expires_on, generated, spent)
        for (venue, expires_on), (generated, spent) in counts.items()
    ]


def paper_batches_with_sheet_counts() -> QuerySet[PaperBatch]:
    """Return the batches of paper sheets, newest first, each with how many were typed in."""
    return PaperBatch.objects.select_related("wave", "created_by").annotate(
        sheet_count=Count("sheets")
    )


def linked_pairs(*, before: Wave, after: Wave) -> list[tuple[int, int]]:
    """Return (before id, after id) of responses whose linking codes match.

    Codes match when they share a fingerprint: equal, or different in one element. A
    response is paired only with its one best match, and only if that match has it
    as its own one best match too; anything ambiguous stays unpaired.
    """
    if not before.linking_series or before.linking_series != after.linking_series:
        return []
    rows = LinkingHash.objects.filter(response__wave__in=[before, after]).values_list(
        "response_id", "response__wave_id", "left_out", "digest"
    )
    earlier: dict[tuple[int, str], list[int]] = {}
    later: list[tuple[int, int, str]] = []
    for response_id, wave_id, left_out, digest in rows:
        if wave_id == before.pk:
            earlier.setdefault((left_out, digest), []).append(response_id)
        else:
            later.append((response_id, left_out, digest))
    shared: dict[tuple[int, int], int] = {}
    for response_id, left_out, digest in later:
        for match in earlier.get((left_out, digest), []):
            shared[(match, response_id)] = shared.get((match, response_id), 0) + 1
    return _mutual_best(shared)


def _mutual_best(shared: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    def best(by_side: int) -> dict[int, int | None]:
        top: dict[int, tuple[int, int | None]] = {}
        for pair, score in shared.items():
            side, other = pair[by_side], pair[1 - by_side]
            current = top.get(side)
            if current is None or score > current[0]:
                top[side] = (score, other)
            elif score == current[0]:
                top[side] = (score, None)  # a tie: ambiguous
        return {side: other for side, (_score, other) in top.items()}

    for_before, for_after = best(0), best(1)
    return sorted(
        (first, second)
        for first, second in for_before.items()
        if second is not None and for_after.get(second) == first
    )
