"""Someone with a copy of the PostgreSQL database cannot join a code or a token to an answer.

The attacker knows every printed code (and so its row) and, say from a device, every
submission token. Each test plays one attack against a wave of coded responses sent in
shuffled card order: the transaction id join, the nearest transaction id, the order of
ids and of physical rows, and stored times. The truth is kept by the test alone.
"""

import random
import uuid

import pytest
from django.db import connection

from surveys import codes
from surveys.models import Response, Wave
from surveys.selectors import questionnaire_structure
from surveys.services import generate_access_codes, submit_response
from surveys.validation import RawAnswer, check
from tests.factories import WaveFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

SENT = 24


def _tables() -> set[str]:
    return set(connection.introspection.table_names())


def _rows(sql: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# A row as the attacker sees it: (table, id, transaction id, page, offset in page).
ROW = "'{table}', id, xmin::text::bigint, (ctid::text::point)[0], (ctid::text::point)[1]"


def _code_holders(plain: str) -> list[tuple]:
    """Return every row that records something about a code, with where the code sits."""
    digest = codes.digest(codes.normalise(plain))
    rows = _rows(
        f"SELECT {ROW.format(table='code')}, id FROM surveys_accesscode WHERE digest = %s",  # noqa: S608 - constant text
        [digest],
    )
    code_id = rows[0][1]
    if "surveys_spentset" in _tables():
        rows += _rows(
            f"SELECT {ROW.format(table='set')}, strpos(entries, %s) FROM surveys_spentset"  # noqa: S608 - constant text
            " WHERE kind = 'codes' AND strpos(entries, %s) > 0",
            [f"\n{code_id}\n"] * 2,
        )
    return rows


def _token_holders(token: uuid.UUID) -> list[tuple]:
    """Return every row that records something about a submission token."""
    rows = []
    if "surveys_submissiontoken" in _tables():
        rows += _rows(
            f"SELECT {ROW.format(table='token')}, id FROM surveys_submissiontoken WHERE token = %s",  # noqa: S608 - constant text
            [token],
        )
    if "surveys_spentset" in _tables():
        from surveys.services.spent_sets import token_digest

        rows += _rows(
            f"SELECT {ROW.format(table='set')}, strpos(entries, %s) FROM surveys_spentset"  # noqa: S608 - constant text
            " WHERE kind = 'tokens' AND strpos(entries, %s) > 0",
            [f"\n{token_digest(token)}\n"] * 2,
        )
    return rows


@pytest.fixture
def sent(postgres_and_redis):
    """Send coded responses, each with a token and a linking code, in shuffled card order.

    Return (secrets, answer rows): a secret is (kind, holder rows, id of its response).
    """
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED, linking_series="panel")
    plain = generate_access_codes(wave=wave, venue="Jugendtreff Altenhagen", count=SENT // 2)
    plain += generate_access_codes(wave=wave, venue="Schule Wehringhausen", count=SENT // 2)
    random.Random(13).shuffle(plain)
    structure = questionnaire_structure(questionnaire=wave.questionnaire)
    raw = {"quartier": RawAnswer(values=["altenhagen"]), "wohlfuehlen": RawAnswer(values=["4"])}
    truth = []
    for code in plain:
        token = uuid.uuid4()
        checked = check(structure, raw)
        response = submit_response(
            wave=wave,
            answers=checked.answers,
            segments=checked.segments,
            language="de",
            token=token,
            access_code=code,
            linking=[uuid.uuid4().hex for _ in range(5)],
        )
        truth.append((code, token, response.pk))
    secrets = [("code", _code_holders(code), pk) for code, _, pk in truth]
    secrets += [("token", _token_holders(token), pk) for _, token, pk in truth]
    answers = []
    for table, name, extra in [
        ("response", "surveys_response", ""),
        ("answer", "surveys_answer", ", response_id"),
        ("linking", "surveys_linkinghash", ", response_id"),
    ]:
        answers += _rows(f"SELECT {ROW.format(table=table)}{extra} FROM {name}")  # noqa: S608
    assert Response.objects.count() == SENT
    return secrets, answers


def _response_of(row) -> int:
    return row[1] if row[0] == "response" else row[5]


def _telling_xmins(secrets, kind) -> dict[int, set[int]]:
    """Return, per secret, the transaction ids that no other secret of its kind shares."""
    seen: dict[int, int] = {}
    for secret_kind, holders, _ in secrets:
        if secret_kind == kind:
            for xmin in {row[2] for row in holders}:
                seen[xmin] = seen.get(xmin, 0) + 1
    return {
        index: {row[2] for row in holders if seen[row[2]] == 1}
        for index, (secret_kind, holders, _) in enumerate(secrets)
        if secret_kind == kind
    }


def test_no_spent_code_or_token_shares_a_transaction_id_with_one_answer(sent):
    secrets, answers = sent
    found = dict.fromkeys(["code", "token"], 0)
    for kind in found:
        for index, xmins in _telling_xmins(secrets, kind).items():
            joined = {_response_of(row) for row in answers if row[2] in xmins}
            found[kind] += joined == {secrets[index][2]}

    assert found == {"code": 0, "token": 0}, f"the xmin join links so many of {SENT}"


def test_the_nearest_transaction_id_points_to_no_code_or_tokens_response(sent):
    secrets, answers = sent
    responses = [row for row in answers if row[0] == "response"]
    found = dict.fromkeys(["code", "token"], 0)
    for kind in found:
        for index, xmins in _telling_xmins(secrets, kind).items():
            if not xmins:
                continue  # every transaction id of its rows is shared by all others of its kind
            nearest = min(responses, key=lambda row: min(abs(row[2] - xmin) for xmin in xmins))
            found[kind] += nearest[1] == secrets[index][2]

    assert found == {"code": 0, "token": 0}, f"the nearest xmin finds so many of {SENT}"


def _spearman(first: list, second: list) -> float:
    def ranks(values):
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0] * len(values)
        for rank, position in enumerate(order):
            result[position] = rank
        return result

    a, b = ranks(first), ranks(second)
    count = len(a)
    return 1 - 6 * sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) / (count * (count**2 - 1))


def _order_correlation(secrets, answers, kind, place) -> float:
    """Return how closely the place of spent codes (or tokens) follows their answers' order."""
    order_of_answer = {row[1]: row[2] for row in answers if row[0] == "response"}
    keys, truth = [], []
    for _, holders, response_id in (secret for secret in secrets if secret[0] == kind):
        in_set = place == "place in its set"
        rows = [row for row in holders if (row[0] == "set") == in_set]
        if rows:
            row = rows[-1]
            keys.append({"id": row[1], "physical row": (row[3], row[4])}.get(place, row[5]))
            truth.append(order_of_answer[response_id])
    if len(set(keys)) <= 1:
        return 0.0  # one shared place: nothing to order, the attack has nothing to go on
    return _spearman(keys, truth)


def test_the_order_of_spent_codes_and_tokens_does_not_follow_the_answers(sent):
    secrets, answers = sent

    correlations = {
        (kind, place): round(_order_correlation(secrets, answers, kind, place), 2)
        for kind in ("code", "token")
        for place in ("id", "physical row", "place in its set")
    }

    assert all(abs(value) < 0.6 for value in correlations.values()), correlations


def test_no_row_of_an_answer_a_code_or_a_token_holds_a_time_finer_than_a_day(sent):
    tables = ["surveys_response", "surveys_answer", "surveys_linkinghash", "surveys_accesscode"]
    tables += [
        name for name in ("surveys_submissiontoken", "surveys_spentset") if name in _tables()
    ]

    timed = _rows(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_name = ANY(%s) AND data_type LIKE 'time%%'",
        [tables],
    )

    assert timed == []
    # A commit timestamp per transaction id would date every row to the second.
    assert _rows("SHOW track_commit_timestamp") == [("off",)]
