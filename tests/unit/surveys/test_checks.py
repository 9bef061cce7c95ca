"""The checks every answer passes, whether it comes from the runner or the API."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.models import Answer, Kind, Option, Question
from surveys.selectors import questionnaire_structure
from surveys.services.questionnaires import complete_questionnaire
from surveys.validation import DECLINED, RawAnswer, check
from tests.factories import QuestionnaireFactory, add_question

pytestmark = pytest.mark.django_db


def _one(kind, **fields):
    questionnaire = QuestionnaireFactory(with_questions=False)
    add_question(questionnaire, "f", kind, **fields)
    complete_questionnaire(questionnaire=questionnaire)
    return questionnaire_structure(questionnaire=questionnaire)


def _errors(structure, *values, **raw):
    return check(structure, {"f": RawAnswer(values=list(values), **raw)}).errors


def test_a_number_below_its_minimum_is_refused():
    assert "f" in _errors(_one(Kind.NUMBER, min_value=10, max_value=27), "9")


def test_a_number_with_a_decimal_comma_is_understood():
    structure = _one(Kind.NUMBER, min_value=0, max_value=5)

    assert check(structure, {"f": RawAnswer(["2,5"])}).answers[0].number == 2.5


def test_a_word_in_a_number_field_is_refused():
    assert "f" in _errors(_one(Kind.NUMBER), "zwölf")


def test_a_fraction_on_the_0_to_10_scale_is_refused():
    assert "f" in _errors(_one(Kind.SCALE_0_10), "4.5")


def test_fewer_choices_than_the_minimum_are_refused():
    options = [("a", "A"), ("b", "B"), ("c", "C")]

    assert "f" in _errors(_one(Kind.MULTIPLE_CHOICE, min_choices=2, options=options), "a")


def test_the_same_choice_twice_is_refused():
    assert "f" in _errors(_one(Kind.MULTIPLE_CHOICE, options=[("a", "A")]), "a", "a")


def test_two_answers_to_a_single_choice_question_are_refused():
    assert "f" in _errors(_one(Kind.YES_NO), "ja", "nein")


def test_prefer_not_to_say_is_refused_where_it_is_not_offered():
    assert "f" in _errors(_one(Kind.YES_NO), DECLINED)


def test_prefer_not_to_say_together_with_an_answer_is_refused():
    options = [("a", "A"), ("b", "B")]
    structure = _one(Kind.MULTIPLE_CHOICE, allows_decline=True, options=options)

    assert "f" in _errors(structure, "a", declined=True)


def test_choosing_other_without_saying_what_is_refused():
    structure = _one(Kind.SINGLE_CHOICE, options=[("a", "A"), ("andere", "Andere")])

    assert "f" in _errors(structure, "andere")


def test_a_short_text_is_limited_to_200_characters_by_default():
    assert "f" in _errors(_one(Kind.SHORT_TEXT), "x" * 201)


def test_a_yes_no_question_gets_yes_and_no_in_german_and_english():
    structure = _one(Kind.YES_NO)

    options = structure.options[structure.questions[0].pk]
    assert [(o.label, o.translated("label", "en")) for o in options] == [
        ("Ja", "Yes"),
        ("Nein", "No"),
    ]


def test_an_agreement_item_is_worded_in_leichte_sprache_not_in_plain_german():
    structure = _one(Kind.AGREEMENT)

    options = structure.options[structure.questions[0].pk]
    assert [o.translated("label", "de-x-ls") for o in options] == [
        "Stimmt gar nicht",
        "Stimmt eher nicht",
        "Stimmt zum Teil",
        "Stimmt eher",
        "Stimmt genau",
    ]


@pytest.mark.parametrize(
    ("segment", "codes"),
    [
        ("quarter", ["altenhagen", "wehringhausen", "hagen", "ausserhalb"]),
        ("age_band", ["10-13", "14-17", "18-21", "22-27"]),
        ("gender", ["weiblich", "maennlich", "divers", "selbst"]),
    ],
)
def test_a_breakdown_question_gets_the_standard_options(segment, codes):
    structure = _one(Kind.SINGLE_CHOICE, segment=segment)

    assert [o.value for o in structure.options[structure.questions[0].pk]] == codes


def test_self_described_gender_asks_for_text():
    structure = _one(Kind.SINGLE_CHOICE, segment="gender")

    checked = check(structure, {"f": RawAnswer(["selbst"], other="agender")})
    assert [row.text for row in checked.answers] == ["", "agender"]


def test_matrix_rows_share_the_scale_of_their_heading():
    questionnaire = QuestionnaireFactory(with_questions=False)
    add_question(questionnaire, "m", Kind.MATRIX)
    add_question(questionnaire, "m1", Kind.MATRIX_ROW)
    add_question(questionnaire, "m2", Kind.MATRIX_ROW)

    complete_questionnaire(questionnaire=questionnaire)

    for key in ("m1", "m2"):
        options = Option.objects.filter(question__key=key).order_by("sort_order")
        assert [(o.value, o.score) for o in options] == [(str(n), n) for n in range(1, 6)]


def test_a_matrix_heading_stores_no_answer_of_its_own():
    questionnaire = QuestionnaireFactory(with_questions=False)
    add_question(questionnaire, "m", Kind.MATRIX)
    add_question(questionnaire, "m1", Kind.MATRIX_ROW)
    complete_questionnaire(questionnaire=questionnaire)

    checked = check(questionnaire_structure(questionnaire=questionnaire), {"m1": RawAnswer(["2"])})

    assert [row.question.key for row in checked.answers] == ["m1"]


def _fuzz_structure():
    questionnaire = QuestionnaireFactory(with_questions=False)
    for kind in Kind:
        fields = {"is_required": False, "allows_decline": kind != Kind.MATRIX}
        if kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
            fields["options"] = [("a", "A"), ("andere", "Andere")]
            fields["max_choices"] = 1 if kind == Kind.MULTIPLE_CHOICE else None
        if kind == Kind.NUMBER:
            fields.update(min_value=0, max_value=100)
        add_question(questionnaire, kind.value.replace("_", "-"), kind, **fields)
    complete_questionnaire(questionnaire=questionnaire)
    return questionnaire_structure(questionnaire=questionnaire)


raw_answers = st.builds(
    RawAnswer,
    values=st.lists(
        st.one_of(
            st.sampled_from(["a", "andere", "ja", "1", "5", "10", "11", "-1", "nan", DECLINED]),
            st.text(max_size=300),
            st.floats(allow_nan=True, allow_infinity=True).map(str),
        ),
        max_size=3,
    ),
    other=st.text(max_size=250),
    declined=st.booleans(),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.dictionaries(st.sampled_from([k.value.replace("_", "-") for k in Kind]), raw_answers)
)
def test_any_input_is_either_refused_with_a_message_or_gives_storable_answers(data):
    structure = _fuzz_structure()

    checked = check(structure, data)

    for key, message in checked.errors.items():
        assert key in data and message.strip()
    by_key = {question.key: question for question in structure.questions}
    for answer in checked.answers:
        question: Question = answer.question
        assert question is by_key[question.key] and question.takes_answers
        filled = [answer.option is not None, answer.number is not None, bool(answer.text)]
        assert sum(filled) + answer.declined == 1
        if answer.option is not None:
            assert answer.option.question_id == question.pk
        if answer.number is not None and question.kind == Kind.NUMBER:
            assert 0 <= answer.number <= 100
        assert "\x00" not in answer.text and len(answer.text) <= 2000
    assert isinstance(checked.answers, list) and all(isinstance(a, Answer) for a in checked.answers)
