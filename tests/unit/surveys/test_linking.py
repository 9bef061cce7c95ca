"""Linked waves: an optional self-made code, kept only as keyed fingerprints, pairs answers."""

import datetime
import logging
import re

import pytest
from django.utils import timezone

from surveys import linking
from surveys.models import LinkingHash, Response
from surveys.selectors import linked_pairs
from tests.factories import WaveFactory, answers_for

pytestmark = pytest.mark.django_db
CODE = {
    "link_mother": "Maria",
    "link_birth_day": "7",
    "link_birth_month": "3",
    "link_birth_place": "Hagen",
    "link_older_siblings": "1",
}


def _linked_wave(**fields):
    return WaveFactory(linking_series="quartier-vorher-nachher", **fields)


def _linking_page(client, wave):
    return client.post(f"/s/{wave.slug}/", answers_for(wave))


def _send(client, wave, action="link", **code):
    page = _linking_page(client, wave).content.decode()
    state = re.search(r'name="state" value="([^"]+)"', page).group(1)
    data = {"state": state, "linking_step": "1", "action": action, **code}
    return client.post(f"/s/{wave.slug}/", data)


def test_a_linked_wave_explains_the_code_and_offers_to_skip_it_before_sending(client):
    wave = _linked_wave()

    page = _linking_page(client, wave).content.decode()

    assert "Vornamen deiner Mutter" in page and "Überspringen" in page
    assert "freiwillig" in page and Response.objects.count() == 0


def test_a_wave_without_a_series_never_asks_for_a_linking_code(client):
    wave = WaveFactory()

    response = _linking_page(client, wave)

    assert response.status_code == 302 and Response.objects.count() == 1


def test_skipping_sends_the_answers_without_a_fingerprint(client):
    wave = _linked_wave()

    response = _send(client, wave, action="skip")

    assert response["Location"] == f"/s/{wave.slug}/done/"
    assert Response.objects.count() == 1 and LinkingHash.objects.count() == 0


def test_a_linking_code_is_stored_only_as_five_keyed_fingerprints(client):
    wave = _linked_wave()

    _send(client, wave, **CODE)

    stored = list(LinkingHash.objects.order_by("left_out").values_list("digest", flat=True))
    expected = linking.fingerprints(series=wave.linking_series, values=["MA", "7", "3", "H", "1"])
    assert stored == expected and Response.objects.count() == 1
    fields = {field.name for field in LinkingHash._meta.get_fields()}
    assert fields == {"id", "response", "left_out", "digest"}


def test_the_fingerprints_depend_on_the_secret_key(settings):
    values = ["MA", "7", "3", "H", "1"]
    first = linking.fingerprints(series="reihe", values=values)

    settings.PART_LINKING_KEY = "another-key"

    assert not set(first) & set(linking.fingerprints(series="reihe", values=values))


def test_a_wrong_element_is_explained_and_nothing_is_stored(client):
    wave = _linked_wave()

    response = _send(client, wave, **(CODE | {"link_birth_day": "32"}))

    page = response.content.decode()
    assert response.status_code == 400 and "Zahl von 1 bis 31" in page
    assert 'href="#link_birth_day-input"' in page
    assert Response.objects.count() == 0 and LinkingHash.objects.count() == 0


def test_no_element_of_the_linking_code_reaches_the_log(client, caplog):
    wave = _linked_wave()

    with caplog.at_level(logging.DEBUG):
        _send(client, wave, **(CODE | {"link_mother": "Zenobia"}))

    assert "Zenobia" not in caplog.text and "ZE" not in caplog.text


def _store(wave, values):
    response = Response.objects.create(
        wave=wave, questionnaire=wave.questionnaire, language="de", day=timezone.localdate()
    )
    digests = linking.fingerprints(series=wave.linking_series, values=values)
    LinkingHash.objects.bulk_create(
        LinkingHash(response=response, left_out=position, digest=digest)
        for position, digest in enumerate(digests)
    )
    return response.pk


def _before_and_after():
    before = _linked_wave(opens_at=timezone.now() - datetime.timedelta(days=200))
    after = _linked_wave(questionnaire=before.questionnaire)
    return before, after


def test_the_same_code_before_and_after_pairs_the_two_answers():
    before, after = _before_and_after()
    first = _store(before, ["MA", "7", "3", "H", "1"])
    second = _store(after, ["MA", "7", "3", "H", "1"])

    assert linked_pairs(before=before, after=after) == [(first, second)]


def test_a_code_differing_in_one_element_still_pairs():
    before, after = _before_and_after()
    first = _store(before, ["MA", "7", "3", "H", "1"])
    second = _store(after, ["MA", "7", "3", "H", "2"])

    assert linked_pairs(before=before, after=after) == [(first, second)]


def test_a_code_differing_in_two_elements_does_not_pair():
    before, after = _before_and_after()
    _store(before, ["MA", "7", "3", "H", "1"])
    _store(after, ["MA", "8", "3", "H", "2"])

    assert linked_pairs(before=before, after=after) == []


def test_an_ambiguous_match_stays_unpaired_and_an_exact_one_wins():
    before, after = _before_and_after()
    _store(before, ["MA", "7", "3", "H", "1"])
    _store(before, ["MA", "7", "3", "H", "2"])
    _store(after, ["MA", "7", "3", "H", "3"])
    exact_before = _store(before, ["EL", "1", "1", "D", "0"])
    _store(before, ["EL", "1", "1", "D", "1"])
    exact_after = _store(after, ["EL", "1", "1", "D", "0"])

    assert linked_pairs(before=before, after=after) == [(exact_before, exact_after)]


def test_waves_of_another_series_never_pair():
    before, after = _before_and_after()
    other = WaveFactory(questionnaire=before.questionnaire, linking_series="andere-reihe")
    _store(before, ["MA", "7", "3", "H", "1"])
    _store(other, ["MA", "7", "3", "H", "1"])

    assert linked_pairs(before=before, after=other) == []
    assert linked_pairs(before=before, after=after) == []


def test_the_letters_of_a_name_are_folded_so_umlauts_and_case_match():
    values, _typed, errors = linking.read_elements(CODE | {"link_mother": "  älma"})

    assert not errors and values[0] == "AL"


def test_the_bot_checks_of_the_last_page_carry_over_to_the_linking_step(
    client, settings, monkeypatch
):
    from django.core import signing

    settings.PART_MIN_FILL_SECONDS = 5
    wave = _linked_wave()
    first = client.get(f"/s/{wave.slug}/").content.decode()
    state = re.search(r'name="state" value="([^"]+)"', first).group(1)
    started = re.search(r'name="started" value="([^"]+)"', first).group(1)
    real = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real() + 60)
    data = {**answers_for(wave), "state": state, "started": started, "homepage": ""}
    linking_page = client.post(f"/s/{wave.slug}/", data).content.decode()
    carried = re.search(r'name="started" value="([^"]+)"', linking_page).group(1)
    state = re.search(r'name="state" value="([^"]+)"', linking_page).group(1)

    response = client.post(
        f"/s/{wave.slug}/",
        {"state": state, "started": carried, "linking_step": "1", "action": "link", **CODE},
    )

    assert response.status_code == 302 and Response.objects.count() == 1
    assert carried == started
