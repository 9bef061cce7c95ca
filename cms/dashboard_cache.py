"""Whole dashboard pages for anonymous visitors, kept in Django's cache.

A cached page is keyed by the page, the visitor's language, host and filter, a
generation of the page tree, and a token for each wave the page shows. Nothing is
cleared by hand: a new token gives a new key, and the old entry expires.

- Each wave's token changes when `analytics` announces new published results of the
  wave (a snapshot, a comparison, a quote decision) and when the wave itself is saved.
  It also holds the moment the wave's results become public, so a wave whose results
  wait for its closing shows them once it has closed, without any signal.
- The page-tree generation changes whenever any page is published, unpublished,
  moved or deleted, or a view restriction or site changes: the menus of every page
  show the tree, and editing pages is rare.

A visitor's repeated request is answered by `DashboardCacheMiddleware` before Wagtail
routes it, from the cache alone: no database query. The first request is routed by
Wagtail, rendered by `DashboardPage.serve` through `serve_from_cache`, and stored with
the route to it. Staff (anyone with a session cookie), previews and addresses with
parameters other than the filter's never read or fill the cache.

The cache fails open (config/cache.py): while Redis is unreachable every lookup is a
miss and every visit is rendered, so a page never fails for want of a cache.
"""

import datetime
import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language

from cms.dashboard_filters import PARAMETERS, WAVE_PARAMETER, dashboard_waves
from surveys.models import Wave

# A safety net for what no token sees (a question's wording edited): an hour at most.
CACHE_SECONDS = 60 * 60
PAGES_KEY = "dashboard-cache:pages"
FILTER_PARAMETERS = {WAVE_PARAMETER, *PARAMETERS}
# Never dashboards: these skip even the cache lookup.
OTHER_PREFIXES = ("/api/", "/admin/", "/static/", "/media/", "/documents/", "/s/")
# The response headers a cached page keeps (the middleware outside adds the others).
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary")


def _digest(text: str) -> str:
    # Hashed: a path may hold any character, and cache backends limit keys.
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def _wave_key(wave_id: int) -> str:
    return f"dashboard-cache:wave:{wave_id}"


def _public_from(wave) -> str:
    """Return when a wave's results become public: "" already, "never" not yet known."""
    if wave.results_policy == Wave.ResultsPolicy.LIVE:
        return ""
    return wave.closes_at.isoformat() if wave.closes_at else "never"


def _token(wave) -> str:
    return f"{uuid.uuid4().hex}|{_public_from(wave)}"


def renew_wave_tokens(*, wave_ids) -> None:
    """Give each wave a new token, so every cached page showing it is rendered anew."""
    waves = Wave.objects.filter(pk__in=list(wave_ids))
    cache.set_many({_wave_key(wave.pk): _token(wave) for wave in waves}, CACHE_SECONDS * 2)


def renew_pages_generation() -> None:
    """Start a new generation of the page tree: every cached page is rendered anew."""
    from cms.context_processors import forget_built_navigation

    cache.set(PAGES_KEY, uuid.uuid4().hex, None)
    forget_built_navigation()


def pages_generation() -> str | None:
    """Return the page tree's generation, starting one if none; None without a cache."""
    generation = cache.get(PAGES_KEY)
    if generation is None:
        cache.add(PAGES_KEY, uuid.uuid4().hex, None)
        generation = cache.get(PAGES_KEY)
    return generation


def _wave_tokens(wave_ids: list[int]) -> dict[int, str] | None:
    """Return each wave's token, making the missing ones; None while the cache is away."""
    found = cache.get_many([_wave_key(wave_id) for wave_id in wave_ids])
    missing = [wave_id for wave_id in wave_ids if _wave_key(wave_id) not in found]
    if missing:
        for wave in Wave.objects.filter(pk__in=missing):
            cache.add(_wave_key(wave.pk), _token(wave), CACHE_SECONDS * 2)
        found = cache.get_many([_wave_key(wave_id) for wave_id in wave_ids])
        if len(found) < len(wave_ids):
            return None
    return {wave_id: found[_wave_key(wave_id)] for wave_id in wave_ids}


def _is_public(public_from: str, now: datetime.datetime) -> bool:
    if public_from in ("", "never"):
        return public_from == ""
    return datetime.datetime.fromisoformat(public_from) <= now


def _state(tokens: dict[int, str]) -> str:
    """Return the part of the key the waves decide: each token, and whether it is public."""
    now = timezone.now()
    return ",".join(
        f"{token}:{int(_is_public(token.partition('|')[2], now))}"
        for _wave_id, token in sorted(tokens.items())
    )


def _route_key(request, generation: str) -> str:
    return f"dashboard-cache:route:{generation}:{_digest(f'{request.get_host()}|{request.path}')}"


def _page_key(request, page_id: int, generation: str, tokens: dict[int, str]) -> str:
    varying = "|".join([request.get_host(), request.get_full_path(), _state(tokens)])
    return f"dashboard-cache:page:{page_id}:{generation}:{get_language()}:{_digest(varying)}"


def may_use_cache(request) -> bool:
    """Say whether this request may be answered from, and stored in, the page cache.

    Only a visitor without a session (staff have one, and see Wagtail's user bar) asking
    for a page with nothing in its address but the filter.
    """
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and set(request.GET) <= FILTER_PARAMETERS
        # Wagtail's preview and moderation views render a page through a dummy request.
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
    )


def _stored(response) -> tuple[bytes, bytes, dict]:
    """Return what the cache keeps of a page: its content, gzipped too, and its headers.

    Gzipped once here rather than on every visit by GZipMiddleware. BREACH needs a
    secret in the page; a page for visitors without a session holds none.
    """
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    compressed = compress_string(response.content, max_random_bytes=GZipMiddleware.max_random_bytes)
    return response.content, compressed, headers


def _cached_response(stored, request) -> HttpResponse:
    content, compressed, headers = stored
    accepts_gzip = re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(compressed if accepts_gzip else content)
    for name, value in headers.items():
        response[name] = value
    patch_vary_headers(response, ("Accept-Encoding",))
    if accepts_gzip:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    response["X-Cache"] = "hit"
    return response


def serve_from_cache(page, request, serve):
    """Return the cached page for an anonymous visitor, or render, store and return it."""
    user = getattr(request, "user", None)
    if not may_use_cache(request) or (user is not None and user.is_authenticated):
        return serve()
    generation = pages_generation()
    wave_ids = sorted(wave.pk for wave in dashboard_waves(page.body))
    # The tokens are read before the figures: a page stored under a token never holds
    # figures older than the token stands for.
    tokens = _wave_tokens(wave_ids)
    if generation is None or tokens is None:
        return serve()
    key = _page_key(request, page.pk, generation, tokens)
    stored = cache.get(key)
    if stored is not None:
        return _cached_response(stored, request)
    response = serve()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:
        cache.set(key, _stored(response), CACHE_SECONDS)
        route = {"page_id": page.pk, "wave_ids": wave_ids}
        cache.set(_route_key(request, generation), route, CACHE_SECONDS)
    response["X-Cache"] = "miss"
    return response


class DashboardCacheMiddleware:
    """Answer a dashboard an anonymous visitor asks for again from the cache alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if may_use_cache(request) and not request.path.startswith(OTHER_PREFIXES):
            response = self._from_cache(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _from_cache(self, request):
        generation = cache.get(PAGES_KEY)
        if generation is None:
            return None
        route = cache.get(_route_key(request, generation))
        if route is None:
            return None
        wave_ids = route["wave_ids"]
        found = cache.get_many([_wave_key(wave_id) for wave_id in wave_ids])
        if len(found) < len(wave_ids):
            return None
        tokens = {wave_id: found[_wave_key(wave_id)] for wave_id in wave_ids}
        stored = cache.get(_page_key(request, route["page_id"], generation, tokens))
        return _cached_response(stored, request) if stored is not None else None
