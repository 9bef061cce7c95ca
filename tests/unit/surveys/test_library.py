import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from surveys.models import Questionnaire, Scale
from surveys.scoring import score_response
from surveys.services.library import LIBRARY
from tests.factories import QuestionnaireFactory

pytestmark = pytest.mark.django_db


def _load(*args) -> str:
    out = StringIO()
    call_command("load_instrument", *args, stdout=out)
    return out.getvalue()


def test_the_command_lists_the_project_scales_and_the_licence_templates():
    listing = _load()

    assert "resilienz-kurz" in listing and "beteiligung-quartier" in listing
    assert "vorlage-6-items" in listing and "template" in listing


def test_the_resilience_scale_loads_as_a_matrix_page_with_german_and_english_items():
    questionnaire = QuestionnaireFactory()

    _load("resilienz-kurz", "--into", questionnaire.key)

    rows = questionnaire.questions.filter(kind="matrix_row", page=2).order_by("sort_order")
    assert rows.count() == 6
    assert rows[0].text.startswith("Wenn etwas schiefgeht")
    assert rows[0].translated("text", "en").startswith("When something goes wrong")


def test_the_participation_scale_knows_its_subscales_and_reversed_item():
    _load("beteiligung-quartier")

    scale = Scale.objects.get(key="beteiligung-quartier")
    assert set(scale.items.values_list("subscale", flat=True)) == {
        "mitreden",
        "anlaufstellen",
        "mitmachen",
    }
    assert list(scale.items.filter(is_reversed=True).values_list("question__key", flat=True)) == [
        "bet_6"
    ]


def test_a_licence_template_ships_the_structure_but_no_wording():
    for path in LIBRARY.glob("vorlage-*.json"):
        data = json.loads(path.read_text())
        assert all(not item["de"] and not item["en"] for item in data["items"])


def test_the_six_item_template_reverses_items_2_4_and_6_and_scores_a_mean():
    _load("vorlage-6-items")

    scale = Scale.objects.get(key="vorlage-6-items")
    reversed_keys = scale.items.filter(is_reversed=True).values_list("question__key", flat=True)
    assert scale.scoring == "mean" and sorted(reversed_keys) == [
        "lizenz6_2",
        "lizenz6_4",
        "lizenz6_6",
    ]


def test_the_seventeen_item_template_is_a_sum_scale():
    _load("vorlage-17-items")

    scale = Scale.objects.get(key="vorlage-17-items")
    assert (scale.scoring, scale.items.count()) == ("sum", 17)


def _resilience_scores(points: list[int | None]) -> dict[int, float]:
    scale = Scale.objects.get(key="resilienz-kurz")
    items = list(scale.items.order_by("question__sort_order"))
    return scale, {item.question_id: p for item, p in zip(items, points, strict=True) if p}


def test_a_reversed_item_counts_the_other_way_round():
    _load("resilienz-kurz")
    scale, scores = _resilience_scores([5, 5, 5, 1, 5, 5])

    assert score_response(scale=scale, option_scores=scores).value == 5


def test_too_few_answered_items_give_no_score():
    _load("resilienz-kurz")
    scale, scores = _resilience_scores([5, 5, 5, None, None, None])

    assert score_response(scale=scale, option_scores=scores).value is None


def test_subscales_are_scored_apart():
    _load("resilienz-kurz")
    scale, scores = _resilience_scores([2, 4, 2, 4, 4, 4])

    assert score_response(scale=scale, option_scores=scores).subscales == {
        "bewaeltigung": 2,
        "selbstwirksamkeit": 4,
    }


def test_a_lookup_scale_converts_the_sum():
    _load("vorlage-6-items")
    scale = Scale.objects.get(key="vorlage-6-items")
    scale.scoring, scale.min_answered, scale.lookup = "lookup", 1, {"3": 42}
    scale.save()
    first = scale.items.get(question__key="lizenz6_1")

    assert score_response(scale=scale, option_scores={first.question_id: 3}).value == 42


def test_an_instrument_cannot_be_added_to_a_questionnaire_with_answers(client):
    from tests.factories import WaveFactory, submit

    wave = WaveFactory()
    submit(wave)

    with pytest.raises(Exception, match="new version"):
        _load("resilienz-kurz", "--into", wave.questionnaire.key)
    assert Questionnaire.objects.filter(key=wave.questionnaire.key).count() == 1


def test_adding_the_same_instrument_twice_says_so_and_changes_nothing():
    questionnaire = QuestionnaireFactory()
    _load("resilienz-kurz", "--into", questionnaire.key)

    with pytest.raises(CommandError, match="already has"):
        _load("resilienz-kurz", "--into", questionnaire.key)
    assert questionnaire.questions.count() == 3 + 7


@pytest.mark.parametrize("key", ["resilienz-kurz", "beteiligung-quartier"])
def test_a_project_scale_from_the_library_has_its_wording_in_every_site_language(key, settings):
    _load(key)

    questionnaire = Questionnaire.objects.get(key=key)
    others = [code for code, _name in settings.LANGUAGES if code != "de"]
    missing = [
        (question.key, language)
        for question in questionnaire.questions.all()
        for language in others
        if not question.translations.get(language, {}).get("text")
    ]
    missing += [
        (f"{option.question.key}={option.value}", language)
        for option in questionnaire.questions.get(kind="matrix_row", key__endswith="_1")
        .options.select_related("question")
        .all()
        for language in others
        if not option.translations.get(language, {}).get("label")
    ]
    assert missing == []
