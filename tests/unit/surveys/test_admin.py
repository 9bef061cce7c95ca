"""Staff build, preview, version and open surveys in the Wagtail admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from surveys.models import Questionnaire, Response, Scale
from tests.factories import WaveFactory, submit, three_page_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def test_editing_an_answered_questionnaire_leads_to_making_a_new_version(staff):
    wave = WaveFactory()
    submit(wave)

    response = staff.get(f"/admin/snippets/surveys/questionnaire/edit/{wave.questionnaire.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"/admin/surveys/new-version/{wave.questionnaire.pk}/"


def test_a_new_version_copies_the_questions_and_leaves_the_answers_with_the_old_one(staff):
    wave = three_page_wave()
    submit_old = Response.objects.create(
        wave=wave, questionnaire=wave.questionnaire, language="de", day=timezone.localdate()
    )

    staff.post(f"/admin/surveys/new-version/{wave.questionnaire.pk}/")

    new = Questionnaire.objects.get(key=wave.questionnaire.key, version=2)
    assert list(new.questions.values_list("key", flat=True)) == list(
        wave.questionnaire.questions.values_list("key", flat=True)
    )
    assert new.pages.get().condition_value == "wehringhausen"
    submit_old.refresh_from_db()
    assert submit_old.questionnaire.version == 1


def test_an_unanswered_questionnaire_opens_in_the_editor(staff):
    wave = three_page_wave()

    response = staff.get(f"/admin/snippets/surveys/questionnaire/edit/{wave.questionnaire.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "title_en" in page and "text_en" in page


def test_the_preview_shows_the_runner_as_young_people_see_it_and_stores_nothing(staff):
    wave = WaveFactory()
    url = f"/admin/surveys/preview/{wave.questionnaire.pk}/"
    first = staff.get(url).content.decode()
    state = first.split('name="state" value="')[1].split('"')[0]

    done = staff.post(
        url, {"state": state, "action": "next", "quartier": "hagen", "wohlfuehlen": "3"}
    )

    assert "runner__preview" in first and "Wo wohnst du?" in first
    assert done.status_code == 200 and Response.objects.count() == 0


def test_staff_close_an_open_wave(staff):
    wave = WaveFactory()

    staff.post(f"/admin/surveys/waves/{wave.pk}/close/")

    wave.refresh_from_db()
    assert not wave.is_open()


def test_staff_open_a_closed_wave_again(staff):
    wave = WaveFactory(closes_at=timezone.now() - datetime.timedelta(days=1))

    staff.post(f"/admin/surveys/waves/{wave.pk}/open/")

    wave.refresh_from_db()
    assert wave.is_open()


def test_the_wave_list_shows_the_response_count(staff):
    wave = WaveFactory(title="Herbstwelle")
    submit(wave, 7)

    page = staff.get("/admin/snippets/surveys/wave/").content.decode()

    assert "Herbstwelle" in page and ">7<" in page.replace(" ", "").replace("\n", "")


def test_staff_add_the_participation_scale_from_the_instrument_library(staff):
    wave = three_page_wave()

    staff.post(
        "/admin/surveys/instruments/",
        {"instrument": "beteiligung-quartier", "questionnaire": wave.questionnaire.pk},
    )

    scale = Scale.objects.get(questionnaire=wave.questionnaire)
    assert scale.items.count() == 6


def test_a_wave_cannot_use_a_template_whose_wording_is_missing(staff):
    staff.post("/admin/surveys/instruments/", {"instrument": "vorlage-6-items"})
    template = Questionnaire.objects.get(key="vorlage-6-items")

    response = staff.post(
        "/admin/snippets/surveys/wave/add/",
        {
            "title": "Lizenz",
            "slug": "lizenz",
            "questionnaire": template.pk,
            "opens_at": "2026-11-01 10:00",
            "results_policy": "live",
        },
    )

    assert response.status_code == 200
    assert "lizenz6_1" in response.content.decode()


def test_questions_and_options_can_be_reordered_in_the_editor(staff):
    wave = three_page_wave()

    page = staff.get(
        f"/admin/snippets/surveys/questionnaire/edit/{wave.questionnaire.pk}/"
    ).content.decode()

    assert 'name="questions-0-ORDER"' in page
    assert 'name="questions-0-options-0-ORDER"' in page


def test_saving_a_rule_that_points_to_a_later_page_warns_the_author(staff):
    wave = three_page_wave()
    question = wave.questionnaire.questions.get(key="quartier")
    question.condition_question, question.condition_operator = "spielplatz", "equals"
    question.condition_value = "ja"
    question.save()

    from surveys.selectors import rule_problems

    assert rule_problems(questionnaire=wave.questionnaire) == [
        "Die Bedingung von Frage „quartier“ muss sich auf eine Frage einer früheren Seite beziehen."
    ]


def test_a_rule_comparing_with_a_word_as_a_number_is_reported():
    wave = three_page_wave()
    page = wave.questionnaire.pages.get()
    page.condition_operator, page.condition_value = "above", "viel"
    page.save()

    from surveys.selectors import rule_problems

    assert rule_problems(questionnaire=wave.questionnaire) == [
        "Die Bedingung von Seite 3 vergleicht mit „viel“, das ist keine Zahl."
    ]
