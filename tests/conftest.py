import os
import shutil
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from tests.demo_database import load_demo

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


@pytest.fixture(scope="session")
def demo_copy_folder(tmp_path_factory):
    """Where the first module to need the demo leaves a copy for all the others.

    The folder is the run's, shared by its test processes (pytest-xdist gives each
    process a folder inside the run's), so the whole run seeds the demo once.
    """
    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent
    return run_folder / "seeded-demo"


@contextmanager
def seeded_demo(django_db_blocker, demo_copy_folder):
    """Put the seeded demo in place for a whole module, then empty the tables as a live test does.

    Seeding takes seconds, so the browser tests of a module that only read the demo
    share one copy of it (tests/demo_database.py). The module ends with the flush that
    pytest-django runs after every live test; `pytest_collection_modifyitems` below
    runs these modules last.
    """
    with django_db_blocker.unblock():
        restore_what_migrations_made()
        load_demo(demo_copy_folder)
        try:
            yield
        finally:
            call_command("flush", verbosity=0, interactive=False)
            restore_what_migrations_made()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the tests on the shared demo server after every other database test.

    pytest-django runs plain database tests first and the transactional ones after
    them, because a transactional test empties the tables when it ends. A module on
    the shared demo server empties them once, at its end, so it goes last of all.
    """
    items.sort(key=lambda item: "demo_server" in getattr(item, "fixturenames", ()))
    keep_xdist_groups_together(items)


def keep_xdist_groups_together(items) -> None:
    """Put the `xdist_group` name into each marked test's id, as `--dist loadgroup` needs.

    pytest-xdist 3.8 writes the group into `item._nodeid`, which pytest 9 no longer
    reads (the id lives in `item._id`), so every group was silently split between the
    test processes: a module that seeds the demo or starts a private PostgreSQL did it
    once in each. This does what xdist meant to, and nothing once xdist does it itself.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    from _pytest.nodeid import NodeId

    for item in items:
        groups = sorted({str(mark.args[0]) for mark in item.iter_markers("xdist_group")})
        if groups and "@" not in item.nodeid.rpartition("]")[2]:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(groups)}")


def restore_what_migrations_made() -> None:
    """Put back the root page, collection and locales that a live test's flush removed."""
    from wagtail.models import Collection, Locale, Page

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="de"))
        )
