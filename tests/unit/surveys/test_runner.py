import datetime
import re

import pytest
from django.core import signing
from django.utils import timezone

from surveys.models import Answer, Response, SpentSet
from tests.factories import WaveFactory, answers_for, runner_state, three_page_wave

pytestmark = pytest.mark.django_db


def _state_of(page: str) -> str:
    return re.search(r'name="state" value="([^"]+)"', page).group(1)


def _walk(client, wave, pages: list[dict], url=None):
    """Answer page after page as a browser would, carrying the signed state along."""
    url = url or f"/s/{wave.slug}/"
    state = _state_of(client.get(url).content.decode())
    response = None
    for data in pages:
        response = client.post(url, {"state": state, "action": "next", **data})
        if response.status_code != 200:
            return response
        state = _state_of(response.content.decode())
    return response


PAGE_1 = {"quartier": "wehringhausen", "alter": "14-17"}
PAGE_2 = {"gefuehl_1": "4", "gefuehl_2": "2", "gefuehl_3": "5", "treffpunkte": ["park"]}
PAGE_3 = {"spielplatz": "ja"}


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


def test_a_missing_required_answer_shows_an_error_summary_linking_to_the_field(client):
    wave = WaveFactory()

    response = client.post(f"/s/{wave.slug}/", {"state": runner_state(wave), "quartier": "hagen"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "error-summary" in page
    assert 'href="#q-wohlfuehlen-0"' in page and 'id="q-wohlfuehlen-0"' in page
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
    wave = three_page_wave()

    first = client.get(f"/s/{wave.slug}/")
    second = client.post(f"/s/{wave.slug}/", {"state": _state_of(first.content.decode()), **PAGE_1})

    assert set(first.cookies) | set(second.cookies) <= {"csrftoken"}


def test_a_three_page_survey_is_answered_page_by_page_and_stored_once(client):
    wave = three_page_wave()

    response = _walk(client, wave, [PAGE_1, PAGE_2, PAGE_3])

    assert response.status_code == 302
    stored = Response.objects.get(wave=wave)
    assert (stored.quarter, stored.age_band) == ("wehringhausen", "14-17")
    assert stored.answers.filter(question__key__startswith="gefuehl_").count() == 3


def test_the_progress_indicator_says_which_page_of_how_many(client):
    wave = three_page_wave()

    response = _walk(client, wave, [PAGE_1])

    page = response.content.decode()
    assert "Seite 2 von 3" in page
    assert '<progress id="runner-progress" max="3" value="2">' in page


def test_a_page_shown_only_to_wehringhausen_is_skipped_for_altenhagen(client):
    wave = three_page_wave()

    response = _walk(client, wave, [{**PAGE_1, "quartier": "altenhagen"}, PAGE_2])

    assert response.status_code == 302
    assert not Answer.objects.filter(question__key="spielplatz").exists()


def test_an_answer_to_a_hidden_question_is_never_stored(client):
    wave = three_page_wave()

    _walk(client, wave, [{**PAGE_1, "quartier": "altenhagen"}, {**PAGE_2, "spielplatz": "ja"}])

    assert Response.objects.count() == 1
    assert not Answer.objects.filter(question__key="spielplatz").exists()


def test_going_back_keeps_the_answers_of_both_pages(client):
    wave = three_page_wave()
    second = _walk(client, wave, [PAGE_1])

    back = client.post(
        f"/s/{wave.slug}/",
        {"state": _state_of(second.content.decode()), "action": "back", "gefuehl_1": "3"},
    )

    page = back.content.decode()
    assert 'value="wehringhausen" id="q-quartier-1" checked' in page
    forward = client.post(f"/s/{wave.slug}/", {"state": _state_of(page), **PAGE_1})
    assert 'value="3" id="q-gefuehl_1-2" checked' in forward.content.decode()


def test_a_double_click_on_send_stores_one_response(client):
    wave = three_page_wave()
    third = _walk(client, wave, [PAGE_1, PAGE_2])
    final = {"state": _state_of(third.content.decode()), "action": "next", **PAGE_3}

    first = client.post(f"/s/{wave.slug}/", final)
    again = client.post(f"/s/{wave.slug}/", final)

    assert first.status_code == again.status_code == 302
    assert Response.objects.count() == 1
    assert len(SpentSet.objects.get(kind=SpentSet.Kind.TOKENS).entries.split()) == 1


def test_a_tampered_state_is_refused_with_a_message_and_writes_nothing(client):
    wave = WaveFactory()
    data = answers_for(wave)
    data["state"] = data["state"][:-3] + "abc"

    response = client.post(f"/s/{wave.slug}/", data)

    assert response.status_code == 400
    assert "Deine Antworten konnten nicht gelesen werden" in response.content.decode()
    assert Response.objects.count() == 0


def test_an_expired_state_is_refused_with_a_message(client, monkeypatch):
    wave = WaveFactory()
    data = answers_for(wave)
    monkeypatch.setattr(signing, "time", type("T", (), {"time": staticmethod(lambda: 9e12)}))

    response = client.post(f"/s/{wave.slug}/", data)

    assert response.status_code == 400
    assert 'data-problem="expired"' in response.content.decode()


def test_a_state_from_an_older_version_is_refused(client):
    wave = WaveFactory()
    data = answers_for(wave)
    wave.questionnaire = three_page_wave().questionnaire
    wave.save()

    response = client.post(f"/s/{wave.slug}/", data)

    assert response.status_code == 400
    assert 'data-problem="changed"' in response.content.decode()


def test_switching_the_language_keeps_the_answers_and_translates_the_page(client):
    wave = three_page_wave()
    state = _state_of(client.get(f"/s/{wave.slug}/").content.decode())

    response = client.post(
        f"/s/{wave.slug}/", {"state": state, "quartier": "hagen", "switch_language": "en"}
    )

    page = response.content.decode()
    assert '<html lang="en"' in page
    assert 'action="/en/s/' in page
    assert 'value="hagen" id="q-quartier-2" checked' in page
    assert "Elsewhere in Hagen" in page


def test_every_runner_page_offers_the_other_languages_after_the_next_button(client):
    wave = three_page_wave()

    page = client.get(f"/s/{wave.slug}/").content.decode()

    language_button = page.index('name="switch_language" value="en"')
    assert page.index('name="action" value="next"') < language_button < page.index("</form>")


def test_prefer_not_to_say_is_stored_as_declined_not_as_a_value(client):
    wave = three_page_wave()

    _walk(client, wave, [{**PAGE_1, "alter": "_declined"}, PAGE_2, PAGE_3])

    answer = Answer.objects.get(question__key="alter")
    assert answer.declined and answer.option is None
    assert Response.objects.get().age_band == ""


def test_other_text_is_stored_beside_the_other_option(client):
    wave = three_page_wave()

    _walk(
        client,
        wave,
        [PAGE_1, {**PAGE_2, "treffpunkte": ["andere"], "treffpunkte__other": "Am Bahnhof"}, PAGE_3],
    )

    rows = Answer.objects.filter(question__key="treffpunkte")
    assert {(row.option.value if row.option else None, row.text) for row in rows} == {
        ("andere", ""),
        (None, "Am Bahnhof"),
    }


def test_too_many_choices_are_refused_with_the_limit_named(client):
    wave = three_page_wave()

    response = _walk(
        client, wave, [PAGE_1, {**PAGE_2, "treffpunkte": ["park", "jugendzentrum", "andere"]}]
    )

    assert response.status_code == 400
    assert "Bitte wähle höchstens 2 Antworten." in response.content.decode()


def test_a_text_over_its_limit_is_refused_and_says_how_long_it_was(client):
    wave = three_page_wave()

    response = _walk(client, wave, [PAGE_1, PAGE_2, {**PAGE_3, "wunsch": "x" * 101}])

    assert response.status_code == 400
    assert "101" in response.content.decode()
    assert Response.objects.count() == 0


def test_the_thank_you_page_says_when_results_appear(client):
    wave = WaveFactory(closes_at=timezone.now() + datetime.timedelta(days=10))
    wave.results_policy = wave.ResultsPolicy.AFTER_CLOSE
    wave.save()

    page = client.get(f"/s/{wave.slug}/done/").content.decode()

    assert "nach dem Ende der Umfrage am" in page


def test_the_runner_is_laid_out_right_to_left_in_arabic(client):
    wave = three_page_wave()

    page = client.get(f"/ar/s/{wave.slug}/").content.decode()

    assert '<html lang="ar" dir="rtl">' in page
    assert 'action="/ar/s/' in page


def test_a_wave_in_german_only_sends_english_readers_to_the_german_runner(client):
    wave = WaveFactory(languages=["de"])

    response = client.get(f"/en/s/{wave.slug}/")

    assert response.status_code == 302 and response["Location"] == f"/s/{wave.slug}/?unavailable=en"


def test_a_wave_in_german_only_offers_no_language_switch(client):
    wave = WaveFactory(languages=["de"])

    page = client.get(f"/s/{wave.slug}/").content.decode()

    assert 'name="switch_language"' not in page


def test_a_wave_whose_questionnaire_has_no_questions_yet_is_not_found(client):
    from tests.factories import QuestionnaireFactory

    wave = WaveFactory(questionnaire=QuestionnaireFactory(with_questions=False))

    assert client.get(f"/s/{wave.slug}/").status_code == 404
