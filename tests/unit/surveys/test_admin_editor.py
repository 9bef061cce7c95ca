"""The questionnaire editor: questions titled by their text, versions switched and removed."""

import re

import pytest
from django.contrib.auth import get_user_model

from surveys.models import Questionnaire, Wave
from surveys.services.questionnaires import create_new_version
from tests.factories import QuestionnaireFactory, WaveFactory, submit, three_page_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def _editor(staff, questionnaire) -> str:
    response = staff.get(f"/admin/snippets/surveys/questionnaire/edit/{questionnaire.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_each_question_in_the_editor_is_titled_by_its_text(staff):
    wave = three_page_wave()

    page = _editor(staff, wave.questionnaire)

    assert "Frage<span data-inline-panel-child-count></span>: Wie alt bist du?" in page


def test_the_translations_of_a_question_are_folded_away(staff):
    wave = three_page_wave()

    page = _editor(staff, wave.questionnaire)

    folded = re.findall(r'<details class="folded-panel">(.*?)</details>', page, re.DOTALL)
    assert any('name="questions-0-text_en"' in block for block in folded)


def test_the_limits_of_a_question_are_folded_away(staff):
    wave = three_page_wave()

    page = _editor(staff, wave.questionnaire)

    folded = re.findall(r'<details class="folded-panel">(.*?)</details>', page, re.DOTALL)
    assert any('name="questions-0-min_choices"' in block for block in folded)


def test_the_folded_translations_are_styled_on_the_editor_page(staff):
    wave = three_page_wave()

    page = _editor(staff, wave.questionnaire)

    assert "surveys/admin/editor.css" in page


def test_the_wave_list_offers_switching_to_another_version(staff):
    wave = WaveFactory()
    create_new_version(questionnaire=wave.questionnaire)

    page = staff.get("/admin/snippets/surveys/wave/").content.decode()

    assert f"/admin/surveys/waves/{wave.pk}/version/" in page


def test_switching_asks_for_confirmation_and_changes_nothing_before(staff):
    wave = WaveFactory()
    create_new_version(questionnaire=wave.questionnaire)

    page = staff.get(f"/admin/surveys/waves/{wave.pk}/version/").content.decode()

    assert "Version 2 vom" in page
    assert Wave.objects.get().questionnaire.version == 1


def test_staff_switch_a_wave_to_the_new_version_and_old_answers_keep_theirs(staff):
    wave = WaveFactory()
    submit(wave)
    new = create_new_version(questionnaire=wave.questionnaire)

    response = staff.post(f"/admin/surveys/waves/{wave.pk}/version/", {"questionnaire": new.pk})

    wave.refresh_from_db()
    assert response.status_code == 302
    assert wave.questionnaire == new
    assert wave.responses.get().questionnaire.version == 1


def test_a_wave_cannot_be_switched_to_another_questionnaire(staff):
    wave = WaveFactory()
    create_new_version(questionnaire=wave.questionnaire)
    stranger = QuestionnaireFactory(key="anderer-bogen")

    response = staff.post(
        f"/admin/surveys/waves/{wave.pk}/version/", {"questionnaire": stranger.pk}
    )

    wave.refresh_from_db()
    assert response.status_code == 400
    assert wave.questionnaire.version == 1


def test_staff_remove_an_unanswered_version_after_confirming(staff):
    wave = WaveFactory()
    accidental = create_new_version(questionnaire=wave.questionnaire)

    confirm = staff.get(f"/admin/surveys/versions/{accidental.pk}/remove/").content.decode()
    staff.post(f"/admin/surveys/versions/{accidental.pk}/remove/")

    assert "Diese Version entfernen" in confirm
    assert not Questionnaire.objects.filter(pk=accidental.pk).exists()


def test_removing_a_version_with_answers_is_refused_with_a_clear_message(staff):
    wave = WaveFactory()
    submit(wave, 2)
    wave.questionnaire = create_new_version(questionnaire=wave.questionnaire)
    wave.save()
    answered = Questionnaire.objects.get(version=1)

    response = staff.post(f"/admin/surveys/versions/{answered.pk}/remove/", follow=True)

    assert Questionnaire.objects.filter(pk=answered.pk).exists()
    assert "Version 1 hat 2 Antworten und kann nicht entfernt werden" in (response.content.decode())


def test_a_version_a_wave_asks_is_not_removed(staff):
    wave = WaveFactory()

    response = staff.post(f"/admin/surveys/versions/{wave.questionnaire.pk}/remove/", follow=True)

    assert Questionnaire.objects.filter(pk=wave.questionnaire.pk).exists()
    assert "Welle erst auf eine andere Version um" in response.content.decode()


def test_the_list_offers_removing_only_a_version_that_may_go(staff):
    wave = WaveFactory()
    submit(wave)
    accidental = create_new_version(questionnaire=wave.questionnaire)

    page = staff.get("/admin/snippets/surveys/questionnaire/").content.decode()

    assert f"/admin/surveys/versions/{accidental.pk}/remove/" in page
    assert f"/admin/surveys/versions/{wave.questionnaire.pk}/remove/" not in page


def test_the_questionnaire_list_says_which_wave_asks_each_version_and_its_answers(staff):
    wave = WaveFactory(label="Herbst 2026")
    submit(wave, 3)
    create_new_version(questionnaire=wave.questionnaire)

    page = staff.get("/admin/snippets/surveys/questionnaire/").content.decode()

    assert "Quartier-Check (Herbst 2026)" in page
    assert "<td>3</td>" in re.sub(r"<td[^>]*>\s*", "<td>", page).replace("\n", "")
