"""The main menu is built once per page tree, yet changes at once when staff edit it."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms import dashboard_cache
from cms.models import StandardPage
from tests.factories import WaveFactory, build_site

pytestmark = pytest.mark.django_db

LANGUAGES = ("", "/en", "/ar")


def _menu(client, prefix: str = "", path: str = "/search/") -> str:
    page = client.get(f"{prefix}{path}").content.decode()
    return re.search(r'<nav class="site-header__nav".*?</nav>', page, re.S).group(0)


def _publish(page):
    page.save_revision().publish()


def _news():
    return Page.objects.get(slug="news").specific


def test_a_renamed_menu_page_shows_its_new_title_at_once_in_every_language(
    client, django_capture_on_commit_callbacks
):
    build_site()
    for prefix in LANGUAGES:
        assert "Neuigkeiten" in _menu(client, prefix)

    news = _news()
    news.title = "Was gibt's Neues"
    with django_capture_on_commit_callbacks(execute=True):
        _publish(news)

    for prefix in LANGUAGES:
        menu = _menu(client, prefix)
        assert "Was gibt&#x27;s Neues" in menu
        assert "Neuigkeiten" not in menu


def test_an_unpublished_menu_page_leaves_the_menu_at_once(
    client, django_capture_on_commit_callbacks
):
    build_site()
    assert "Neuigkeiten" in _menu(client)

    with django_capture_on_commit_callbacks(execute=True):
        _news().unpublish()

    assert "Neuigkeiten" not in _menu(client, "/en")
    assert "Neuigkeiten" not in _menu(client)


def test_a_newly_published_page_joins_the_menu_and_the_footer_at_once(
    client, django_capture_on_commit_callbacks
):
    home, _ = build_site()
    client.get("/search/")

    with django_capture_on_commit_callbacks(execute=True):
        page = home.add_child(
            instance=StandardPage(title="Mitmachen", slug="mitmachen", show_in_menus=True)
        )
        imprint = home.add_child(
            instance=StandardPage(title="Impressum", slug="impressum", show_in_footer=True)
        )
        _publish(page)
        _publish(imprint)

    page = client.get("/search/").content.decode()
    assert "Mitmachen" in _menu(client)
    assert 'href="/impressum/"' in page


def test_a_menu_page_moved_below_another_leaves_the_menu_at_once(
    client, django_capture_on_commit_callbacks
):
    build_site()
    assert "Neuigkeiten" in _menu(client)

    with django_capture_on_commit_callbacks(execute=True):
        _news().move(Page.objects.get(slug="dashboards"), pos="last-child")

    assert "Neuigkeiten" not in _menu(client)


def test_a_page_tree_renewed_by_another_process_shows_here_at_once(client):
    build_site()
    assert "Neuigkeiten" in _menu(client)

    # Another process published the new title: the tree changed in the database and
    # that process renewed the generation in the shared cache, but not this process's
    # menus.
    Page.objects.filter(slug="news").update(title="Was gibt's Neues")
    cache.set(dashboard_cache.PAGES_KEY, "renewed-elsewhere", None)

    assert "Was gibt&#x27;s Neues" in _menu(client)


def test_the_current_page_is_marked_per_request(client):
    build_site()

    assert 'href="/news/" aria-current="page"' in _menu(client, path="/news/")
    assert 'aria-current="page">Neuigkeiten' not in _menu(client, path="/dashboards/")
    assert 'href="/news/" aria-current="page"' not in _menu(client, path="/dashboards/")


def test_with_the_cache_away_the_menu_is_built_for_every_request(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    build_site()
    assert "Neuigkeiten" in _menu(client)

    Page.objects.filter(slug="news").update(title="Was gibt's Neues")

    assert "Was gibt&#x27;s Neues" in _menu(client)


def test_a_runner_page_asks_the_database_nothing_for_its_menu_once_the_menu_is_built(client):
    wave = WaveFactory()
    build_site()
    client.get(f"/s/{wave.slug}/")

    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/s/{wave.slug}/").content.decode()

    assert "Neuigkeiten" in page
    pages = [query["sql"] for query in queries.captured_queries if "wagtailcore_" in query["sql"]]
    assert pages == []


def test_a_page_tree_changed_without_any_signal_shows_within_the_hour(client, monkeypatch):
    from cms import context_processors

    build_site()
    assert "Neuigkeiten" in _menu(client)
    Page.objects.filter(slug="news").update(title="Was gibt's Neues")
    assert "Neuigkeiten" in _menu(client)

    later = context_processors.time.monotonic() + dashboard_cache.CACHE_SECONDS + 1
    monkeypatch.setattr(context_processors.time, "monotonic", lambda: later)

    assert "Was gibt&#x27;s Neues" in _menu(client)
