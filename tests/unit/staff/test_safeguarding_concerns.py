"""Safeguarding concerns reach a person: first in the queue, a notice without answer text."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from analytics.models import SafeguardingConcern, SafeguardingRule
from analytics.moderation.selectors import moderation_queue
from surveys.models import Option, Question
from surveys.services import submit_response
from tests.factories import ResponseFactory, WaveFactory, add_question, answer

pytestmark = pytest.mark.django_db

# One phrase a young person might write, per language of the site.
PHRASES = {
    "de": "Ich werde zuhause geschlagen und habe Angst",
    "de-x-ls": "Jemand tut mir weh. Ich habe Angst zu Hause.",
    "en": "My stepdad hits me when he is drunk",
    "tr": "Babam beni dövüyor, eve gitmek istemiyorum",
    "ar": "أبي يضربني كل يوم ولا أعرف ماذا أفعل",
    "ro": "Tata mă bate când bea",
    "bg": "Баща ми ме бие, когато пие",
    "pl": "Ojczym mnie bije, kiedy pije",
    "uk": "Вітчим б'є мене, коли п'є",
}


def _user(django_user_model, username, *codenames, email):
    user = django_user_model.objects.create_user(username=username, password="pw", email=email)
    group = Group.objects.create(name=f"group of {username}")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    user.groups.add(group)
    return user


@pytest.fixture
def social_worker(django_user_model):
    return _user(
        django_user_model,
        "sozialarbeit",
        "view_answer",
        "moderate_quotes",
        "mark_safeguarding_concerns",
        "handle_safeguarding",
        email="sozialarbeit@example.invalid",
    )


@pytest.fixture
def wave_with_text():
    wave = WaveFactory()
    question = add_question(wave.questionnaire, "wunsch", Question.Kind.LONG_TEXT, "Was fehlt?")
    for _ in range(12):
        answer(ResponseFactory(wave=wave), question, "Mehr Bänke am Spielplatz")
    return wave, question


def _submit(wave, question, text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit_response(wave=wave, answers={question: text}, language="de")


def test_new_installations_have_a_word_rule_for_every_free_text_answer_in_nine_languages():
    assert SafeguardingRule.objects.filter(question=None, is_active=True).count() == 9


@pytest.mark.parametrize("language", PHRASES)
def test_a_safeguarding_phrase_puts_the_answer_at_the_top_of_the_queue(
    language, wave_with_text, social_worker, django_capture_on_commit_callbacks
):
    _submit(*wave_with_text, PHRASES[language], django_capture_on_commit_callbacks)

    assert moderation_queue().first().text == PHRASES[language]


@pytest.mark.parametrize("language", PHRASES)
def test_a_safeguarding_phrase_notifies_the_safeguarding_staff_without_the_answer(
    language, wave_with_text, social_worker, django_capture_on_commit_callbacks
):
    _submit(*wave_with_text, PHRASES[language], django_capture_on_commit_callbacks)

    [notice] = mail.outbox
    assert notice.to == ["sozialarbeit@example.invalid"]
    assert "/admin/data/moderation/" in notice.body
    assert PHRASES[language] not in notice.body
    assert not any(word in notice.body for word in PHRASES[language].split() if len(word) > 4)


def test_staff_without_the_safeguarding_permission_receive_no_notice(
    django_user_model, wave_with_text, django_capture_on_commit_callbacks
):
    _user(django_user_model, "redaktion", "moderate_quotes", email="redaktion@example.invalid")

    _submit(*wave_with_text, PHRASES["de"], django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert SafeguardingConcern.objects.count() == 1


def test_an_ordinary_answer_raises_no_concern(
    wave_with_text, social_worker, django_capture_on_commit_callbacks
):
    _submit(*wave_with_text, "Mehr Licht am Bolzplatz", django_capture_on_commit_callbacks)

    assert mail.outbox == [] and not SafeguardingConcern.objects.exists()


def test_a_concern_is_notified_once_however_often_the_check_runs(
    wave_with_text, social_worker, django_capture_on_commit_callbacks
):
    from analytics.safeguarding import find_concerns

    _submit(*wave_with_text, PHRASES["de"], django_capture_on_commit_callbacks)
    find_concerns(wave=wave_with_text[0])

    assert len(mail.outbox) == 1


def test_a_low_wellbeing_score_raises_a_concern_for_its_response(
    wave_with_text, social_worker, django_capture_on_commit_callbacks
):
    wave, text_question = wave_with_text
    feeling = add_question(
        wave.questionnaire,
        "stimmung",
        Question.Kind.AGREEMENT,
        options=[("1", "Stimme gar nicht zu"), ("5", "Stimme voll zu")],
    )
    Option.objects.filter(question=feeling, value="1").update(score=1)
    SafeguardingRule.objects.create(question=feeling, kind="at_most", threshold=1)

    with django_capture_on_commit_callbacks(execute=True):
        submit_response(
            wave=wave,
            answers={feeling: feeling.options.get(value="1"), text_question: "Alles egal"},
            language="de",
        )

    assert moderation_queue().first().text == "Alles egal"
    assert len(mail.outbox) == 1


def test_a_moderator_marking_a_concern_notifies_the_safeguarding_staff(
    client, social_worker, wave_with_text, django_capture_on_commit_callbacks
):
    item = moderation_queue().first()
    client.force_login(social_worker)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/data/moderation/{item.pk}/",
            {f"answer-{item.pk}-action": "safeguarding", f"answer-{item.pk}-note": "Anrufen"},
        )

    assert len(mail.outbox) == 1
    assert SafeguardingConcern.objects.get().source == SafeguardingConcern.Source.MODERATOR


def test_handling_a_concern_records_who_handled_it_on_which_day(
    client, social_worker, wave_with_text, django_capture_on_commit_callbacks
):
    _submit(*wave_with_text, PHRASES["de"], django_capture_on_commit_callbacks)
    concern = SafeguardingConcern.objects.get()
    client.force_login(social_worker)

    client.post(f"/admin/data/concerns/{concern.pk}/handled/")

    concern.refresh_from_db()
    assert (concern.handled_by, concern.handled_on) == (social_worker, timezone.localdate())


def test_a_handled_concern_no_longer_lifts_its_answer_to_the_top(
    client, social_worker, wave_with_text, django_capture_on_commit_callbacks
):
    _submit(*wave_with_text, PHRASES["de"], django_capture_on_commit_callbacks)
    client.force_login(social_worker)

    client.post(f"/admin/data/concerns/{SafeguardingConcern.objects.get().pk}/handled/")

    assert moderation_queue().first().text == "Mehr Bänke am Spielplatz"


def test_a_moderator_without_the_safeguarding_permission_cannot_mark_a_concern_handled(
    client, django_user_model, wave_with_text, django_capture_on_commit_callbacks
):
    moderator = _user(django_user_model, "mod", "moderate_quotes", email="m@example.invalid")
    _submit(*wave_with_text, PHRASES["de"], django_capture_on_commit_callbacks)
    client.force_login(moderator)

    response = client.post(f"/admin/data/concerns/{SafeguardingConcern.objects.get().pk}/handled/")

    assert response.status_code == 403
    assert SafeguardingConcern.objects.get().handled_on is None


def test_the_moderation_team_receives_and_handles_concerns_in_a_new_installation():
    moderation = Group.objects.get(name="Moderation")

    assert moderation.permissions.filter(codename="handle_safeguarding").exists()
