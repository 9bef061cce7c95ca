"""One submission service for every channel: the runner, the API, a tablet and paper."""

import datetime
import uuid

import pytest
from django.utils import timezone

from surveys import validation
from surveys.models import PaperBatch, Response
from surveys.services import Sender, accept_submission
from surveys.services.submissions import PaperSheet
from surveys.validation import RawAnswer
from tests.factories import WaveFactory, answers_for, three_page_wave

pytestmark = pytest.mark.django_db

ANSWERS = {"quartier": RawAnswer(["wehringhausen"]), "wohlfuehlen": RawAnswer(["4"])}


def _accept(wave, answers=None, **extra):
    extra.setdefault("sender", Sender(client="device-hash"))
    return accept_submission(wave=wave, answers=answers or dict(ANSWERS), language="de", **extra)


def test_an_accepted_submission_is_stored_and_says_it_is_new():
    wave = WaveFactory()

    result = _accept(wave, token=uuid.uuid4())

    assert result.is_accepted and result.is_new
    assert Response.objects.get() == result.response


def test_the_same_token_sent_again_is_accepted_without_storing_twice():
    wave = WaveFactory()
    token = uuid.uuid4()
    _accept(wave, token=token)

    again = _accept(wave, token=token)

    assert again.is_accepted and not again.is_new
    assert Response.objects.count() == 1


def test_a_closed_wave_is_refused_with_a_reason_and_nothing_is_stored():
    wave = WaveFactory(closes_at=timezone.now() - datetime.timedelta(hours=1))

    result = _accept(wave)

    assert not result.is_accepted
    assert (result.reason.part, result.reason.code) == ("wave", "not_open")
    assert Response.objects.count() == 0


def test_every_wrong_answer_is_a_reason_naming_its_question():
    wave = WaveFactory()

    result = _accept(wave, answers={"quartier": RawAnswer(["mond"]), "farbe": RawAnswer(["rot"])})

    assert result.reason.part == "answers"
    assert set(result.reason.errors) == {"quartier", "wohlfuehlen", "farbe"}
    assert Response.objects.count() == 0


def test_a_paper_sheet_is_stored_for_a_closed_wave_but_only_once_per_number(admin_user):
    wave = WaveFactory(closes_at=timezone.now() - datetime.timedelta(hours=1))
    batch = PaperBatch.objects.create(
        wave=wave,
        name="Jugendtreff",
        collected_on=timezone.localdate(),
        language="de",
        created_by=admin_user,
    )
    sheet = PaperSheet(batch=batch, number=4)

    first = _accept(wave, sender=Sender(is_staff=True), paper=sheet)
    second = _accept(wave, sender=Sender(is_staff=True), paper=sheet)

    assert first.is_accepted and first.response.channel == Response.Channel.PAPER
    assert (second.reason.part, second.reason.code) == ("sheet", "entered")
    assert Response.objects.count() == 1


def test_the_runner_checks_the_answers_once_per_post(client, monkeypatch):
    wave = three_page_wave()
    walks = []
    real_init = validation.Walk.__init__

    def counting_init(self, *args, **kwargs):
        walks.append(1)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(validation.Walk, "__init__", counting_init)
    page = client.get(f"/s/{wave.slug}/").content.decode()
    state = page.split('name="state" value="')[1].split('"')[0]
    walks.clear()

    client.post(
        f"/s/{wave.slug}/",
        {"state": state, "action": "next", "quartier": "wehringhausen", "alter": "14-17"},
    )

    assert len(walks) == 1


def test_the_runner_and_the_api_store_the_same_answers_alike(client):
    wave = WaveFactory()

    client.post(f"/s/{wave.slug}/", answers_for(wave, quarter="wehringhausen", feeling="4"))
    client.post(
        "/api/v1/responses/",
        {
            "id": str(uuid.uuid4()),
            "wave": wave.slug,
            "language": "de",
            "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4"},
        },
        content_type="application/json",
    )

    stored = [
        (response.quarter, sorted(response.answers.values_list("option__value", flat=True)))
        for response in Response.objects.filter(wave=wave)
    ]
    assert len(stored) == 2 and stored[0] == stored[1]
