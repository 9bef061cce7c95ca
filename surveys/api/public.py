"""What every public read-only API view shares: open CORS, caching headers, clear 400s."""

import hashlib

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

# Browsers and proxies may keep a public answer this long before asking again; the ETag
# makes asking again cheap.
MAX_AGE_SECONDS = 60


class PublicReadApi(APIView):
    """A GET-only view anyone may call from any site; no login, no cookie."""

    http_method_names = ["get", "head", "options"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Public figures are meant to be reused: any site may read them from a browser.
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "If-None-Match"
        response["Access-Control-Expose-Headers"] = "ETag"
        response["Access-Control-Max-Age"] = "86400"
        return response

    def read_query(self, serializer_class) -> dict:
        """Return the checked query parameters, or answer 400 naming each bad one."""
        known = set(serializer_class().fields)
        unknown = sorted(set(self.request.query_params) - known)
        if unknown:
            raise ValidationError({name: [_("This parameter is not known.")] for name in unknown})
        serializer = serializer_class(data=self.request.query_params)
        if not serializer.is_valid():
            # A repeated parameter's errors come keyed by position; clients get one flat list.
            raise ValidationError(
                {name: _messages(errors) for name, errors in serializer.errors.items()}
            )
        return serializer.validated_data

    def cached(self, data, *, tag: str) -> Response:
        """Answer `data` with an ETag made of `tag`, or 304 when the client has it."""
        etag = '"' + hashlib.sha256(tag.encode()).hexdigest()[:32] + '"'
        headers = {"ETag": etag, "Cache-Control": f"public, max-age={MAX_AGE_SECONDS}"}
        sent = self.request.headers.get("If-None-Match", "")
        if etag in [value.strip().removeprefix("W/") for value in sent.split(",")] or (
            sent.strip() == "*"
        ):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        return Response(data, headers=headers)


def _messages(errors) -> list[str]:
    """Return every message in a (possibly nested) DRF error structure, in order."""
    if isinstance(errors, dict):
        return [message for value in errors.values() for message in _messages(value)]
    if isinstance(errors, list):
        return [message for value in errors for message in _messages(value)]
    return [str(errors)]


class LanguageQuery(serializers.Serializer):
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES],
        required=False,
        help_text=_("Language of the texts; the site's first language when left out."),
    )


class TranslatedField(serializers.CharField):
    """A text in the language the request asked for, the original where none is set."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance.translated(self.source, self.context.get("language"))
