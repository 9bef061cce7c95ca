"""Show-if rules: every operator, on choices and numbers, and rules that chain."""

import pytest

from surveys.models import Kind
from surveys.selectors import questionnaire_structure
from surveys.validation import RawAnswer, check
from tests.factories import QuestionnaireFactory, add_question

pytestmark = pytest.mark.django_db

COLOURS = [("rot", "Rot"), ("gruen", "Grün"), ("blau", "Blau")]


def _survey(kind, operator, value, options=None):
    questionnaire = QuestionnaireFactory(with_questions=False)
    add_question(questionnaire, "erste", kind, options=options, is_required=False)
    add_question(
        questionnaire,
        "folge",
        Kind.SHORT_TEXT,
        page=2,
        condition_question="erste",
        condition_operator=operator,
        condition_value=value,
    )
    return questionnaire_structure(questionnaire=questionnaire)


def _shows_follow_up(structure, *values) -> bool:
    raw = {"erste": RawAnswer(values=list(values))}
    return "folge" in check(structure, raw).visible_keys


def test_equals_shows_the_question_when_the_chosen_option_matches():
    structure = _survey(Kind.SINGLE_CHOICE, "equals", "gruen", COLOURS)

    assert _shows_follow_up(structure, "gruen")


def test_equals_hides_the_question_when_another_option_is_chosen():
    structure = _survey(Kind.SINGLE_CHOICE, "equals", "gruen", COLOURS)

    assert not _shows_follow_up(structure, "rot")


def test_equals_compares_numbers_as_numbers():
    structure = _survey(Kind.NUMBER, "equals", "7", None)

    assert _shows_follow_up(structure, "7.0")


def test_includes_shows_the_question_when_one_of_several_choices_matches():
    structure = _survey(Kind.MULTIPLE_CHOICE, "includes", "blau", COLOURS)

    assert _shows_follow_up(structure, "rot", "blau")


def test_includes_hides_the_question_when_no_choice_matches():
    structure = _survey(Kind.MULTIPLE_CHOICE, "includes", "blau", COLOURS)

    assert not _shows_follow_up(structure, "rot", "gruen")


def test_above_shows_the_question_only_for_a_larger_number():
    structure = _survey(Kind.SCALE_0_10, "above", "6", None)

    assert [_shows_follow_up(structure, str(n)) for n in (6, 7)] == [False, True]


def test_below_shows_the_question_only_for_a_smaller_number():
    structure = _survey(Kind.SCALE_0_10, "below", "3", None)

    assert [_shows_follow_up(structure, str(n)) for n in (2, 3)] == [True, False]


def test_above_compares_the_score_of_an_agreement_option():
    structure = _survey(Kind.AGREEMENT, "above", "3", [(str(n), str(n)) for n in range(1, 6)])

    assert [_shows_follow_up(structure, v) for v in ("3", "4")] == [False, True]


def test_an_unanswered_question_meets_no_rule():
    structure = _survey(Kind.SCALE_0_10, "below", "3", None)

    assert not _shows_follow_up(structure)


def test_prefer_not_to_say_meets_no_rule():
    questionnaire = QuestionnaireFactory(with_questions=False)
    add_question(questionnaire, "erste", Kind.SCALE_0_10, allows_decline=True)
    add_question(
        questionnaire,
        "folge",
        Kind.SHORT_TEXT,
        page=2,
        condition_question="erste",
        condition_operator="below",
        condition_value="11",
    )
    structure = questionnaire_structure(questionnaire=questionnaire)

    assert "folge" not in check(structure, {"erste": RawAnswer(declined=True)}).visible_keys


def _chain():
    questionnaire = QuestionnaireFactory(with_questions=False)
    add_question(questionnaire, "a", Kind.YES_NO, options=[("ja", "Ja"), ("nein", "Nein")])
    add_question(
        questionnaire,
        "b",
        Kind.SCALE_0_10,
        page=2,
        condition_question="a",
        condition_operator="equals",
        condition_value="ja",
    )
    add_question(
        questionnaire,
        "c",
        Kind.SHORT_TEXT,
        page=3,
        condition_question="b",
        condition_operator="above",
        condition_value="5",
    )
    return questionnaire_structure(questionnaire=questionnaire)


def test_a_chain_shows_the_last_question_when_every_link_holds():
    checked = check(_chain(), {"a": RawAnswer(["ja"]), "b": RawAnswer(["8"])})

    assert checked.visible_keys == ["a", "b", "c"]


def test_a_chain_hides_the_last_question_when_the_first_link_fails_even_with_a_stale_answer():
    checked = check(_chain(), {"a": RawAnswer(["nein"]), "b": RawAnswer(["8"])})

    assert checked.visible_keys == ["a"]
    assert not [row for row in checked.answers if row.question.key in ("b", "c")]


def test_a_hidden_required_question_is_not_required():
    checked = check(_chain(), {"a": RawAnswer(["nein"])})

    assert checked.errors == {}


def test_a_hidden_page_is_left_out_of_the_page_count():
    checked = check(_chain(), {"a": RawAnswer(["nein"])})

    assert checked.visible_pages == [1]
