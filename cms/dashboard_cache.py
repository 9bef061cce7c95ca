"""Whole dashboard pages from the cache, keyed by everything their figures come from.

The key holds the page's revision, the newest snapshot version of each wave it shows,
the language and the query string, so a new snapshot or an edit is never answered
from an old copy: no one has to clear anything.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from cms.sharing import dashboard_state

# A safety net for what no key can see (a linked news page renamed): an hour at most.
CACHE_SECONDS = 60 * 60


def dashboard_cache_key(page, request) -> str:
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    varying = "|".join(
        [request.get_host(), request.get_full_path(), dashboard_state(page)]
    ).encode()
    digest = hashlib.sha256(varying).hexdigest()[:32]
    return f"dashboard:{page.pk}:{page.latest_revision_id}:{published}:{get_language()}:{digest}"


def serve_from_cache(page, request, serve):
    """Return the cached page for an anonymous visitor, or render, store and return it."""
    is_preview = getattr(request, "is_preview", False)
    user = getattr(request, "user", None)
    if (
        request.method not in ("GET", "HEAD")
        or is_preview
        or (user is not None and user.is_authenticated)
    ):
        return serve()
    key = dashboard_cache_key(page, request)
    stored = cache.get(key)
    if stored is not None:
        content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
        response["X-Cache"] = "hit"
        return response
    response = serve()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:
        cache.set(key, (response.content, response["Content-Type"]), CACHE_SECONDS)
    response["X-Cache"] = "miss"
    return response
