"""Stream a wave's responses as rows, a chunk at a time, so memory stays flat."""

from collections.abc import Iterator

from analytics.exports.codebook import CHANNEL_CODES, DECLINED_CODE, DECLINED_TEXT, Codebook
from analytics.exports.scores import ScoreKeeper
from surveys.models import Answer, Response

CHUNK_SIZE = 2000


def response_rows(codebook: Codebook, *, chunk_size: int = CHUNK_SIZE) -> Iterator[list[list]]:
    """Yield lists of rows (one per response, in response order), `chunk_size` at a time."""
    width = len(codebook.variables)
    fillers = codebook.fillers
    last_id = 0
    versions = {}
    scores = ScoreKeeper(codebook.parts_by_version)
    while True:
        responses = list(
            Response.objects.filter(wave=codebook.wave, pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", "questionnaire_id", "language", "day", "channel")[:chunk_size]
        )
        if not responses:
            return
        first_id, last_id = responses[0][0], responses[-1][0]
        rows = {}
        version_of = {}
        for pk, questionnaire_id, language, day, channel in responses:
            version_of[pk] = questionnaire_id
            if questionnaire_id not in versions:
                versions[questionnaire_id] = _version_of(questionnaire_id)
            row = [None] * width
            row[0], row[1], row[2], row[3] = pk, versions[questionnaire_id], language, day
            row[4] = CHANNEL_CODES.get(channel)
            rows[pk] = row
        # A range on the answer's response id alone, without joining responses: joined,
        # PostgreSQL hashed every response of the wave once per chunk (10x slower at 1M).
        # Answers of other waves' responses inside the range are skipped below.
        answers = Answer.objects.filter(
            response_id__gte=first_id, response_id__lte=last_id
        ).values_list("response_id", "question_id", "option_id", "number", "text", "declined")
        for response_id, question_id, option_id, number, text, declined in answers.iterator(
            chunk_size=chunk_size * 10
        ):
            row = rows.get(response_id)
            filler = fillers.get(question_id)
            if row is None or filler is None:
                continue
            _fill(row, filler, option_id, number, text, declined)
            scores.add(response_id, question_id, option_id, number, declined)
        scores.fill(rows, version_of)
        yield list(rows.values())


def _fill(row, filler, option_id, number, text, declined) -> None:
    kind, column, extra = filler
    if kind == "multi":
        for each in column:
            if declined:
                row[each] = DECLINED_CODE
            elif row[each] is None:
                row[each] = 0
        if not declined and option_id in extra:
            row[extra[option_id]] = 1
    elif declined:
        row[column] = DECLINED_TEXT if kind == "text" else DECLINED_CODE
    elif kind == "choice":
        row[column] = extra.get(option_id)
    elif kind == "number":
        row[column] = number
    else:
        row[column] = text


def _version_of(questionnaire_id: int) -> int:
    from surveys.models import Questionnaire

    return Questionnaire.objects.values_list("version", flat=True).get(pk=questionnaire_id)
