import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def need(condition: bool, message: str) -> None:
    """Skip a test whose service is missing, or fail it when CI requires every service."""
    if condition:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _interface_in_german():
    # Django's LocaleMiddleware leaves a request's language active in the thread, so a
    # test that asked for /ar/... would otherwise hand Arabic to the next test.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def postgres_and_redis(settings):
    need(
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        "this test needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/part",
    )
    need(bool(settings.REDIS_URL), "this test needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0")


@pytest.fixture
def chromium_path():
    path = "/usr/bin/chromium"
    need(shutil.which(path) is not None, "this test needs Debian's chromium (apt install chromium)")
    return path


@pytest.fixture
def unperturbed(monkeypatch):
    """Publish true counts: for tests of counting and layout, never of protection.

    Every protection test runs with the real p-table (analytics/perturbation.py); the
    attacker tests use this fixture to show the attack succeeds without it.
    """
    from analytics import perturbation

    zeros = tuple(tuple(0 for _ in row) for row in perturbation.P_TABLE)
    monkeypatch.setattr(perturbation, "P_TABLE", zeros)


@pytest.fixture
def publish_every_refresh(settings):
    """No waiting between versions (k new responses are still needed)."""
    settings.PART_PUBLISH_INTERVAL_SECONDS = 0
