"""Moderators read free text, redact it and decide; only approved text is ever public."""

import pytest
from wagtail.models import ModelLogEntry

from analytics.models import Quote, WatchedNames
from analytics.moderation.detection import personal_details, propose_redaction
from analytics.moderation.selectors import approved_quotes
from analytics.moderation.services import UnreviewedDetails, approve_quote
from analytics.services import refresh_snapshot
from surveys.models import Answer, Question, Response, Wave
from tests.factories import ResponseFactory, WaveFactory, add_question, answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave_with_text():
    wave = WaveFactory()
    question = add_question(wave.questionnaire, "wunsch", Question.Kind.LONG_TEXT, "Was fehlt?")
    return wave, question


def free_text(wave, question, text):
    return answer(ResponseFactory(wave=wave), question, text)[0]


def decide(client, user, item, action, text="", **extra):
    """Post a decision as the queue's form does; `shown` is the previewed text (default `text`)."""
    client.force_login(user)
    prefix = f"answer-{item.pk}"
    data = {f"{prefix}-action": action, f"{prefix}-text": text, f"{prefix}-shown": text} | {
        f"{prefix}-{key}": value for key, value in extra.items()
    }
    return client.post(f"/admin/data/moderation/{item.pk}/", data)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Schreib mir: jamal.h@web.de", "email"),
        ("Ruf an 0176 12345678", "phone"),
        ("folgt @wehringhausen_kids", "handle"),
        ("insta: lenaaa_08", "handle"),
        ("Ich wohne in der Pelmkestraße 12", "street"),
        ("Am Bodelschwinghplatz ist es dunkel", "street"),
        ("Auf dem Ricarda-Huch wird gemobbt", "school"),
        ("ich und mehmet gehen da hin", "name"),
        ("Mit Lena Schmidt", "name surname"),
        ("[Name] Schmidt will Licht", "beside"),
        ("Frau Kowalski ist nett", "surname"),
        ("اسمي أحمد", "name"),
        ("Elif Yılmaz gelsin", "name surname"),
        ("Wir wohnen 58089 Hagen", "street"),
    ],
)
def test_personal_details_are_flagged(text, kind):
    assert [flag.kind for flag in personal_details(text)] == kind.split()


@pytest.mark.parametrize(
    "text",
    [
        "Mehr Bänke und Licht am Spielplatz bitte",
        "Auf dem Heimweg ist es dunkel",
        "Die Realschule ist ok",
        "Es sollte 2 Mal pro Woche von 18-20 Uhr offen sein",
    ],
)
def test_ordinary_wishes_are_not_flagged(text):
    assert personal_details(text) == []


def test_the_proposed_text_replaces_each_personal_detail_with_a_placeholder():
    proposal = propose_redaction("Ich bin Lena, ruf 0176 1234567 an oder insta: lena_k08")

    assert proposal == "Ich bin [Name], ruf [Telefonnummer] an oder [Account]"


def test_a_free_text_answer_waits_in_the_queue_with_a_redaction_proposed(
    client, moderator, wave_with_text
):
    item = free_text(*wave_with_text, "Lena aus der Pelmkestraße will einen Bolzplatz")
    client.force_login(moderator)

    page = client.get("/admin/data/moderation/").content.decode()

    assert "Lena aus der Pelmkestraße will einen Bolzplatz" in page
    assert "[Name] aus der [Ort] will einen Bolzplatz" in page
    assert f"/admin/data/moderation/{item.pk}/" in page


def test_a_moderator_approves_a_redacted_quote_and_it_becomes_available(
    client, moderator, wave_with_text
):
    wave, question = wave_with_text
    for _ in range(5):
        ResponseFactory(wave=wave)
    item = free_text(wave, question, "Lena will einen Bolzplatz")
    refresh_snapshot(wave=wave)

    decide(client, moderator, item, "approve", "[Name] will einen Bolzplatz")

    assert [quote.text for quote in approved_quotes(wave=wave)] == ["[Name] will einen Bolzplatz"]


def test_free_text_is_never_available_before_a_moderator_approves_it(wave_with_text):
    wave, question = wave_with_text
    for _ in range(9):
        free_text(wave, question, "Mehr Bänke")

    assert approved_quotes(wave=wave) == []


def test_a_rejected_answer_never_becomes_available(client, moderator, wave_with_text):
    wave, question = wave_with_text
    for _ in range(5):
        ResponseFactory(wave=wave)
    item = free_text(wave, question, "Mehr Bänke")

    decide(client, moderator, item, "reject")

    assert approved_quotes(wave=wave) == []


def test_approved_quotes_stay_hidden_while_the_wave_has_fewer_than_k_responses(
    client, moderator, wave_with_text
):
    wave, question = wave_with_text
    item = free_text(wave, question, "Mehr Bänke")

    decide(client, moderator, item, "approve", "Mehr Bänke")

    assert Quote.objects.get().status == Quote.Status.APPROVED
    assert approved_quotes(wave=wave) == []


def test_approved_quotes_wait_for_a_wave_whose_results_are_public_only_after_closing(
    client, moderator, wave_with_text
):
    wave, question = wave_with_text
    Wave.objects.filter(pk=wave.pk).update(results_policy=Wave.ResultsPolicy.AFTER_CLOSE)
    wave.refresh_from_db()
    for _ in range(5):
        ResponseFactory(wave=wave)
    decide(client, moderator, free_text(wave, question, "Mehr Bänke"), "approve", "Mehr Bänke")
    refresh_snapshot(wave=wave)

    assert approved_quotes(wave=wave) == []


def test_approving_text_that_still_looks_personal_asks_for_a_decision_and_saves_nothing(
    client, moderator, wave_with_text
):
    item = free_text(*wave_with_text, "Ruf Lena an: 0176 1234567")

    response = decide(client, moderator, item, "approve", "Ruf Lena an: 0176 1234567")

    assert response.status_code == 400
    assert "Bitte entscheide bei jedem markierten Wort" in response.content.decode()
    assert not Quote.objects.exists()


def test_a_surname_left_beside_a_redacted_name_cannot_be_approved_with_one_click(
    client, moderator, wave_with_text
):
    item = free_text(*wave_with_text, "Lena Schmidt will einen Bolzplatz")

    response = decide(client, moderator, item, "approve", "[Name] Schmidt will einen Bolzplatz")

    assert response.status_code == 400
    assert not Quote.objects.exists()


def test_a_moderator_may_publish_a_flagged_word_after_keeping_it_as_not_personal(
    client, moderator, wave_with_text
):
    item = free_text(*wave_with_text, "Ali Baba und die Räuber im Park")

    decide(
        client,
        moderator,
        item,
        "approve",
        "Ali Baba und die Räuber im Park",
        span_0="keep",
        span_1="keep",
    )

    assert Quote.objects.get().text == "Ali Baba und die Räuber im Park"


def test_one_marked_word_without_a_decision_blocks_publication(client, moderator, wave_with_text):
    item = free_text(*wave_with_text, "Ali Baba und die Räuber im Park")

    response = decide(
        client, moderator, item, "approve", "Ali Baba und die Räuber im Park", span_0="keep"
    )

    assert response.status_code == 400
    assert not Quote.objects.exists()


def test_replacing_a_marked_word_shows_a_new_preview_and_publishes_nothing_yet(
    client, moderator, wave_with_text
):
    item = free_text(*wave_with_text, "Ali Baba und die Räuber im Park")

    response = decide(
        client,
        moderator,
        item,
        "approve",
        "Ali Baba und die Räuber im Park",
        span_0="redact",
        span_1="keep",
    )

    assert not Quote.objects.exists()
    assert 'value="[Name] Baba und die Räuber im Park"' in response.content.decode()


def test_a_changed_text_is_previewed_before_it_can_be_published(client, moderator, wave_with_text):
    item = free_text(*wave_with_text, "Mehr Bänke am Spielplatz")

    response = decide(
        client, moderator, item, "approve", "Mehr Bänke", shown="Mehr Bänke am Spielplatz"
    )

    assert not Quote.objects.exists()
    assert 'value="Mehr Bänke"' in response.content.decode()


def test_the_queue_shows_a_preview_of_exactly_the_text_that_is_published(
    client, moderator, wave_with_text
):
    item = free_text(*wave_with_text, "Lena Schmidt will Licht am Bolzplatz")
    client.force_login(moderator)

    page = client.get("/admin/data/moderation/").content.decode()
    decide(client, moderator, item, "approve", "[Name] will Licht am Bolzplatz")

    assert "Vorschau" in page
    assert "[Name] will Licht am Bolzplatz</blockquote>" in page
    assert Quote.objects.get().text == "[Name] will Licht am Bolzplatz"


def test_a_name_on_the_staffs_list_is_replaced_in_the_proposal(client, moderator, wave_with_text):
    WatchedNames.objects.create(names="Jolanda\nHerr Quast")
    free_text(*wave_with_text, "jolanda und Herr Quast machen das Café")
    client.force_login(moderator)

    page = client.get("/admin/data/moderation/").content.decode()

    assert "[Name] und [Name] machen das Café" in page


def test_the_service_refuses_a_quote_with_a_detail_nobody_decided_on(moderator, wave_with_text):
    item = free_text(*wave_with_text, "Ruf 0176 1234567 an")

    with pytest.raises(UnreviewedDetails):
        approve_quote(answer=item, text="Ruf 0176 1234567 an", user=moderator)

    assert not Quote.objects.exists()


def test_approving_an_empty_text_is_refused(client, moderator, wave_with_text):
    item = free_text(*wave_with_text, "Lena")

    response = decide(client, moderator, item, "approve", "   ")

    assert response.status_code == 400
    assert not Quote.objects.exists()


def test_a_safeguarding_concern_leaves_the_queue_and_is_listed_for_the_team(
    client, moderator, wave_with_text
):
    item = free_text(*wave_with_text, "Zuhause schlägt mich jemand")

    decide(client, moderator, item, "safeguarding", note="Im Team besprechen")

    page = client.get("/admin/data/moderation/").content.decode()
    assert Quote.objects.get().status == Quote.Status.SAFEGUARDING
    assert "Im Team besprechen" in page
    assert f"/admin/data/moderation/{item.pk}/" not in page


def test_a_decision_is_recorded_in_the_audit_log(client, moderator, wave_with_text):
    item = free_text(*wave_with_text, "Mehr Bänke")

    decide(client, moderator, item, "reject")

    assert ModelLogEntry.objects.get(action="part.quote_rejected").user == moderator


def test_a_withdrawn_quote_is_no_longer_available(client, moderator, wave_with_text):
    wave, question = wave_with_text
    for _ in range(5):
        ResponseFactory(wave=wave)
    decide(client, moderator, free_text(wave, question, "Mehr Bänke"), "approve", "Mehr Bänke")
    refresh_snapshot(wave=wave)

    client.post(f"/admin/data/quotes/{Quote.objects.get().pk}/withdraw/")

    assert approved_quotes(wave=wave) == []


def test_a_staff_member_without_the_moderation_right_cannot_read_free_text(
    client, editor, wave_with_text
):
    free_text(*wave_with_text, "Geheim")
    client.force_login(editor)

    response = client.get("/admin/data/moderation/")

    assert response.status_code == 403
    assert "Geheim" not in response.content.decode()


def test_a_staff_member_without_the_moderation_right_cannot_approve(client, editor, wave_with_text):
    item = free_text(*wave_with_text, "Mehr Bänke")

    decide(client, editor, item, "approve", "Mehr Bänke")

    assert not Quote.objects.exists()


def test_an_approved_quote_outlives_the_purge_of_raw_responses(client, moderator, wave_with_text):
    wave, question = wave_with_text
    for _ in range(5):
        ResponseFactory(wave=wave)
    decide(client, moderator, free_text(wave, question, "Lena will Licht"), "approve", "Mehr Licht")

    Response.objects.filter(wave=wave).delete()

    assert Quote.objects.get().text == "Mehr Licht"


def test_answers_stay_deletable_in_one_statement_although_quotes_point_at_them():
    from django.db.models.deletion import Collector

    assert Collector(using="default").can_fast_delete(Answer.objects.all())


def test_the_team_page_still_opens_after_the_answer_of_a_concern_was_purged(
    client, moderator, wave_with_text
):
    item = free_text(*wave_with_text, "Zuhause ist es schlimm")
    decide(client, moderator, item, "safeguarding", note="Im Team besprechen")

    Response.objects.all().delete()

    page = client.get("/admin/data/moderation/")
    assert page.status_code == 200 and "Im Team besprechen" in page.content.decode()


def _decide_and_go_to(client, user, item, target):
    client.force_login(user)
    data = {f"answer-{item.pk}-action": "reject", "next": target}
    return client.post(f"/admin/data/moderation/{item.pk}/", data)


def test_a_decision_never_leads_to_another_host(client, moderator, wave_with_text):
    wave, question = wave_with_text
    item = free_text(wave, question, "Mehr Licht")

    response = _decide_and_go_to(client, moderator, item, "https://evil.example/")

    assert response.url == "/admin/data/moderation/"


def test_a_decision_goes_back_to_the_page_of_the_queue_it_came_from(
    client, moderator, wave_with_text
):
    wave, question = wave_with_text
    item = free_text(wave, question, "Mehr Licht")

    response = _decide_and_go_to(client, moderator, item, "/admin/data/moderation/?page=2")

    assert response.url == "/admin/data/moderation/?page=2"
