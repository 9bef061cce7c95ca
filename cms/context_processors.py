"""The main menu, the footer links and the home address for every template.

They depend only on the site, the visitor's language and the page tree, so they are
built once per (host, language, page-tree generation) and kept in this process. The
generation (cms.dashboard_cache) is renewed whenever a page is published, unpublished,
moved or deleted, or a view restriction or site changes, in every process at once
through the shared cache; a process keeps only the current generation's menus. While
the cache is unreachable there is no generation and every request builds its own.
Which menu entry is the current page is decided per request. A page tree changed
without any signal (a management command's `add_child`) shows within the hour, like
the cached dashboards.
"""

import threading
import time

from django.utils.translation import get_language

from cms import dashboard_cache, selectors

_lock = threading.Lock()
_built: dict[tuple[str, str, str], tuple[float, dict]] = {}


def forget_built_navigation() -> None:
    """Drop every menu this process keeps; the next request builds them anew."""
    with _lock:
        _built.clear()


def _build(request) -> dict:
    root = selectors.site_root(request=request)
    return {
        "menu": selectors.menu_items(request=request),
        "footer_links": selectors.footer_items(request=request),
        "results_url": selectors.results_url(request=request),
        "home_url": (root.url if root else None) or "/",
    }


def _built_for(request) -> dict:
    generation = dashboard_cache.pages_generation()
    if generation is None:
        return _build(request)
    key = (request.get_host(), get_language() or "", generation)
    now = time.monotonic()
    built_at, built = _built.get(key, (None, None))
    if built is None or now - built_at > dashboard_cache.CACHE_SECONDS:
        built = _build(request)
        with _lock:
            if any(stored[2] != generation for stored in _built):
                _built.clear()
            _built[key] = (now, built)
    return built


def navigation(request):
    """Give every template the main menu, the footer links and the home address."""
    built = _built_for(request)
    path = request.path
    return {
        "navigation": [
            {**item, "is_current": path.startswith(item["url"] or "-")} for item in built["menu"]
        ],
        "footer_links": built["footer_links"],
        "results_url": built["results_url"],
        "home_url": built["home_url"],
    }
