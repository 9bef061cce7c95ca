"""Whole dashboard pages from the cache, keyed by everything their figures come from.

The key holds the page's published revision, the newest snapshot version of each wave
it shows (and whether its results are public by now, and its approved quotes), the
language, the host and the query string. A new snapshot or an edit therefore gives a
new key: nobody has to clear anything.

A visitor's request for a cached dashboard is answered by `DashboardCacheMiddleware`
before Wagtail routes it (routing alone costs about ten queries); it checks the key's
inputs in two queries. Anything unusual (a session cookie, a page moved, unpublished
or put behind a view restriction) goes the ordinary way through Wagtail.

The cache fails open (config/cache.py): while Redis is unreachable every lookup is a
miss and every visit goes the ordinary way, so a page never fails for want of a cache.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction

from analytics.models import Quote, Snapshot
from cms.sharing import dashboard_wave_ids
from surveys.models import Wave

# A safety net for what no key can see (a linked news page renamed): an hour at most.
CACHE_SECONDS = 60 * 60


# Never dashboards: these skip even the cache lookup.
OTHER_PREFIXES = ("/api/", "/admin/", "/static/", "/media/", "/documents/")


def _route_key(request) -> str:
    # Hashed: a path may hold any character, and cache backends limit keys.
    address = f"{request.get_host()}|{request.path}".encode()
    return f"dashboard-route:{hashlib.sha256(address).hexdigest()[:40]}"


# The two checks below run on every cached visit, so they are plain SQL: building the
# same queries through the ORM cost more than running them.
PAGE_STATE_SQL = f"""
    SELECT page.last_published_at, page.live_revision_id,
        (SELECT COUNT(*) FROM {PageViewRestriction._meta.db_table})
    FROM {Page._meta.db_table} page
    WHERE page.id = %s AND page.live AND page.path = %s AND page.url_path = %s
"""  # noqa: S608 - table names come from our models; every value is a parameter
WAVE_STATE_SQL = f"""
    SELECT wave.id,
        CASE WHEN wave.results_policy = %s
            OR (wave.closes_at IS NOT NULL AND wave.closes_at <= %s) THEN 1 ELSE 0 END,
        (SELECT MAX(snapshot.version) FROM {Snapshot._meta.db_table} snapshot
            WHERE snapshot.wave_id = wave.id),
        (SELECT COUNT(*) FROM {Quote._meta.db_table} quote
            WHERE quote.wave_id = wave.id AND quote.status = %s),
        (SELECT MAX(quote.decided_at) FROM {Quote._meta.db_table} quote
            WHERE quote.wave_id = wave.id AND quote.status = %s)
    FROM {Wave._meta.db_table} wave
    WHERE wave.id IN ({{placeholders}})
    ORDER BY wave.id
"""  # noqa: S608 - table names come from our models; every value is a parameter


def _page_state(*, page_id: int, path: str, url_path: str) -> str | None:
    """Return the page's published state, or None if it is gone, moved or restricted.

    Any view restriction anywhere sends visitors the ordinary way, where Wagtail checks it.
    """
    with connection.cursor() as cursor:
        cursor.execute(PAGE_STATE_SQL, [page_id, path, url_path])
        row = cursor.fetchone()
    if row is None or row[2]:
        return None
    return f"{row[1]}:{row[0]}"


def _wave_state(wave_ids: list[int]) -> str:
    """Return each wave's newest snapshot version, public flag and approved quotes."""
    if not wave_ids:
        return "-"
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    approved = Quote.Status.APPROVED.value
    sql = WAVE_STATE_SQL.format(placeholders=", ".join(["%s"] * len(wave_ids)))
    with connection.cursor() as cursor:
        cursor.execute(sql, [Wave.ResultsPolicy.LIVE.value, now, approved, approved, *wave_ids])
        rows = cursor.fetchall()
    return ",".join(":".join(str(value) for value in row) for row in rows)


def _key(request, page_id: int, page_state: str, wave_state: str) -> str:
    varying = "|".join([request.get_host(), request.get_full_path(), page_state, wave_state])
    digest = hashlib.sha256(varying.encode()).hexdigest()[:40]
    return f"dashboard:{page_id}:{get_language()}:{digest}"


def _may_use_cache(request) -> bool:
    # A session cookie may mean staff, who see Wagtail's user bar: never from the cache.
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in (
        request.COOKIES
    )


def _cached_response(key: str):
    stored = cache.get(key)
    if stored is None:
        return None
    content, content_type = stored
    response = HttpResponse(content, content_type=content_type)
    response["X-Cache"] = "hit"
    return response


def serve_from_cache(page, request, serve):
    """Return the cached page for an anonymous visitor, or render, store and return it."""
    user = getattr(request, "user", None)
    if (
        not _may_use_cache(request)
        or getattr(request, "is_preview", False)
        or (user is not None and user.is_authenticated)
    ):
        return serve()
    route = {
        "page_id": page.pk,
        "path": page.path,
        "url_path": page.url_path,
        "wave_ids": sorted(dashboard_wave_ids(page)),
    }
    page_state = _page_state(page_id=page.pk, path=page.path, url_path=page.url_path)
    if page_state is None:
        return serve()
    key = _key(request, page.pk, page_state, _wave_state(route["wave_ids"]))
    response = _cached_response(key)
    if response is not None:
        return response
    response = serve()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:
        cache.set(key, (response.content, response["Content-Type"]), CACHE_SECONDS)
        cache.set(_route_key(request), route, CACHE_SECONDS)
    response["X-Cache"] = "miss"
    return response


class DashboardCacheMiddleware:
    """Answer a dashboard an anonymous visitor asks for again straight from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _may_use_cache(request) and not request.path.startswith(OTHER_PREFIXES):
            route = cache.get(_route_key(request))
            if route is not None:
                page_state = _page_state(
                    page_id=route["page_id"], path=route["path"], url_path=route["url_path"]
                )
                if page_state is not None:
                    key = _key(
                        request, route["page_id"], page_state, _wave_state(route["wave_ids"])
                    )
                    response = _cached_response(key)
                    if response is not None:
                        return response
        return self.get_response(request)
