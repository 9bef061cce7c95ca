"""The public results of each wave: its newest published, suppressed snapshot."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from analytics.selectors import published_snapshot
from surveys import selectors
from surveys.api.public import PublicReadApi


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

        wave = WaveSerializer(source="data.wave")
        version = serializers.IntegerField(
            help_text=_("Grows with every refresh; the ETag follows it.")
        )
        min_cell_size = serializers.IntegerField(
            source="data.min_cell_size",
            help_text=_("Figures from fewer responses than this are withheld (null)."),
        )
        response_count = serializers.IntegerField(
            source="data.response_count",
            allow_null=True,
            help_text=_("Null when fewer responses than the smallest group size."),
        )
        status = serializers.CharField(source="data.status")
        segments = serializers.JSONField(source="data.segments")
        participation = serializers.JSONField(source="data.participation")
        questions = serializers.JSONField()
        scales = serializers.JSONField(source="data.scales")

    @extend_schema(
        operation_id="show_results",
        parameters=[QuerySerializer],
        responses={200: OutputSerializer, 400: OpenApiResponse(), 404: OpenApiResponse()},
    )
    def get(self, request, slug):
        query = self.read_query(self.QuerySerializer)
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
        snapshot = published_snapshot(wave=wave)
        if snapshot is None:
            raise NotFound(_("No results have been published for this wave yet."))
        questions = snapshot.data.get("questions", [])
        wanted = query.get("question")
        if wanted:
            known = {question["key"] for question in questions}
            unknown = [key for key in wanted if key not in known]
            if unknown:
                raise serializers.ValidationError(
                    {"question": [_("This wave has no question %(key)s.") % {"key": unknown[0]}]}
                )
            questions = [question for question in questions if question["key"] in wanted]
        snapshot.questions = questions
        data = self.OutputSerializer(snapshot).data
        tag = f"results:{wave.pk}:{snapshot.version}:{','.join(sorted(wanted or []))}"
        return self.cached(data, tag=tag)
