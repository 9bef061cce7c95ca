import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from surveys import codes
from surveys.models import AccessCode, Response, Wave
from surveys.services import generate_access_codes
from tests.factories import WaveFactory, answers_for

pytestmark = pytest.mark.django_db


def _coded_wave(policy=Wave.CodePolicy.REQUIRED, **fields):
    return WaveFactory(code_policy=policy, **fields)


def _state_of(page: str) -> str:
    return re.search(r'name="state" value="([^"]+)"', page).group(1)


def _send(client, wave, page: str):
    """Answer the one-page survey whose first page is `page`."""
    data = answers_for(wave)
    data["state"] = _state_of(page)
    return client.post(f"/s/{wave.slug}/", data, follow=True)


def _mistype(code: str) -> str:
    plain = code.replace("-", "")
    wrong = codes.ALPHABET[(codes.ALPHABET.index(plain[3]) + 1) % len(codes.ALPHABET)]
    return plain[:3] + wrong + plain[4:]


def test_a_code_is_twelve_characters_in_three_groups_without_look_alikes():
    code = codes.make_code()

    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", code)


def test_the_check_character_catches_every_single_mistyped_character():
    plain = codes.make_code().replace("-", "")
    mistyped = [
        plain[:position] + other + plain[position + 1 :]
        for position in range(len(plain))
        for other in codes.ALPHABET
        if other != plain[position]
    ]

    caught = [typed for typed in mistyped if _raises_typo(typed)]

    assert len(caught) == len(mistyped)


def test_the_check_character_catches_every_swap_of_neighbours():
    plain = codes.make_code().replace("-", "")
    swapped = [
        plain[:position] + plain[position + 1] + plain[position] + plain[position + 2 :]
        for position in range(len(plain) - 1)
        if plain[position] != plain[position + 1]
    ]

    assert all(_raises_typo(typed) for typed in swapped)


def _raises_typo(typed: str) -> bool:
    try:
        codes.normalise(typed)
    except codes.CodeFormatError as problem:
        return problem.reason == "typo"
    return False


def test_only_a_keyed_hash_of_each_code_is_stored():
    wave = _coded_wave()

    plain = generate_access_codes(wave=wave, venue="Jugendtreff Altenhagen", count=3)

    stored = {row.digest for row in AccessCode.objects.all()}
    assert stored == {codes.digest(code.replace("-", "")) for code in plain}
    assert not any(code.replace("-", "") in digest.upper() for code in plain for digest in stored)


def test_a_wave_that_requires_codes_asks_for_one_first(client):
    wave = _coded_wave()

    page = client.get(f"/s/{wave.slug}/").content.decode()

    assert "Gib deinen Zugangscode ein" in page and 'name="access_code"' in page


def test_a_qr_link_with_a_code_opens_the_survey_and_sending_spends_the_code(client):
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Jugendtreff Altenhagen", count=1)

    page = client.get(f"/s/{wave.slug}/?code={code}").content.decode()
    response = _send(client, wave, page)

    assert response.redirect_chain[-1][0] == f"/s/{wave.slug}/done/"
    assert Response.objects.count() == 1 and AccessCode.objects.get().is_spent


def test_a_code_typed_at_the_code_page_leads_to_its_survey(client):
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Jugendtreff Altenhagen", count=1)

    page = client.post("/code/", {"access_code": code.lower().replace("-", " ")})

    assert page.status_code == 200
    assert f'action="/s/{wave.slug}/"' in page.content.decode()


def test_a_spent_code_is_refused_with_a_clear_message_and_nothing_is_stored(client):
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Jugendtreff Altenhagen", count=1)
    first = client.get(f"/s/{wave.slug}/?code={code}").content.decode()
    second = client.get(f"/s/{wave.slug}/?code={code}").content.decode()
    _send(client, wave, first)

    response = _send(client, wave, second)

    assert "Dieser Code wurde schon benutzt" in response.content.decode()
    assert Response.objects.count() == 1


def test_answers_refused_for_a_spent_code_are_kept_for_another_code(client):
    wave = _coded_wave()
    first_code, second_code = generate_access_codes(wave=wave, venue="Schule", count=2)
    first = client.get(f"/s/{wave.slug}/?code={first_code}").content.decode()
    second = client.get(f"/s/{wave.slug}/?code={first_code}").content.decode()
    _send(client, wave, first)
    refused = _send(client, wave, second).content.decode()

    response = client.post(
        f"/s/{wave.slug}/",
        {"state": _state_of(refused), "access_code": second_code},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == f"/s/{wave.slug}/done/"
    assert Response.objects.count() == 2


def test_a_code_with_a_typo_gets_a_message_pointing_at_the_card(client):
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Schule", count=1)

    response = client.post("/code/", {"access_code": _mistype(code)})

    assert response.status_code == 400
    assert "Tippfehler" in response.content.decode()


def test_a_code_that_does_not_exist_is_refused(client):
    wave = _coded_wave()
    generate_access_codes(wave=wave, venue="Schule", count=1)
    body = "".join(codes.ALPHABET[index % 31] for index in range(11))

    response = client.post("/code/", {"access_code": body + codes._check_character(body)})

    assert response.status_code == 400
    assert "Diesen Code gibt es nicht" in response.content.decode()


def test_text_that_cannot_be_a_code_is_called_malformed(client):
    _coded_wave()

    response = client.post("/code/", {"access_code": "HALLO"})

    assert "Das ist kein Zugangscode" in response.content.decode()


def test_a_code_of_another_wave_is_refused_at_this_waves_survey(client):
    wave = _coded_wave()
    other = _coded_wave()
    [code] = generate_access_codes(wave=other, venue="Schule", count=1)

    response = client.get(f"/s/{wave.slug}/?code={code}")

    assert "gehört zu einer anderen Umfrage" in response.content.decode()


def test_too_many_wrong_codes_from_one_device_are_refused_for_an_hour(client, settings):
    settings.PART_ACCESS_CODE_ATTEMPTS_PER_HOUR = 3
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Schule", count=1)
    for _ in range(3):
        client.post("/code/", {"access_code": _mistype(code)})

    response = client.post("/code/", {"access_code": code})

    assert response.status_code == 429
    assert "zu viele falsche Codes" in response.content.decode()


def test_the_guess_counter_keeps_no_ip_address_in_the_cache(client, settings):
    from django.core.cache import cache

    # Local memory, so every key the counter wrote can be listed.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PART_COUNTER_STORE = "cache"
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Schule", count=1)

    client.post("/code/", {"access_code": _mistype(code)}, REMOTE_ADDR="203.0.113.7")

    keys = list(cache._cache.keys())
    assert keys and not any("203.0.113.7" in str(key) for key in keys)


def test_with_counters_in_redis_a_refused_code_writes_nothing_to_the_database(client, settings):
    # Without Redis the wrong guess is counted in the database (surveys/counters.py).
    settings.PART_COUNTER_STORE = "cache"
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Schule", count=1)

    with CaptureQueriesContext(connection) as queries:
        client.post("/code/", {"access_code": _mistype(code)})

    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []


def test_an_optional_code_wave_can_be_answered_without_a_code(client):
    wave = _coded_wave(Wave.CodePolicy.OPTIONAL)

    response = client.post(f"/s/{wave.slug}/", answers_for(wave), follow=True)

    assert response.redirect_chain[-1][0] == f"/s/{wave.slug}/done/"


def test_a_spent_code_leaves_no_link_to_its_response():
    fields = {field.name for field in AccessCode._meta.get_fields()}

    assert fields == {
        "id",
        "wave",
        "venue",
        "digest",
        "is_spent",
        "created_on",
        "batch",
        "expires_on",
    }


def test_the_api_spends_a_code_sent_with_a_response(client):
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Schule", count=1)
    payload = {
        "id": str(uuid.uuid4()),
        "wave": wave.slug,
        "language": "de",
        "code": code,
        "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4"},
    }

    response = client.post("/api/v1/responses/", payload, content_type="application/json")

    assert response.status_code == 201 and AccessCode.objects.get().is_spent


def test_the_api_refuses_a_required_code_wave_without_a_code(client):
    wave = _coded_wave()
    payload = {
        "id": str(uuid.uuid4()),
        "wave": wave.slug,
        "language": "de",
        "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4"},
    }

    response = client.post("/api/v1/responses/", payload, content_type="application/json")

    assert response.status_code == 400 and "code" in response.json()
    assert Response.objects.count() == 0


def test_resending_an_api_response_with_its_spent_code_is_harmless(client):
    wave = _coded_wave()
    [code] = generate_access_codes(wave=wave, venue="Schule", count=1)
    payload = {
        "id": str(uuid.uuid4()),
        "wave": wave.slug,
        "language": "de",
        "code": code,
        "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4"},
    }
    client.post("/api/v1/responses/", payload, content_type="application/json")

    again = client.post("/api/v1/responses/", payload, content_type="application/json")

    assert again.status_code == 200 and again.json()["stored"] is False
    assert Response.objects.count() == 1


def test_a_wrong_code_for_an_optional_code_wave_offers_answering_without_one(client):
    wave = _coded_wave(Wave.CodePolicy.OPTIONAL)

    response = client.get(f"/s/{wave.slug}/?code=HALLO")

    assert "Ohne Code antworten" in response.content.decode()


def test_the_example_code_in_the_hints_passes_its_own_check_character():
    assert codes.normalise("K7QM-4TXW-9HRV") == "K7QM4TXW9HRV"


def test_an_expired_code_is_refused_with_a_clear_message_and_nothing_is_stored(client):
    import datetime

    wave = _coded_wave()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    [code] = generate_access_codes(wave=wave, venue="Schule", count=1, expires_on=yesterday)

    page = client.get(f"/s/{wave.slug}/?code={code}").content.decode()

    assert "Dieser Code ist abgelaufen" in page and Response.objects.count() == 0


def test_an_expired_code_cannot_be_spent_by_a_form_opened_before_it_expired():
    import datetime

    from surveys.services import AccessCodeRefused, spend_access_code

    wave = _coded_wave()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    [code] = generate_access_codes(wave=wave, venue="Schule", count=1, expires_on=yesterday)

    with pytest.raises(AccessCodeRefused) as refused:
        spend_access_code(wave=wave, typed=code)

    assert refused.value.reason == "expired" and not AccessCode.objects.get().is_spent


def test_the_venue_overview_counts_codes_without_showing_one(client, django_user_model):
    wave = _coded_wave()
    plain = generate_access_codes(wave=wave, venue="Jugendtreff Altenhagen", count=3)
    generate_access_codes(wave=wave, venue="Schule am Park", count=2)
    from surveys.services import spend_access_code

    spend_access_code(wave=wave, typed=plain[0])
    client.force_login(django_user_model.objects.create_superuser("leitung", "", "pw"))

    page = client.get(f"/admin/surveys/codes/by-venue/?wave={wave.pk}").content.decode()

    row = "<td>solange die Welle läuft</td><td>3</td><td>1</td><td>2</td>"
    assert f'<th scope="row">Jugendtreff Altenhagen</th>{row}' in page
    assert not any(code in page or code.replace("-", "") in page for code in plain)
