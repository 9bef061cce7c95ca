"""The public results of each wave: its newest published, suppressed snapshot."""

import gzip

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from analytics import open_data
from analytics.charts.wording import perturbation_method, perturbation_sentence, withheld_text
from analytics.perturbation import LARGEST_NOISE
from analytics.selectors import public_results_version, published_snapshot
from surveys import selectors
from surveys.api.public import MAX_AGE_SECONDS, PublicReadApi

# What a client gets for a bad query parameter (each one named) and for a missing wave.
QUERY_ERRORS = OpenApiResponse(
    {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    description=_("Each bad query parameter with what is wrong with it."),
)
NOT_FOUND = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description=_("No such wave, or its results are not public (yet)."),
)
# A cached answer is dropped after a day even if no newer snapshot replaced it.
CACHE_SECONDS = 24 * 60 * 60


def _public_wave(slug: str):
    """Return the wave whose results are public now, or answer 404 saying why not."""
    wave = selectors.published_wave(slug=slug)
    if wave is None:
        raise NotFound(_("There is no published wave at this address."))
    if not wave.results_are_public():
        raise NotFound(
            _("The results of this wave are published once it has closed on %(date)s.")
            % {"date": timezone.localdate(wave.closes_at).isoformat()}
            if wave.closes_at
            else _("The results of this wave are published once it has closed.")
        )
    return wave


@extend_schema_field(
    {
        "type": "object",
        "properties": {
            "is_perturbed": {"type": "boolean"},
            "method": {"type": "string"},
            "withheld": {"type": "string"},
        },
    }
)
class ProtectionField(serializers.Field):
    """How the figures are protected, in the reader's language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, snapshot):
        return {
            "is_perturbed": snapshot.figures.is_perturbed,
            "method": f"{perturbation_sentence()} {perturbation_method(LARGEST_NOISE)}",
            "withheld": str(withheld_text(snapshot.min_cell_size)),
        }


@extend_schema_field(OpenApiTypes.URI)
class OpenDataLinkField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, snapshot):
        path = reverse("analytics_api:open-data", kwargs={"slug": snapshot.figures.wave.slug})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class WaveResultsApi(PublicReadApi):
    """Show the published figures of one wave; withheld cells are null, never zero."""

    class QuerySerializer(serializers.Serializer):
        question = serializers.ListField(
            child=serializers.SlugField(),
            required=False,
            help_text=_("Only these questions (repeat the parameter for several)."),
        )

    @extend_schema_serializer(component_name="WaveResults")
    class OutputSerializer(serializers.Serializer):
        class WaveSerializer(serializers.Serializer):
            slug = serializers.SlugField()
            title = serializers.CharField()
            label = serializers.CharField()

        wave = WaveSerializer(source="figures.wave")
        version = serializers.IntegerField(
            help_text=_("Grows with every published version; the ETag follows it.")
        )
        min_cell_size = serializers.IntegerField(
            source="figures.min_cell_size",
            help_text=_("Figures from fewer responses than this are withheld (null)."),
        )
        response_count = serializers.IntegerField(
            source="figures.response_count",
            allow_null=True,
            help_text=_("Null when fewer responses than the smallest group size."),
        )
        status = serializers.CharField(source="figures.status")
        # The published layout of each part, as stored (snapshot_schema.SnapshotFigures).
        segments = serializers.JSONField(source="figures.segments_json")
        participation = serializers.JSONField(source="figures.participation_json")
        questions = serializers.JSONField()
        scales = serializers.JSONField(
            source="figures.scales_json",
            help_text=_(
                "Each scored scale with its average, interval and breakdowns, and under "
                "“subscales” the same figures for each of its subscales."
            ),
        )
        protection = ProtectionField(
            help_text=_(
                "Whether the figures are perturbed and how; what a withheld (null) figure means."
            )
        )
        open_data = OpenDataLinkField(
            help_text=_(
                "The open-data package of this wave: CSV, JSON and a README with the licence."
            )
        )

    @extend_schema(
        operation_id="show_results",
        parameters=[QuerySerializer],
        responses={200: OutputSerializer, 400: QUERY_ERRORS, 404: NOT_FOUND},
    )
    def get(self, request, slug):
        query = self.read_query(self.QuerySerializer)
        state = public_results_version(slug=slug)
        if state is None:
            _public_wave(slug)  # Answers 404 saying why, if the wave is the reason.
            raise NotFound(_("No results have been published for this wave yet."))
        wave_id, version = state
        wanted = query.get("question")
        tag = f"results:{wave_id}:{version}:{','.join(sorted(wanted or []))}"
        headers_only = self.cached({}, tag=tag)
        if headers_only.status_code == 304:
            return headers_only
        # The version is in the key, so a new snapshot is never answered from the cache.
        renderer = request.accepted_renderer
        key = f"api:{tag}:{request.get_host()}:{renderer.format}"
        # At a million responses the answer is some 300 KB: compressing it again for every
        # request took most of the time. It holds no secret (no CSRF token, nothing
        # personal), so one compressed copy may be sent to everyone (no BREACH padding).
        is_gzip = renderer.format == "json" and re_accepts_gzip.search(
            request.META.get("HTTP_ACCEPT_ENCODING", "")
        )
        body = cache.get(f"{key}:gzip") if is_gzip else None
        if body is None:
            body = cache.get(key)
            if body is None:
                wave = selectors.published_wave(slug=slug)
                data = self._figures(wave, wanted)
                if renderer.format != "json":
                    return self.cached(data, tag=tag)  # The browsable page is not worth keeping.
                body = renderer.render(data, renderer_context=self.get_renderer_context())
                cache.set(key, body, CACHE_SECONDS)
            if is_gzip:
                body = gzip.compress(body, mtime=0)
                cache.set(f"{key}:gzip", body, CACHE_SECONDS)
        response = HttpResponse(body, content_type="application/json")
        response["ETag"] = headers_only["ETag"]
        response["Cache-Control"] = headers_only["Cache-Control"]
        patch_vary_headers(response, ["Accept-Encoding"])
        if is_gzip:
            # As GZipMiddleware marks what it compressed (RFC 9110: a weak validator).
            response["Content-Encoding"] = "gzip"
            if response["ETag"].startswith('"'):
                response["ETag"] = f"W/{response['ETag']}"
        return response

    def _figures(self, wave, wanted) -> dict:
        snapshot = published_snapshot(wave=wave)
        questions = snapshot.figures.questions
        if wanted:
            known = {question.key for question in questions}
            unknown = [key for key in wanted if key not in known]
            if unknown:
                raise serializers.ValidationError(
                    {"question": [_("This wave has no question %(key)s.") % {"key": unknown[0]}]}
                )
            questions = [question for question in questions if question.key in wanted]
        snapshot.questions = [dict(question.source) for question in questions]
        return self.OutputSerializer(snapshot, context={"request": self.request}).data


class WaveOpenDataApi(PublicReadApi):
    """Download a wave's open-data package: its public figures as CSV and JSON, with a README.

    The README names the licence staff chose for the wave (CC BY 4.0 unless they chose
    another), the attribution, the snapshot version and date, and the smallest group size.
    """

    class EmptyQuery(serializers.Serializer):
        pass

    def perform_content_negotiation(self, request, force=False):
        # A client asking for application/zip still gets a JSON error when there is no file.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        operation_id="download_open_data",
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description=_("A ZIP file.")
            ),
            304: OpenApiResponse(description=_("The client's copy is current.")),
            400: QUERY_ERRORS,
            404: NOT_FOUND,
        },
    )
    def get(self, request, slug):
        self.read_query(self.EmptyQuery)
        wave = _public_wave(slug)
        snapshot = published_snapshot(wave=wave)
        if snapshot is None:
            raise NotFound(_("No results have been published for this wave yet."))
        tag = f"open-data:{wave.pk}:{snapshot.version}:{wave.licence}"
        empty = self.cached({}, tag=tag)
        if empty.status_code == 304:
            return empty
        key = f"api:{tag}:{request.LANGUAGE_CODE}:{request.get_host()}"
        content = cache.get(key)
        if content is None:
            source = request.build_absolute_uri(
                reverse("analytics_api:results", kwargs={"slug": wave.slug})
            )
            content = open_data.open_data_package(wave=wave, snapshot=snapshot, source_url=source)
            cache.set(key, content, CACHE_SECONDS)
        filename = open_data.package_filename(wave=wave, snapshot=snapshot)
        response = HttpResponse(content, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["ETag"] = empty["ETag"]
        response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
        return response
