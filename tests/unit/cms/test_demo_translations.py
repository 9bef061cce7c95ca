import html

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from demo import content as demo_content
from demo.translations import TRANSLATED_PAGES
from surveys.models import Question, Questionnaire

# The demo is seeded once per module and test process: keep the module on one process.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-translations")]

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _demo_questionnaire():
    return Questionnaire.objects.get(key="quartier-check", version=1)


def _texts_without_wording(language: str) -> list[str]:
    """List every German text of the demo questionnaire that has no wording in `language`."""
    questionnaire = _demo_questionnaire()
    owners = [("questionnaire", questionnaire)]
    owners += [(f"page {page.number}", page) for page in questionnaire.pages.all()]
    for question in questionnaire.questions.prefetch_related("options"):
        owners.append((question.key, question))
        owners += [(f"{question.key}={option.value}", option) for option in question.options.all()]
    return [
        f"{name}.{field}"
        for name, owner in owners
        for field in owner.translatable_fields
        if getattr(owner, field) and not owner.translations.get(language, {}).get(field)
    ]


def test_the_demo_survey_has_thirteen_questions_on_three_headed_pages(demo_site):
    questionnaire = _demo_questionnaire()

    assert questionnaire.questions.count() == 13
    assert [page.title for page in questionnaire.pages.all()] == list(
        demo_content.SURVEY_PAGES.values()
    )


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_text_of_the_demo_survey_has_wording_in_each_language(demo_site, language):
    assert _texts_without_wording(language) == []


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_agreement_scale_keeps_its_five_points_in_order_in_each_language(demo_site, language):
    options = Question.objects.get(
        questionnaire=_demo_questionnaire(), key="wohlfuehlen"
    ).options.order_by("sort_order")

    assert [(option.value, option.score) for option in options] == [
        (str(point), point) for point in range(1, 6)
    ]
    assert len({option.translated("label", language) for option in options}) == 5


@pytest.mark.parametrize("language", ["tr", "ar", "uk"])
def test_the_runner_shows_no_german_question_wording_in_another_language(
    client, demo_site, language
):
    page = html.unescape(client.get(f"/{language}/s/quartier-check/").content.decode())

    german = [
        question.text
        for question in _demo_questionnaire().questions.filter(page=1)
        if question.text in page
    ]
    assert german == []


def test_the_leichte_sprache_runner_words_the_agreement_scale_in_leichte_sprache(client, demo_site):
    page = client.get("/de-x-ls/s/quartier-check/").content.decode()

    assert "Stimmt genau" in page and "Stimme voll zu" not in page


def _listed_pages():
    german = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    news = german.filter(slug__in=[item["slug"] for item in demo_content.NEWS])
    indexes = german.filter(depth=3, slug__in=[*TRANSLATED_PAGES, "news", "dashboards"])
    return list(news) + list(indexes)


def test_the_demo_translates_eight_news_items_two_indexes_and_five_site_pages(demo_site):
    assert len(_listed_pages()) == 15


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_listed_page_is_a_published_translation_in_each_language(demo_site, language):
    untranslated = []
    for source in _listed_pages():
        translation = Page.objects.filter(
            translation_key=source.translation_key, locale__language_code=language
        ).first()
        if translation is None or translation.alias_of_id or not translation.live:
            untranslated.append(source.slug)
    assert untranslated == []


def test_a_translated_news_item_is_reachable_from_the_language_menu(client, demo_site):
    slug = "sommer-fussballturnier-altenhagen"
    page = client.get(f"/tr/news/{slug}/").content.decode()

    assert f'href="/ar/news/{slug}/"' in page


def test_seeding_again_keeps_a_translation_staff_have_corrected(demo_site):
    question = Question.objects.get(questionnaire=_demo_questionnaire(), key="wunsch")
    question.translations["tr"]["text"] = "Mahallen için en çok ne istersin?"
    question.save(update_fields=["translations"])

    call_command("seed_demo", verbosity=0)

    question.refresh_from_db()
    assert question.translations["tr"]["text"] == "Mahallen için en çok ne istersin?"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_demo_extra_help_after_the_survey_has_its_text_in_each_language(demo_site, language):
    from analytics.models import SafeguardingHelp

    contacts = SafeguardingHelp.load()

    assert all(
        contacts.translations.get(language, {}).get(field) for field in contacts.translatable_fields
    )
