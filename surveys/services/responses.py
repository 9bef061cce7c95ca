"""Store anonymous responses."""

import datetime
import functools
import logging
import uuid

from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone

from surveys.models import (
    Answer,
    LinkingHash,
    Option,
    PaperBatch,
    Question,
    Response,
    Wave,
)
from surveys.prepared import fetch_one_prepared
from surveys.services import spent_sets
from surveys.services.access_codes import AccessCodeRefused, spend_access_code

# Sent after commit with `wave_id`; surveys knows no listener (analytics subscribes).
response_submitted = Signal()
# Sent with `answers` (question to option, number, text or list of options) before the
# thank-you page; a receiver returns the help to show, or None. Nothing is recorded.
extra_help_wanted = Signal()

logger = logging.getLogger(__name__)


class AlreadySubmitted(Exception):
    """The one-time token of this submission was spent before: it is stored already."""


class WaveChanged(Exception):
    """Nothing was stored: the wave changed since it was read with the given stamp.

    Also raised when the stamped statement cannot store (no set of today's tokens covers
    the token yet): read the wave again (`selectors.submission_wave`) and submit without
    a stamp.
    """


def _rows_from_mapping(answers: dict[Question, object]) -> tuple[list[Answer], dict[str, str]]:
    rows, segments = [], {}
    for question, value in answers.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, Option):
                rows.append(Answer(question=question, option=item))
                if question.segment:
                    segments[question.segment] = item.value
            elif isinstance(item, str):
                rows.append(Answer(question=question, text=item))
            else:
                rows.append(Answer(question=question, number=item))
    return rows, segments


def submit_response(
    *,
    wave: Wave,
    answers: list[Answer] | dict[Question, object],
    language: str,
    segments: dict[str, str] | None = None,
    token: uuid.UUID | None = None,
    access_code: str = "",
    paper_batch: PaperBatch | None = None,
    linking: list[str] | None = None,
    channel: str | None = None,
    earlier_days_checked: bool = False,
    wave_stamp: str | None = None,
) -> Response:
    """Store one anonymous response with its answers and announce it once committed.

    `answers` are unsaved, already checked `Answer`s (see `surveys.validation.check`), or
    a mapping of question to option, number, text or a list of options. With a `token`,
    a second call with the same token stores nothing and raises `AlreadySubmitted`.
    A wave that takes codes spends `access_code` in the same transaction, or stores
    nothing and raises `AccessCodeRefused`. Token and code are spent last, into sets
    that keep no trace of which response they came with (see `spent_sets`), so their
    locks are held only until the commit. A sheet of `paper_batch` needs no code (staff
    hand out the paper) and keeps the day the batch was filled in. `linking` holds the
    fingerprints of a linking code (see `surveys.linking`), stored with the response.
    `channel` says how the answer came in; left out, it is paper for a paper batch,
    a printed code where one was spent, and online otherwise. `earlier_days_checked`
    says the caller has just looked for the token in the sets of days before yesterday
    (they no longer change), so that read is not repeated. `wave_stamp` is the stamp
    the wave was read with (`selectors.cached_submission_wave`): the one statement that
    stores then also checks that stamp and every earlier day's tokens, and raises
    `WaveChanged` instead of storing when the wave is no longer what the caller checked
    the answers against. It needs a token and a plain submission (no code, no paper).
    """
    if isinstance(answers, dict):
        rows, found = _rows_from_mapping(answers)
        segments = {**found, **(segments or {})}
    else:
        rows = answers
    if wave.code_policy == Wave.CodePolicy.REQUIRED and paper_batch is None and not access_code:
        raise AccessCodeRefused("missing")
    response = Response(
        wave=wave,
        questionnaire_id=wave.questionnaire_id,
        language=language,
        day=paper_batch.collected_on if paper_batch else timezone.localdate(),
        channel=channel or _channel_of(wave, paper_batch, access_code),
        paper_batch=paper_batch,
        **(segments or {}),
    )
    spends_code = bool(access_code) and wave.code_policy != Wave.CodePolicy.OPEN
    is_plain = paper_batch is None and not linking and not spends_code
    if token is not None and is_plain and (earlier_days_checked or wave_stamp is not None):
        stored = _store_at_once(response, rows, token=token, wave_stamp=wave_stamp)
        if stored == STORED:
            _announce_after_commit(wave)
            return response
        if stored == SPENT:
            raise AlreadySubmitted
    if wave_stamp is not None:
        raise WaveChanged
    with transaction.atomic():
        response.save()
        for row in rows:
            row.response = response
        Answer.objects.bulk_create(rows)
        if linking:
            LinkingHash.objects.bulk_create(
                LinkingHash(response=response, left_out=left_out, digest=digest)
                for left_out, digest in enumerate(linking)
            )
        # Last, in a fixed order (token, then code), so the locks of the spent sets
        # are held briefly and two submissions never wait for each other crosswise.
        if token is not None and not spent_sets.spend_token(
            token=token, earlier_days_checked=earlier_days_checked
        ):
            raise AlreadySubmitted
        if spends_code:
            spend_access_code(wave=wave, typed=access_code)
        _announce_after_commit(wave)
    return response


def _announce_after_commit(wave: Wave) -> None:
    """Tell listeners (the snapshot refresh) that `wave` has a new response.

    After commit, so a listener never reads half a response; robust, so a broker outage
    cannot fail a saved answer (the periodic sweep catches up).
    """
    transaction.on_commit(
        lambda: response_submitted.send(sender=Wave, wave_id=wave.pk), robust=True
    )


# What `_store_at_once` did: stored; found the token spent; or stored nothing (the wave
# changed, or the slower way must sort out the token).
STORED, SPENT, NOT_STORED = "stored", "spent", "not stored"


@functools.cache
def _one_statement() -> tuple[str, str, str, list, list]:
    """Return the statements storing a response, and the fields they take.

    Built once per process (the columns never change while it runs): with answers,
    without, and with answers for a wave read with a stamp (see `_store_at_once`). The
    answers come as one array per column, so the text stays the same whatever the
    number of answers. The fields come as (parameter name, attribute name, field).
    """
    from surveys.selectors import WAVE_STAMP

    quote = connection.ops.quote_name
    response_fields = [field for field in Response._meta.concrete_fields if not field.primary_key]
    answer_fields = [
        field
        for field in Answer._meta.concrete_fields
        if not field.primary_key and field.name != "response"
    ]
    response = (
        f"response AS (INSERT INTO surveys_response "  # noqa: S608 - our own columns
        f"({', '.join(quote(field.column) for field in response_fields)}) SELECT "
        + ", ".join(
            f"%(response_{field.column})s::{field.cast_db_type(connection)}"
            for field in response_fields
        )
        + " FROM spent RETURNING id)"
    )
    columns = ", ".join(quote(field.column) for field in answer_fields)
    arrays = ", ".join(
        f"%(answer_{field.column})s::{field.cast_db_type(connection)}[]" for field in answer_fields
    )
    answers = (
        f"answers AS (INSERT INTO surveys_answer (response_id, {columns}) "  # noqa: S608
        f"SELECT response.id, given.* FROM response, unnest({arrays}) AS given)"
    )
    ending = "SELECT response.id, spent.id, spent.length FROM response, spent"
    with_answers = f"WITH {spent_sets.SPEND_CTES}, {response}, {answers} {ending}"
    without = f"WITH {spent_sets.SPEND_CTES}, {response} {ending}"
    # The wave as read (its stamp), and the tokens of days before yesterday, checked in
    # the statement that writes: the caller need not read them first.
    checks = f"""current AS MATERIALIZED (
    SELECT 1 FROM surveys_wave AS wave
    JOIN surveys_questionnaire AS questionnaire ON questionnaire.id = wave.questionnaire_id
    WHERE wave.id = %(wave_id)s AND {WAVE_STAMP} = %(wave_stamp)s
), {spent_sets.SPENT_DAYS}, earlier AS MATERIALIZED (
    SELECT {spent_sets.ANY_DAY_HOLDS_DIGEST} AS has_it
)"""  # noqa: S608 - constant text
    spend = spent_sets.spend_ctes(
        only_if="EXISTS (SELECT 1 FROM current) AND NOT (SELECT has_it FROM earlier)"
    )
    stamped = (
        f"WITH {checks}, {spend}, {response}, {answers} "  # noqa: S608 - constant text
        "SELECT (SELECT id FROM response), (SELECT id FROM spent), (SELECT length FROM spent),"
        " (SELECT has_it FROM earlier) OR EXISTS (SELECT 1 FROM locked WHERE has_it)"
    )
    return (
        with_answers,
        without,
        stamped,
        [(f"response_{field.column}", field.attname, field) for field in response_fields],
        [(f"answer_{field.column}", field.attname, field) for field in answer_fields],
    )


def _store_at_once(response: Response, rows: list[Answer], *, token, wave_stamp=None) -> str:
    """Store a response, its answers and its spent token in one statement; say how it went.

    PostgreSQL only, outside a transaction one statement is one transaction: no BEGIN
    and COMMIT to wait for. The response is written only once the token is spent, so
    nothing is stored when the statement finds the token spent (SPENT), or no set of
    today to spend it in (NOT_STORED: the slower way tells these apart). With
    `wave_stamp` it also stores nothing (NOT_STORED) unless the wave still has that
    stamp, and finds a token spent on any earlier day (SPENT).
    Parameters go in PostgreSQL's binary format: the text format quotes every element
    of the answers' arrays, which cost more than the rest of building them.
    """
    if connection.vendor != "postgresql":
        return NOT_STORED
    with_answers, without, stamped, response_fields, answer_fields = _one_statement()
    digest = spent_sets.token_digest(token)
    today = timezone.localdate()
    params = spent_sets.spend_token_parameters(digest=digest, today=today)
    for name, attname, field in response_fields:
        params[name] = field.get_db_prep_save(getattr(response, attname), connection)
    for name, attname, field in answer_fields:
        prepare = field.get_db_prep_save
        params[name] = [prepare(getattr(answer, attname), connection) for answer in rows]
    if wave_stamp is None:
        stored = fetch_one_prepared(with_answers if rows else without, params, binary=True)
        if stored is None:
            return NOT_STORED
    else:
        yesterday = (today - datetime.timedelta(days=1)).isoformat()
        params.update(spent_sets.holds_digest_parameters(digest, before=yesterday))
        params["wave_id"], params["wave_stamp"] = response.wave_id, wave_stamp
        response_id, set_id, length, is_spent = fetch_one_prepared(stamped, params, binary=True)
        if response_id is None:
            return SPENT if is_spent else NOT_STORED
        stored = response_id, set_id, length
    response.pk, set_id, length = stored
    response._state.adding = False
    for answer in rows:
        answer.response = response
    if spent_sets.is_full(length):
        with transaction.atomic():
            spent_sets.split_token_set(set_id=set_id)
    return STORED


def _channel_of(wave: Wave, paper_batch: PaperBatch | None, access_code: str) -> str:
    if paper_batch is not None:
        return Response.Channel.PAPER
    if access_code and wave.code_policy != Wave.CodePolicy.OPEN:
        return Response.Channel.CODE
    return Response.Channel.ONLINE


def answer_values(answers: list[Answer]) -> dict[Question, object]:
    """Return checked answers as question to option, number, text, or list of options."""
    values: dict[Question, object] = {}
    for row in answers:
        if row.declined:
            continue
        if row.option is not None:
            # An "other: …" text travels with its option, so word rules read it too.
            found = [row.option, row.text] if row.text else [row.option]
        else:
            found = [row.number if row.number is not None else row.text]
        if row.question.kind == Question.Kind.MULTIPLE_CHOICE or len(found) > 1:
            values.setdefault(row.question, []).extend(found)
        else:
            values[row.question] = found[0]
    return values


def help_after_submission(*, answers: list[Answer]):
    """Return the extra help a receiver wants the thank-you page to show, or None.

    A failing receiver must not turn a stored answer into an error page: the page
    then shows the helpline it always shows.
    """
    values = answer_values(answers)
    for _receiver, result in extra_help_wanted.send_robust(sender=Wave, answers=values):
        if isinstance(result, Exception):
            logger.error("A safeguarding check failed", exc_info=result)
        elif result is not None:
            return result
    return None
