"""The admin home shows staff what waits for them, and nothing their role may not see."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from analytics.models import SafeguardingConcern
from surveys.models import PageProgress, Question
from tests.factories import ResponseFactory, WaveFactory, add_question, answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(django_user_model):
    wave = WaveFactory(label="Herbst 2026")
    question = add_question(wave.questionnaire, "wunsch", Question.Kind.LONG_TEXT, "Was fehlt?")
    for text in ["Mehr Licht", "Mehr Bänke", "Ich habe Angst"]:
        answer(ResponseFactory(wave=wave), question, text)
    ResponseFactory(wave=wave, day=timezone.localdate() - datetime.timedelta(days=1))
    worrying = answer(ResponseFactory(wave=wave), question, "Mir geht es schlecht")[0]
    SafeguardingConcern.objects.create(answer=worrying, wave=wave, source="rule")
    PageProgress.objects.create(wave=wave, page=1, sent=8)
    PageProgress.objects.create(wave=wave, page=PageProgress.FINISHED, sent=6)
    return wave


def _home(client, django_user_model, *roles) -> str:
    user = django_user_model.objects.create_user(username="staff", password="pw")
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client.get("/admin/").content.decode()


def test_a_moderator_sees_how_many_free_texts_wait_with_a_link_to_the_queue(
    client, django_user_model, work
):
    page = _home(client, django_user_model, "Moderation")

    assert "4 Freitext-Antworten warten auf eine Entscheidung." in page
    assert 'href="/admin/data/moderation/"' in page


def test_staff_who_handle_concerns_see_the_open_concerns_first(client, django_user_model, work):
    page = _home(client, django_user_model, "Moderation")

    assert "1 Sorge um das Kindeswohl wartet auf Bearbeitung." in page
    assert page.index("Kindeswohl wartet") < page.index("Freitext-Antworten warten")
    assert 'href="/admin/data/moderation/#concerns-heading"' in page


def test_a_handled_concern_no_longer_waits(client, django_user_model, work):
    SafeguardingConcern.objects.update(handled_on=timezone.localdate())

    page = _home(client, django_user_model, "Moderation")

    assert "Keine offene Sorge um das Kindeswohl." in page


def test_the_analysts_see_each_open_wave_with_responses_today_and_completion(
    client, django_user_model, work
):
    page = _home(client, django_user_model, "Auswertung")

    row = page[page.index(f'href="/admin/data/monitor/?wave={work.pk}"') :]
    cells = row[: row.index("</tr>")]
    assert "<td>4</td>" in cells  # answered today, not yesterday's
    assert "<td>5</td>" in cells  # in all
    assert "<td>75 %</td>" in cells  # 6 of 8 who sent the first page sent the whole survey


def test_the_analysts_see_no_free_texts_and_no_concerns(client, django_user_model, work):
    page = _home(client, django_user_model, "Auswertung")

    assert "Freitext" not in page
    assert "/admin/data/moderation/" not in page


def test_survey_staff_see_the_open_waves_without_exact_counts(client, django_user_model, work):
    page = _home(client, django_user_model, "Umfrage-Team")

    assert "Quartier-Check (Herbst 2026) · offen" in page
    assert "Antworten heute" not in page


def test_a_closed_wave_is_not_listed_as_open(client, django_user_model, work):
    work.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    work.save()

    page = _home(client, django_user_model, "Auswertung")

    assert "Zurzeit ist keine Welle offen." in page


def test_editors_get_no_panel(client, django_user_model, work):
    page = _home(client, django_user_model, "Redaktion")

    assert 'id="waiting-work' not in page
