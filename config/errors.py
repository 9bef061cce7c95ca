"""Error answers that say truthfully what happened to the answers someone sent.

Database unreachable: 503 with Retry-After, JSON on /api/, elsewhere a plain page that
needs no database (no navigation, no settings) and says the answers on the page were not
sent and can be sent again (the runner keeps them in its signed form, and a second
sending is stored once). A body over the size limit gets a 413 (JSON on the API, else a
plain page saying the answers were not sent), a form that cannot be read a plain 400,
both with no traceback in the log.
"""

import logging
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from rest_framework.views import exception_handler

logger = logging.getLogger("config.errors")

API_PREFIX = "/api/"


def is_database_outage(error: BaseException | None) -> bool:
    """Say whether `error` means the database cannot be reached (or dropped us)."""
    return isinstance(error, OperationalError | InterfaceError)


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable(request, error: BaseException | None = None) -> HttpResponse:
    """Answer 503: nothing was stored; send again once the database is back."""
    # One line, no traceback and no address: an outage would otherwise flood the log.
    logger.warning(
        "Database unreachable (%s); answered 503 to %s %s.",
        error.__class__.__name__ if error else "unknown",
        request.method,
        request.path,
    )
    if _is_api(request):
        response = JsonResponse(
            {
                "detail": _(
                    "The database cannot be reached right now, so nothing was stored. "
                    "Please send the same answers again in a few minutes; an id that "
                    "was already stored is stored only once."
                )
            },
            status=503,
        )
    else:
        content = loader.get_template("503.html").render({})
        response = HttpResponse(content, status=503)
    response["Retry-After"] = str(settings.PART_RETRY_AFTER_SECONDS)
    return _no_store(response)


def server_error(request) -> HttpResponse:
    """Handle every uncaught error (`handler500`): a 503 when the database is gone."""
    error = sys.exc_info()[1]
    if is_database_outage(error):
        return database_unavailable(request, error)
    if _is_api(request):
        return _no_store(
            JsonResponse(
                {
                    "detail": _(
                        "Something went wrong on our side. Your answers may not have been "
                        "stored: please send them again later; an id that was already "
                        "stored is stored only once."
                    )
                },
                status=500,
            )
        )
    return _no_store(HttpResponse(loader.get_template("500.html").render({}), status=500))


def _too_large_message() -> str:
    return _(
        "The request is too large: at most %(limit)s bytes are accepted. Nothing was stored."
    ) % {"limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}


def request_too_large(request) -> HttpResponse:
    """Answer 413: the body was over the limit and nothing in it was read or stored."""
    logger.info("Body over the limit; answered 413 to %s %s.", request.method, request.path)
    if _is_api(request):
        response = JsonResponse({"detail": _too_large_message()}, status=413)
    else:
        response = HttpResponse(loader.get_template("413.html").render({}), status=413)
    return _no_store(response)


def bad_request(request, exception=None) -> HttpResponse:
    """Handle a request Django could not read (`handler400`): nothing in it was stored."""
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request)
    if _is_api(request):
        response = JsonResponse(
            {"detail": _("The request could not be read, so nothing was stored.")}, status=400
        )
    else:
        response = HttpResponse(loader.get_template("400.html").render({}), status=400)
    return _no_store(response)


def api_exception_handler(error, context):
    """Turn a too-large body and a lost database into JSON answers on the API."""
    request = context["request"]
    if isinstance(error, RequestDataTooBig):
        return request_too_large(request)
    if is_database_outage(error):
        return database_unavailable(request, error)
    return exception_handler(error, context)


class BodyLimitMiddleware:
    """Answer a body announced as over the limit with the 413 before anything reads it.

    Django would raise `RequestDataTooBig` where the body is first read (the CSRF check)
    and log it with a traceback as a security event. Files sent as multipart are not
    counted against the limit (Django streams them), so those requests pass.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and not request.content_type.startswith("multipart/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > limit:
                return request_too_large(request)
        return self.get_response(request)


class DatabaseOutageMiddleware:
    """Answer a view that lost the database with the 503, without a logged traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return database_unavailable(request, exception)
        return None
