"""A wave offers a language only when its questionnaire has wording in it everywhere."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from surveys.models import Option, Question, Wave
from surveys.services.waves import LanguagesIncomplete, open_wave
from tests.factories import QuestionnaireFactory, WaveFactory, translate_everywhere

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def german_only_wave(**fields) -> Wave:
    return WaveFactory(questionnaire=QuestionnaireFactory(translated=False), **fields)


def test_a_wave_with_nothing_ticked_offers_only_the_languages_with_complete_wording():
    questionnaire = QuestionnaireFactory(translated=False)
    translate_everywhere(questionnaire)
    option = Option.objects.get(question__key="quartier", value="hagen")
    del option.translations["ar"]["label"]
    option.save()

    wave = WaveFactory(questionnaire=questionnaire)

    assert "ar" not in wave.offered_languages()
    assert {"de", "en", "tr", "uk", "de-x-ls"} <= set(wave.offered_languages())


def test_a_questionnaire_in_german_only_is_offered_in_german_only():
    wave = german_only_wave()

    assert wave.offered_languages() == ["de"]


def test_an_arabic_reader_of_a_german_only_wave_is_sent_to_the_german_runner(client):
    wave = german_only_wave()

    response = client.get(f"/ar/s/{wave.slug}/")

    assert response.status_code == 302
    assert response["Location"] == f"/s/{wave.slug}/?unavailable=ar"


def test_the_german_runner_tells_an_arabic_reader_in_arabic_why_it_is_german(client):
    wave = german_only_wave()

    page = client.get(f"/ar/s/{wave.slug}/", follow=True).content.decode()

    assert '<html lang="de"' in page
    notice = '<p class="notice runner__notice" lang="ar" dir="rtl">'
    assert f"{notice}هذا الاستبيان غير متوفر بلغتك بعد.</p>" in page


def test_a_printed_code_survives_the_move_to_the_offered_language(client):
    wave = german_only_wave()

    response = client.get(f"/tr/s/{wave.slug}/?code=K7QM-4TXW-9HRC")

    assert response["Location"] == f"/s/{wave.slug}/?code=K7QM-4TXW-9HRC&unavailable=tr"


def test_the_runner_in_leichte_sprache_shows_the_leichte_sprache_wording(client):
    wave = WaveFactory()
    question = Question.objects.get(questionnaire=wave.questionnaire, key="quartier")
    question.translations["de-x-ls"]["text"] = "In welchem Stadt-Teil wohnst du?"
    question.save()

    page = client.get(f"/de-x-ls/s/{wave.slug}/").content.decode()

    assert "In welchem Stadt-Teil wohnst du?" in page
    assert "Wo wohnst du?" not in page


def test_the_wave_form_marks_each_language_complete_or_counts_what_is_missing(staff):
    wave = german_only_wave()
    translate_everywhere(wave.questionnaire)
    question = Question.objects.get(questionnaire=wave.questionnaire, key="mitbestimmen")
    del question.translations["tr"]["text"]
    question.save()

    page = staff.get(f"/admin/snippets/surveys/wave/edit/{wave.pk}/").content.decode()

    assert "English (vollständig)" in page
    assert "Türkçe (1 Text fehlt)" in page
    assert "Türkçe: Frage „mitbestimmen“: Frage" in page


def wave_form(questionnaire, **fields) -> dict:
    return {
        "title": "Herbst",
        "slug": "herbst",
        "questionnaire": questionnaire.pk,
        "opens_at": "2026-11-01 10:00",
        "results_policy": "live",
        "code_policy": "open",
        "licence": "CC-BY-4.0",
        **fields,
    }


def test_a_wave_with_a_ticked_incomplete_language_is_refused_with_the_missing_texts(staff):
    questionnaire = QuestionnaireFactory(translated=False)

    response = staff.post(
        "/admin/snippets/surveys/wave/add/", wave_form(questionnaire, languages=["de", "ar"])
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "العربية: Es fehlt der Wortlaut von:" in page
    assert "Frage „quartier“ › hagen: Bezeichnung" in page
    assert not Wave.objects.exists()


def test_a_wave_with_only_complete_languages_ticked_is_saved(staff):
    questionnaire = QuestionnaireFactory()

    staff.post(
        "/admin/snippets/surveys/wave/add/", wave_form(questionnaire, languages=["de", "ar"])
    )

    assert Wave.objects.get().offered_languages() == ["de", "ar"]


def test_opening_a_wave_whose_chosen_language_is_incomplete_is_refused():
    wave = german_only_wave(
        languages=["de", "pl"], closes_at=timezone.now() - datetime.timedelta(days=1)
    )

    with pytest.raises(LanguagesIncomplete) as refusal:
        open_wave(wave=wave)

    assert "Polski: Es fehlt der Wortlaut von:" in refusal.value.message
    assert "Frage „wohlfuehlen“: Frage" in refusal.value.message
    wave.refresh_from_db()
    assert not wave.is_open()


def test_staff_see_why_open_now_was_refused(staff):
    wave = german_only_wave(languages=["uk"], closes_at=timezone.now() - datetime.timedelta(days=1))

    response = staff.post(f"/admin/surveys/waves/{wave.pk}/open/", follow=True)

    assert "Українська: Es fehlt der Wortlaut von:" in response.content.decode()
    wave.refresh_from_db()
    assert not wave.is_open()
