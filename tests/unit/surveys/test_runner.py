import datetime

import pytest
from django.utils import timezone

from surveys.models import Answer, Response
from tests.factories import WaveFactory, answers_for

pytestmark = pytest.mark.django_db


def test_the_runner_shows_every_question_as_a_fieldset_with_a_legend(client):
    wave = WaveFactory()

    page = client.get(f"/s/{wave.slug}/").content.decode()

    assert page.count("<fieldset") == 3
    assert "<legend" in page and "Wo wohnst du?" in page


def test_the_runner_works_without_javascript_as_a_plain_post_form(client):
    wave = WaveFactory()

    page = client.get(f"/s/{wave.slug}/").content.decode()

    assert 'method="post"' in page
    assert 'type="submit"' in page


def test_a_complete_answer_is_stored_and_leads_to_the_thank_you_page(client):
    wave = WaveFactory()

    response = client.post(f"/s/{wave.slug}/", answers_for(wave, say=7), follow=True)

    assert response.redirect_chain[-1][0] == f"/s/{wave.slug}/done/"
    assert "Danke" in response.content.decode()
    assert Response.objects.filter(wave=wave).count() == 1
    assert Answer.objects.filter(response__wave=wave).count() == 3


def test_a_response_keeps_the_day_and_the_language_but_not_the_time(client):
    wave = WaveFactory()

    client.post(f"/en/s/{wave.slug}/", answers_for(wave))

    stored = Response.objects.get(wave=wave)
    assert stored.day == timezone.localdate()
    assert stored.language == "en"
    assert not any(
        isinstance(field, __import__("django").db.models.DateTimeField)
        for field in Response._meta.get_fields()
    )


def test_a_response_has_no_field_that_could_identify_a_person():
    names = {field.name for field in Response._meta.get_fields()}

    forbidden = {"ip", "ip_address", "user_agent", "user", "session", "session_key", "access_code"}
    assert not names & forbidden
    assert not any(name.split("_")[0] == "ip" or "agent" in name for name in names)


def test_a_segment_answer_is_copied_onto_the_response_for_breakdowns(client):
    wave = WaveFactory()

    client.post(f"/s/{wave.slug}/", answers_for(wave, quarter="wehringhausen"))

    assert Response.objects.get(wave=wave).quarter == "wehringhausen"


def test_a_missing_required_answer_shows_an_error_summary_and_writes_nothing(client):
    wave = WaveFactory()

    response = client.post(f"/s/{wave.slug}/", {"quartier": "altenhagen"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "error-summary" in page
    assert 'href="#id_wohlfuehlen_0"' in page
    assert Response.objects.count() == 0


def test_an_optional_question_may_be_left_out(client):
    wave = WaveFactory()

    client.post(f"/s/{wave.slug}/", answers_for(wave))

    assert not Answer.objects.filter(question__key="mitbestimmen").exists()


def test_an_unknown_option_is_refused_and_writes_nothing(client):
    wave = WaveFactory()

    response = client.post(f"/s/{wave.slug}/", answers_for(wave, quarter="mond"))

    assert response.status_code == 400
    assert "Bitte wähle eine der angezeigten Antworten" in response.content.decode()
    assert Response.objects.count() == 0


def test_a_value_outside_the_scale_is_refused_and_writes_nothing(client):
    wave = WaveFactory()

    response = client.post(f"/s/{wave.slug}/", answers_for(wave, say=11))

    assert response.status_code == 400
    assert Response.objects.count() == 0


def test_an_unknown_survey_address_gives_a_404_page_in_the_site_style(client):
    response = client.get("/s/gibt-es-nicht/")

    assert response.status_code == 404
    assert "Seite nicht finden" in response.content.decode()
    assert "css/site.css" in response.content.decode()


def test_a_closed_wave_says_the_survey_is_closed_and_takes_no_answers(client):
    wave = WaveFactory(closes_at=timezone.now() - datetime.timedelta(hours=1))

    page = client.get(f"/s/{wave.slug}/")
    posted = client.post(f"/s/{wave.slug}/", answers_for(wave))

    assert page.status_code == 410
    assert "Diese Umfrage ist beendet" in page.content.decode()
    assert posted.status_code == 410
    assert Response.objects.count() == 0


def test_a_wave_that_has_not_opened_yet_says_when_it_opens(client):
    wave = WaveFactory(opens_at=timezone.now() + datetime.timedelta(days=3))

    response = client.get(f"/s/{wave.slug}/")

    assert response.status_code == 403
    assert "noch nicht begonnen" in response.content.decode()


def test_the_runner_sets_no_cookie_but_csrf(client):
    wave = WaveFactory()

    response = client.get(f"/s/{wave.slug}/")

    assert set(response.cookies) <= {"csrftoken"}
