"""Device hashes: keyed by SECRET_KEY and the day, never stored; read through trusted proxies."""

import pytest
from django.core.cache import cache

from surveys import guessing, protection
from surveys.models import ProtectionCounter
from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db

CLIENT = "203.0.113.77"
OTHER_CLIENT = "198.51.100.20"
PROXY = "10.0.0.2"


def test_the_device_hash_needs_the_secret_key_and_nothing_from_the_cache(rf, settings):
    request = rf.get("/", REMOTE_ADDR=CLIENT)
    first = guessing.client_key(request)
    cache.clear()

    assert guessing.client_key(request) == first
    settings.SECRET_KEY = "another-secret-key"
    assert guessing.client_key(request) != first


def test_counting_a_device_stores_no_key_of_the_day(rf, settings):
    settings.PART_COUNTER_STORE = "cache"
    cache.clear()
    client = guessing.client_key(rf.get("/", REMOTE_ADDR=CLIENT))
    protection.count_submission(client=client, wave_id=1)
    guessing.count_wrong_guess(client)

    stored = list(cache._cache)  # the local-memory cache's keys

    assert len(stored) == 3
    assert all("burst" in key or "guessing:wrong" in key for key in stored)


def test_with_no_trusted_proxy_a_forwarded_for_header_is_ignored(rf, settings):
    settings.PART_TRUSTED_PROXIES = 0
    plain = rf.get("/", REMOTE_ADDR=CLIENT)
    spoofed = rf.get("/", REMOTE_ADDR=CLIENT, HTTP_X_FORWARDED_FOR=OTHER_CLIENT)

    assert guessing.client_key(spoofed) == guessing.client_key(plain)


def test_behind_one_trusted_proxy_each_client_gets_its_own_key(rf, settings):
    settings.PART_TRUSTED_PROXIES = 1
    first = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT)
    second = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OTHER_CLIENT)

    assert guessing.client_key(first) != guessing.client_key(second)
    assert guessing.client_address(first) == CLIENT


def test_behind_a_trusted_proxy_addresses_the_client_made_up_are_ignored(rf, settings):
    settings.PART_TRUSTED_PROXIES = 1
    honest = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT)
    spoofed = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{OTHER_CLIENT}, {CLIENT}")

    assert guessing.client_key(spoofed) == guessing.client_key(honest)


def test_a_request_that_skipped_the_proxy_counts_by_its_own_address(rf, settings):
    settings.PART_TRUSTED_PROXIES = 2
    request = rf.get("/", REMOTE_ADDR=CLIENT, HTTP_X_FORWARDED_FOR=OTHER_CLIENT)

    assert guessing.client_address(request) == CLIENT


def test_wrong_codes_behind_a_shared_proxy_lock_out_only_their_own_client(client, settings):
    settings.PART_TRUSTED_PROXIES = 1
    settings.PART_ACCESS_CODE_ATTEMPTS_PER_HOUR = 3
    for _ in range(3):
        client.post("/code/", {"code": "AAAA-BBBB"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT)

    def key(address):
        return guessing.client_key(
            type("Request", (), {"META": {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": address}})
        )

    assert guessing.is_blocked(key(CLIENT))
    assert not guessing.is_blocked(key(OTHER_CLIENT))


def test_without_redis_the_counters_live_in_the_database(settings):
    settings.PART_COUNTER_STORE = "database"
    wave = WaveFactory()

    for _ in range(3):
        protection.count_submission(client="device-hash", wave_id=wave.pk)

    counts = dict(ProtectionCounter.objects.values_list("name", "count"))
    assert sorted(counts.values()) == [3, 3]
    assert not any(key for key in cache._cache)


def test_database_counters_of_past_windows_are_cleared(settings, monkeypatch):
    from django.utils import timezone

    from surveys import counters

    settings.PART_COUNTER_STORE = "database"
    counters.increment(["old-window"], timeout=1)
    ProtectionCounter.objects.update(expires_at=timezone.now() - timezone.timedelta(hours=1))
    monkeypatch.setattr(counters, "_last_sweep", 0.0)

    counters.increment(["new-window"], timeout=600)

    assert list(ProtectionCounter.objects.values_list("name", flat=True)) == ["new-window"]


def test_an_expired_database_counter_starts_again_at_one(settings):
    from django.utils import timezone

    from surveys import counters

    settings.PART_COUNTER_STORE = "database"
    counters.increment(["device"], timeout=600)
    counters.increment(["device"], timeout=600)
    ProtectionCounter.objects.update(expires_at=timezone.now() - timezone.timedelta(seconds=1))

    assert counters.read(["device"]) == {"device": 0}
    assert counters.increment(["device"], timeout=600) == {"device": 1}
