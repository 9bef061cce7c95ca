"""The moderation corpus: invented answers with names, streets, schools, numbers, accounts.

Measures how much the detection catches (recall) and how many of its marks are right
(precision), and proves that none of the corpus's personal details can be published
without a moderator deciding on it.
"""

import json
from pathlib import Path

import pytest

from analytics.models import Quote
from analytics.moderation.detection import personal_details, propose_redaction
from analytics.moderation.services import UnreviewedDetails, approve_quote
from surveys.models import Question
from tests.factories import ResponseFactory, WaveFactory, add_question, answer

CORPUS = json.loads((Path(__file__).parent / "moderation_corpus.json").read_text())["answers"]
WITH_DETAILS = [item for item in CORPUS if item["personal"]]


def _span(item, detail):
    start = item["text"].index(detail)
    return set(range(start, start + len(detail)))


def _measure():
    details = caught = marks = right = 0
    for item in CORPUS:
        flags = personal_details(item["text"])
        marked = set().union(*(set(range(flag.start, flag.end)) for flag in flags))
        spans = [_span(item, detail) for detail in item["personal"]]
        details += len(spans)
        caught += sum(span <= marked for span in spans)
        marks += len(flags)
        right += sum(
            any(set(range(flag.start, flag.end)) & span for span in spans) for flag in flags
        )
    return caught / details, right / marks


def test_the_corpus_holds_at_least_fifty_answers_in_german_turkish_and_arabic():
    languages = {item["language"] for item in CORPUS}

    assert len(CORPUS) >= 50 and languages == {"de", "tr", "ar"}


def test_the_detection_marks_every_personal_detail_of_the_corpus():
    recall, precision = _measure()
    print(f"moderation corpus: recall {recall:.3f}, precision {precision:.3f}")

    assert recall == 1.0


def test_most_marks_of_the_detection_point_at_something_personal():
    _recall, precision = _measure()

    assert precision >= 0.9


@pytest.mark.parametrize("item", WITH_DETAILS, ids=lambda item: item["text"][:30])
def test_the_proposed_quote_holds_no_personal_detail(item):
    proposal = propose_redaction(item["text"])

    assert [detail for detail in item["personal"] if detail in proposal] == []


@pytest.mark.django_db
def test_no_answer_of_the_corpus_can_be_approved_unredacted_without_a_decision(admin_user):
    wave = WaveFactory()
    question = add_question(wave.questionnaire, "wunsch", Question.Kind.LONG_TEXT)
    published = []
    for item in WITH_DETAILS:
        item_answer = answer(ResponseFactory(wave=wave), question, item["text"])[0]
        try:
            approve_quote(answer=item_answer, text=item["text"], user=admin_user)
            published.append(item["text"])
        except UnreviewedDetails:
            pass

    assert published == [] and not Quote.objects.exists()
