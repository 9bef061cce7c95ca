"""Redis unreachable: the cache answers empty, counters move to the database, answers are stored."""

import logging
import re
import uuid

import pytest
from django.core.cache import cache

from config.cache import outage
from surveys import protection
from surveys.models import ProtectionCounter, Response
from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db

# The discard port: nothing listens there, so every connection is refused at once.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "config.cache.FailOpenRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
ANSWERS = {"quartier": "wehringhausen", "wohlfuehlen": "4"}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = UNREACHABLE_REDIS
    settings.PART_COUNTER_STORE = "cache"
    # Try Redis on every call, so each test sees the outage itself.
    settings.PART_CACHE_RETRY_SECONDS = 0
    outage.succeeded()
    yield settings
    outage.succeeded()


def _field(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def test_an_unreachable_redis_reads_as_an_empty_cache_and_drops_writes(redis_down):
    cache.set("greeting", "hallo")

    assert cache.get("greeting") is None
    assert cache.get("greeting", "fallback") == "fallback"
    assert cache.get_many(["greeting"]) == {}


def test_an_outage_is_logged_once_however_many_calls_fail(redis_down, caplog):
    caplog.set_level(logging.WARNING, logger="config.cache")

    for _ in range(5):
        cache.get("greeting")

    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "Redis is unreachable" in caplog.text


def test_after_a_failure_redis_is_left_alone_for_the_retry_interval(redis_down):
    redis_down.PART_CACHE_RETRY_SECONDS = 60
    cache.get("greeting")

    assert outage.skip()


def test_with_redis_down_the_runner_stores_the_answers(client, redis_down):
    wave = WaveFactory()
    page = client.get(f"/s/{wave.slug}/").content.decode()
    form = {"state": _field(page, "state"), "started": _field(page, "started"), **ANSWERS}

    response = client.post(f"/s/{wave.slug}/", form)

    assert response.status_code == 302
    assert Response.objects.count() == 1


def test_with_redis_down_the_api_stores_the_answers(client, redis_down):
    wave = WaveFactory()
    body = {"id": str(uuid.uuid4()), "wave": wave.slug, "language": "de", "answers": ANSWERS}

    response = client.post("/api/v1/responses/", body, content_type="application/json")

    assert response.status_code == 201
    assert Response.objects.count() == 1


def test_with_redis_down_burst_counters_go_on_counting_in_the_database(redis_down):
    redis_down.PART_BURST_PER_DEVICE = 2
    wave = WaveFactory()

    for _ in range(2):
        protection.count_submission(client="device-hash", wave_id=wave.pk)

    assert protection.needs_challenge(client="device-hash", wave_id=wave.pk)
    assert ProtectionCounter.objects.filter(name__contains="device-hash").get().count == 2
