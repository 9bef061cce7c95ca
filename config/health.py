"""Liveness and readiness, answered before host checks so probes on 127.0.0.1 work."""

import json

from django.conf import settings
from django.db import connection
from django.http import HttpResponse


def _json(payload: dict, status: int) -> HttpResponse:
    response = HttpResponse(json.dumps(payload), content_type="application/json", status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        return f"database unreachable: {error.__class__.__name__}"
    return None


def broker_problem() -> str | None:
    if not settings.REDIS_URL:
        return None  # Embedded default: tasks run eagerly in this process.
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
    except Exception as error:
        return f"broker unreachable: {error.__class__.__name__}"
    return None


class HealthCheckMiddleware:
    """Answer /healthz and /readyz before ALLOWED_HOSTS and HTTPS redirects apply."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return _json({"status": "ok"}, 200)
        if request.path == "/readyz":
            problems = [p for p in (database_problem(), broker_problem()) if p]
            if problems:
                return _json({"status": "unavailable", "problems": problems}, 503)
            return _json(
                {"status": "ok", "broker": "redis" if settings.REDIS_URL else "eager"}, 200
            )
        return self.get_response(request)
