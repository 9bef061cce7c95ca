"""Staff rules decide when the thank-you page shows extra help; nothing is recorded."""

import pytest
from django.template.loader import render_to_string

from analytics.models import SafeguardingHelp, SafeguardingRule
from analytics.safeguarding import extra_help, extra_help_for, needs_extra_help
from surveys.models import Question
from tests.factories import QuestionnaireFactory, add_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire():
    questionnaire = QuestionnaireFactory(key="check")
    add_question(questionnaire, "sorgen", Question.Kind.LONG_TEXT, "Was beschäftigt dich?")
    return questionnaire


def question(questionnaire, key):
    return questionnaire.questions.get(key=key)


def test_a_low_score_on_a_scale_question_asks_for_extra_help(questionnaire):
    say = question(questionnaire, "mitbestimmen")
    SafeguardingRule.objects.create(question=say, kind="at_most", threshold=2)

    assert needs_extra_help(answers={say: 1}) is True


def test_a_score_above_the_threshold_does_not(questionnaire):
    say = question(questionnaire, "mitbestimmen")
    SafeguardingRule.objects.create(question=say, kind="at_most", threshold=2)

    assert needs_extra_help(answers={say: 3}) is False


def test_a_low_agreement_option_counts_by_its_score(questionnaire):
    feeling = question(questionnaire, "wohlfuehlen")
    SafeguardingRule.objects.create(question=feeling, kind="at_most", threshold=1)

    assert needs_extra_help(answers={feeling: feeling.options.get(value="1")}) is True


def test_a_word_in_free_text_asks_for_extra_help_whatever_its_case(questionnaire):
    worries = question(questionnaire, "sorgen")
    SafeguardingRule.objects.create(question=worries, kind="words", words="ritzen\nkeinen Sinn")

    assert needs_extra_help(answers={worries: "Manchmal hat alles KEINEN SINN mehr"}) is True


def test_a_word_inside_another_word_does_not_match(questionnaire):
    worries = question(questionnaire, "sorgen")
    SafeguardingRule.objects.create(question=worries, kind="words", words="hass")

    assert needs_extra_help(answers={worries: "Ich wünsche mir eine Hassloch-freie Zone"}) is False


def test_a_word_ending_in_a_star_matches_every_word_that_begins_with_it(questionnaire):
    worries = question(questionnaire, "sorgen")
    SafeguardingRule.objects.create(question=worries, kind="words", words="umbring*")

    assert needs_extra_help(answers={worries: "ich will mich umbringen"}) is True


def test_an_inactive_rule_is_ignored(questionnaire):
    say = question(questionnaire, "mitbestimmen")
    SafeguardingRule.objects.create(question=say, kind="at_most", threshold=2, is_active=False)

    assert needs_extra_help(answers={say: 0}) is False


def test_a_rule_applies_to_the_same_question_in_a_later_version(questionnaire):
    SafeguardingRule.objects.create(
        question=question(questionnaire, "mitbestimmen"), kind="at_most", threshold=2
    )
    newer = QuestionnaireFactory(key="check", version=2)

    assert needs_extra_help(answers={question(newer, "mitbestimmen"): 0}) is True


def test_a_rule_of_another_questionnaire_does_not_apply(questionnaire):
    SafeguardingRule.objects.create(
        question=question(questionnaire, "mitbestimmen"), kind="at_most", threshold=2
    )
    other = QuestionnaireFactory(key="sport")

    assert needs_extra_help(answers={question(other, "mitbestimmen"): 0}) is False


def test_the_runner_hook_returns_the_helpline_and_the_staffs_contacts(questionnaire):
    say = question(questionnaire, "mitbestimmen")
    SafeguardingRule.objects.create(question=say, kind="at_most", threshold=2)
    contacts = SafeguardingHelp.load()
    contacts.project_contact = "Projektbüro Wehringhausen, Tel. 02331 000000"
    contacts.save()

    help = extra_help_for(None, answers={say: 0})

    assert (help.helpline_number, help.project_contact) == (
        "116 111",
        "Projektbüro Wehringhausen, Tel. 02331 000000",
    )


def test_the_runner_hook_returns_nothing_when_no_rule_matches(questionnaire):
    assert extra_help_for(None, answers={question(questionnaire, "mitbestimmen"): 9}) is None


def test_checking_the_rules_writes_nothing_to_the_database(
    questionnaire, django_assert_num_queries
):
    say = question(questionnaire, "mitbestimmen")
    SafeguardingRule.objects.create(question=say, kind="at_most", threshold=2)

    with django_assert_num_queries(1) as captured:
        needs_extra_help(answers={say: 0})

    assert all(query["sql"].lstrip().upper().startswith("SELECT") for query in captured)


def test_the_help_block_shows_nummer_gegen_kummer():
    html = render_to_string("surveys/extra_help.html", {"help": extra_help()})

    assert "Nummer gegen Kummer" in html and 'href="tel:116111"' in html


def test_staff_add_a_rule_in_the_admin(client, admin_user, questionnaire):
    client.force_login(admin_user)
    say = question(questionnaire, "mitbestimmen")

    response = client.post(
        "/admin/snippets/analytics/safeguardingrule/add/",
        {"question": say.pk, "kind": "at_most", "threshold": "2", "words": "", "is_active": "on"},
    )

    assert response.status_code == 302
    assert SafeguardingRule.objects.get(question__isnull=False).threshold == 2


def test_a_threshold_rule_without_a_threshold_is_refused_with_a_message(
    client, admin_user, questionnaire
):
    client.force_login(admin_user)
    say = question(questionnaire, "mitbestimmen")

    response = client.post(
        "/admin/snippets/analytics/safeguardingrule/add/",
        {"question": say.pk, "kind": "at_most", "threshold": "", "words": "", "is_active": "on"},
    )

    assert response.status_code == 200
    assert "threshold" in response.context["form"].errors
    assert not SafeguardingRule.objects.filter(question__isnull=False).exists()


def _answer_with_say(client, wave, say: int):
    from tests.factories import answers_for

    return client.post(f"/s/{wave.slug}/", answers_for(wave, say=say))


def test_the_thank_you_page_shows_extra_help_when_an_answer_meets_a_rule(client):
    from surveys.models import Response
    from tests.factories import WaveFactory

    wave = WaveFactory()
    say = wave.questionnaire.questions.get(key="mitbestimmen")
    SafeguardingRule.objects.create(question=say, kind="at_most", threshold=2)
    contacts = SafeguardingHelp.load()
    contacts.counselling = "Jugendberatung Hagen, Tel. 02331 111111"
    contacts.save()

    response = _answer_with_say(client, wave, 1)

    page = response.content.decode()
    assert response.status_code == 200 and Response.objects.count() == 1
    assert "Jugendberatung Hagen" in page and 'class="extra-help"' in page
    # Shown at once, not behind an address that could end up in a history or a log.
    assert "Location" not in response.headers


def test_the_thank_you_page_shows_no_extra_help_when_no_rule_matches(client):
    from tests.factories import WaveFactory

    wave = WaveFactory()
    say = wave.questionnaire.questions.get(key="mitbestimmen")
    SafeguardingRule.objects.create(question=say, kind="at_most", threshold=2)

    response = _answer_with_say(client, wave, 8)

    assert response.status_code == 302
    assert 'class="extra-help"' not in client.get(response["Location"]).content.decode()


def test_a_failing_rule_check_still_thanks_for_the_stored_answer(client, monkeypatch):
    from surveys.models import Response
    from tests.factories import WaveFactory

    def broken(*args, **kwargs):
        raise RuntimeError("rule table unreadable")

    monkeypatch.setattr("analytics.safeguarding.needs_extra_help", broken)
    wave = WaveFactory()

    response = _answer_with_say(client, wave, 1)

    assert response.status_code == 302 and Response.objects.count() == 1


def test_a_word_in_an_other_text_beside_an_option_asks_for_extra_help():
    from surveys.models import Answer
    from surveys.services.responses import answer_values
    from tests.factories import three_page_wave

    wave = three_page_wave()
    places = wave.questionnaire.questions.get(key="treffpunkte")
    other = places.options.get(value="andere")
    SafeguardingRule.objects.create(question=places, kind="words", words="allein")

    values = answer_values([Answer(question=places, option=other, text="nirgends, allein")])

    assert needs_extra_help(answers=values) is True
