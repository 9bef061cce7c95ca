"""Open waves without abuse: honeypot, time to fill, burst counts by IP hash, ALTCHA."""

import datetime
import logging
import re
import uuid

import altcha
import pytest
from django.core import signing
from django.core.management import call_command

from surveys import guessing, protection
from surveys.models import Response
from surveys.services.tablets import enrol_tablet
from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
ANSWERS = {"quartier": "wehringhausen", "wohlfuehlen": "4"}


def _field(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def _open(client, wave) -> dict:
    """GET the runner's one page and return the hidden fields a browser would send back."""
    page = client.get(f"/s/{wave.slug}/", REMOTE_ADDR=ADDRESS).content.decode()
    return {"state": _field(page, "state"), "started": _field(page, "started"), "homepage": ""}


def _send(client, wave, form: dict, **extra):
    return client.post(f"/s/{wave.slug}/", {**form, **ANSWERS, **extra}, REMOTE_ADDR=ADDRESS)


@pytest.fixture
def later(monkeypatch):
    """Move the clock of signed stamps forward by `seconds`."""
    real = signing.time.time

    def move(seconds):
        monkeypatch.setattr(signing.time, "time", lambda: real() + seconds)

    return move


@pytest.fixture
def min_time(settings):
    settings.PART_MIN_FILL_SECONDS = 5
    return settings


def _solve(challenge: dict) -> str:
    solution = altcha.solve_challenge(altcha.Challenge.from_dict(challenge))
    return altcha.Payload(altcha.Challenge.from_dict(challenge), solution).to_base64()


# Honeypot -------------------------------------------------------------------------------


def test_the_honeypot_is_hidden_from_sight_screen_readers_tab_and_autofill(client):
    wave = WaveFactory()

    page = client.get(f"/s/{wave.slug}/").content.decode()

    block = re.search(r'<div class="runner__honeypot"[^>]*>.*?</div>', page, re.S).group(0)
    assert 'aria-hidden="true"' in block
    assert 'tabindex="-1"' in block and 'autocomplete="off"' in block
    assert '<label for="runner-homepage">' in block


def test_a_filled_honeypot_is_refused_with_a_message_and_stores_nothing(client):
    wave = WaveFactory()

    response = _send(client, wave, _open(client, wave), homepage="https://spam.example")

    assert response.status_code == 400
    assert "Feld, das leer bleiben muss" in response.content.decode()
    assert Response.objects.count() == 0


# Time to fill ----------------------------------------------------------------------------


def test_answers_sent_faster_than_the_minimum_ask_to_check_them_and_store_nothing(client, min_time):
    wave = WaveFactory()

    response = _send(client, wave, _open(client, wave))

    assert response.status_code == 400
    assert "Das ging sehr schnell" in response.content.decode()
    assert 'value="wehringhausen" id="q-quartier-1" checked' in response.content.decode()
    assert Response.objects.count() == 0


def test_the_same_answers_sent_again_after_the_minimum_are_stored_once(client, min_time, later):
    wave = WaveFactory()
    form = _open(client, wave)
    _send(client, wave, form)

    later(6)
    response = _send(client, wave, form)

    assert response.status_code == 302
    assert Response.objects.count() == 1


def test_a_forged_start_stamp_is_refused_with_a_message_and_stores_nothing(client, min_time, later):
    wave = WaveFactory()
    form = _open(client, wave)
    value, stamp, signature = form["started"].split(":")
    form["started"] = f"{value}:{signing.b62_encode(signing.b62_decode(stamp) - 600)}:{signature}"
    later(6)

    response = _send(client, wave, form)

    assert response.status_code == 400
    assert "verändert oder ist unvollständig" in response.content.decode()
    assert Response.objects.count() == 0


def test_a_start_stamp_taken_from_another_form_is_refused(client, min_time, later):
    wave = WaveFactory()
    old = _open(client, wave)
    form = _open(client, wave) | {"started": old["started"]}
    later(6)

    response = _send(client, wave, form)

    assert response.status_code == 400 and Response.objects.count() == 0


def test_a_missing_start_stamp_is_refused(client, min_time, later):
    wave = WaveFactory()
    form = _open(client, wave)
    del form["started"]
    later(6)

    assert _send(client, wave, form).status_code == 400
    assert Response.objects.count() == 0


# Burst counts keyed by a daily IP hash ---------------------------------------------------


def test_the_device_hash_changes_with_the_day_and_never_contains_the_address(rf, monkeypatch):
    request = rf.get("/", REMOTE_ADDR=ADDRESS)
    today = datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)
    monkeypatch.setattr(guessing.timezone, "now", lambda: today)
    first = guessing.client_key(request)
    same_day = guessing.client_key(request)
    monkeypatch.setattr(guessing.timezone, "now", lambda: today + datetime.timedelta(days=1))

    assert first == same_day
    assert guessing.client_key(request) != first
    assert ADDRESS not in first


def test_counting_bursts_in_the_cache_store_touches_no_database(
    rf, settings, django_assert_num_queries
):
    settings.PART_COUNTER_STORE = "cache"
    request = rf.get("/", REMOTE_ADDR=ADDRESS)

    with django_assert_num_queries(0):
        client = guessing.client_key(request)
        protection.count_submission(client=client, wave_id=1)
        protection.needs_challenge(client=client, wave_id=1)


def test_no_address_reaches_the_database_or_the_logs(client, settings, caplog, tmp_path):
    settings.PART_BURST_PER_DEVICE = 1
    wave = WaveFactory()
    caplog.set_level(logging.DEBUG)
    _send(client, wave, _open(client, wave))
    _send(client, wave, _open(client, wave))  # past the threshold: refused, counted
    client.post("/api/v1/responses/", {}, content_type="application/json", REMOTE_ADDR=ADDRESS)
    dump = tmp_path / "dump.json"

    call_command("dumpdata", output=str(dump), verbosity=0)

    assert Response.objects.count() == 1
    assert ADDRESS not in dump.read_text()
    assert ADDRESS not in caplog.text


# Above the threshold: the puzzle ----------------------------------------------------------


@pytest.fixture
def busy(settings):
    settings.PART_BURST_PER_DEVICE = 2
    settings.PART_ALTCHA_KEY_PREFIX = "00"
    return settings


def _fill_burst(client, wave, count=2):
    for _ in range(count):
        assert _send(client, wave, _open(client, wave)).status_code == 302


def test_below_the_threshold_the_runner_shows_no_puzzle_and_needs_no_javascript(client, busy):
    wave = WaveFactory()

    page = client.get(f"/s/{wave.slug}/", REMOTE_ADDR=ADDRESS).content.decode()

    assert "altcha-widget" not in page and "altcha.min.js" not in page


def test_above_the_threshold_the_last_page_explains_the_check_and_why_it_needs_javascript(
    client, busy
):
    wave = WaveFactory()
    _fill_burst(client, wave)

    page = client.get(f"/s/{wave.slug}/", REMOTE_ADDR=ADDRESS).content.decode()

    assert "<altcha-widget" in page and "/static/vendor/altcha/altcha.min.js" in page
    assert "<noscript>" in page and "braucht diese Seite JavaScript" in page


def test_above_the_threshold_a_form_without_the_puzzle_is_refused_and_stores_nothing(client, busy):
    wave = WaveFactory()
    _fill_burst(client, wave)

    response = _send(client, wave, _open(client, wave))

    assert response.status_code == 429
    assert "versuche es später noch einmal" in response.content.decode()
    assert Response.objects.count() == 2


def test_above_the_threshold_a_solved_puzzle_lets_the_answers_through(client, busy):
    wave = WaveFactory()
    _fill_burst(client, wave)
    payload = _solve(client.get("/api/v1/challenge/").json())

    response = _send(client, wave, _open(client, wave), altcha=payload)

    assert response.status_code == 302
    assert Response.objects.count() == 3


def test_a_solved_puzzle_works_once(client, busy):
    wave = WaveFactory()
    _fill_burst(client, wave)
    payload = _solve(client.get("/api/v1/challenge/").json())
    _send(client, wave, _open(client, wave), altcha=payload)

    again = _send(client, wave, _open(client, wave), altcha=payload)

    assert again.status_code == 400
    assert "schon benutzt" in again.content.decode()
    assert Response.objects.count() == 3


def test_a_wrong_solution_is_refused(busy):
    challenge = protection.make_challenge()
    payload = altcha.Payload(
        altcha.Challenge.from_dict(challenge), altcha.Solution(counter=1, derived_key="ab" * 32)
    ).to_base64()

    with pytest.raises(protection.SubmissionRefused) as refused:
        protection.check_challenge(payload)

    assert refused.value.reason == "challenge_bad"


def test_a_puzzle_signed_with_another_key_is_refused(busy):
    foreign = altcha.create_challenge("SHA-256", 1, key_prefix="00", hmac_secret="other")
    payload = _solve(foreign.to_dict())

    with pytest.raises(protection.SubmissionRefused) as refused:
        protection.check_challenge(payload)

    assert refused.value.reason == "challenge_bad"


def test_garbage_instead_of_a_puzzle_is_refused(busy):
    with pytest.raises(protection.SubmissionRefused) as refused:
        protection.check_challenge("bm90IGpzb24=")

    assert refused.value.reason == "challenge_bad"


def test_the_challenge_endpoint_is_never_cached(client):
    response = client.get("/api/v1/challenge/")

    assert response["Cache-Control"] == "no-store"
    assert set(response.json()) == {"parameters", "signature"}


# The JSON endpoint ---------------------------------------------------------------------

URL = "/api/v1/responses/"


def _payload(wave, **extra):
    return {
        "id": str(uuid.uuid4()),
        "wave": wave.slug,
        "language": "de",
        "answers": ANSWERS,
        **extra,
    }


def _post(client, body):
    return client.post(URL, body, content_type="application/json", REMOTE_ADDR=ADDRESS)


def test_the_api_above_the_threshold_asks_for_the_puzzle_and_stores_nothing(client, busy):
    wave = WaveFactory()
    for _ in range(2):
        assert _post(client, _payload(wave)).status_code == 201

    response = _post(client, _payload(wave))

    assert response.status_code == 429 and list(response.json()) == ["altcha"]
    assert Response.objects.count() == 2


def test_the_api_above_the_threshold_takes_a_solved_puzzle(client, busy):
    wave = WaveFactory()
    for _ in range(2):
        _post(client, _payload(wave))
    payload = _solve(client.get("/api/v1/challenge/").json())

    assert _post(client, _payload(wave, altcha=payload)).status_code == 201


def test_a_resend_above_the_threshold_is_answered_as_stored_before(client, busy):
    wave = WaveFactory()
    first = _payload(wave)
    _post(client, first)
    _post(client, _payload(wave))

    again = _post(client, first)

    assert again.status_code == 200 and again.json()["stored"] is False
    assert Response.objects.count() == 2


def test_a_tablet_of_a_wave_in_tablet_mode_syncs_past_the_threshold(client, busy):
    wave = WaveFactory(tablet_mode=True)
    _tablet, token = enrol_tablet(wave=wave, name="Tablet 1", user=None)

    codes = [_post(client, _payload(wave, tablet=token)).status_code for _ in range(5)]

    assert codes == [201] * 5


def test_a_tablet_token_of_another_wave_gives_no_allowance(client, busy):
    wave = WaveFactory(tablet_mode=True)
    other = WaveFactory(tablet_mode=True)
    _tablet, token = enrol_tablet(wave=other, name="Tablet 1", user=None)

    codes = [_post(client, _payload(wave, tablet=token)).status_code for _ in range(3)]

    assert codes == [201, 201, 429]


def test_a_tablet_past_its_own_allowance_is_told_to_wait(client, busy):
    busy.PART_BURST_PER_TABLET = 2
    wave = WaveFactory(tablet_mode=True)
    _tablet, token = enrol_tablet(wave=wave, name="Tablet 1", user=None)

    codes = [_post(client, _payload(wave, tablet=token)).status_code for _ in range(3)]

    assert codes == [201, 201, 429]
    assert Response.objects.count() == 2


# Difficulty rises with the burst ------------------------------------------------------


def _digits(challenge: dict) -> int:
    return len(challenge["parameters"]["keyPrefix"])


def test_the_puzzle_gets_one_zero_harder_with_each_doubling_of_the_burst(settings):
    settings.PART_BURST_PER_DEVICE = 10
    settings.PART_ALTCHA_KEY_PREFIX = "0000"
    settings.PART_ALTCHA_MAX_DIGITS = 7

    digits = [
        protection.challenge_digits(protection.Burst(device=sent, wave=0))
        for sent in (10, 19, 20, 40, 80, 10_000)
    ]

    assert digits == [4, 4, 5, 6, 7, 7]


def test_a_flooding_device_is_handed_a_harder_puzzle_than_anyone_else(client, busy):
    busy.PART_ALTCHA_MAX_DIGITS = 5
    wave = WaveFactory()
    for _ in range(8):  # four times the device threshold of 2
        _post(client, _payload(wave, altcha=_solve(client.get("/api/v1/challenge/").json())))

    flooder = client.get(f"/api/v1/challenge/?wave={wave.slug}", REMOTE_ADDR=ADDRESS).json()
    someone = client.get("/api/v1/challenge/", REMOTE_ADDR="198.51.100.20").json()

    assert _digits(flooder) == 4
    assert _digits(someone) == 2


def test_a_puzzle_easier_than_the_burst_asks_for_is_refused(busy):
    easy = _solve(protection.make_challenge(digits=2))
    flood = protection.Burst(device=16, wave=0)  # eight times the threshold: 5 zeros

    with pytest.raises(protection.SubmissionRefused) as refused:
        protection.check_challenge(easy, burst=flood)

    assert refused.value.reason == "challenge_bad"


@pytest.mark.parametrize("wave", ["\x00", "no such wave", "ä" * 200])
def test_a_challenge_for_a_wave_name_that_is_no_slug_is_a_plain_puzzle(client, wave):
    response = client.get("/api/v1/challenge/", {"wave": wave})

    assert response.status_code == 200
    assert _solve(response.json())
