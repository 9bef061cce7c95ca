"""Error answers that say truthfully what happened to the answers someone sent.

Database unreachable: 503 with Retry-After, JSON on /api/, elsewhere a plain page that
needs no database (no navigation, no settings) and says the answers on the page were not
sent and can be sent again (the runner keeps them in its signed form, and a second
sending is stored once). A body over the size limit gets a JSON 413 on the API, with no
traceback in the log.
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


def api_exception_handler(error, context):
    """Turn a too-large body and a lost database into JSON answers on the API."""
    request = context["request"]
    if isinstance(error, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return _no_store(
            JsonResponse(
                {
                    "detail": _(
                        "The request is too large: at most %(limit)s bytes are accepted. "
                        "Nothing was stored."
                    )
                    % {"limit": limit}
                },
                status=413,
            )
        )
    if is_database_outage(error):
        return database_unavailable(request, error)
    return exception_handler(error, context)


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
