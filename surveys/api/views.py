"""The survey engine's API: POST one response; GET published waves and their questionnaires."""

import uuid

from django.conf import settings
from django.core.validators import slug_re
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from surveys import guessing, models, protection, selectors
from surveys.api.public import LanguageQuery, PublicReadApi, TranslatedField
from surveys.api.serializers import raw_answer
from surveys.services import submissions
from surveys.services.responses import WaveChanged


def _messages():
    return serializers.ListField(child=serializers.CharField(), required=False)


@extend_schema_field(
    {
        "oneOf": [
            {"type": "array", "items": {"type": "string"}},
            {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        ],
        "description": "Messages about the answers as a whole, or per question key.",
    }
)
class AnswerErrorsField(serializers.JSONField):
    pass


class ResponseCreateApi(APIView):
    """Store one anonymous response; the client-made `id` makes sending twice harmless."""

    class InputSerializer(serializers.Serializer):
        id = serializers.UUIDField(help_text=_("Made by the client; the same id is stored once."))
        wave = serializers.SlugField(help_text=_("The wave's address, as in /s/<wave>/."))
        version = serializers.IntegerField(
            required=False,
            help_text=_("Version of the questionnaire the answers were given to."),
        )
        language = serializers.ChoiceField(choices=[code for code, _name in settings.LANGUAGES])
        code = serializers.CharField(
            required=False,
            allow_blank=True,
            max_length=100,
            help_text=_("The access code from a printed card, for a wave that takes codes."),
        )
        answers = serializers.DictField(
            child=serializers.JSONField(),
            help_text=_(
                "Question key → answer: a code or number, a list of codes, "
                '{"value": code, "other": text} or {"declined": true}.'
            ),
        )
        tablet = serializers.CharField(
            required=False,
            allow_blank=True,
            max_length=500,
            help_text=_("The token of a tablet staff enrolled (tablet mode), if sent from one."),
        )
        altcha = serializers.CharField(
            required=False,
            allow_blank=True,
            max_length=10_000,
            help_text=_(
                "A solved puzzle from /api/v1/challenge/, needed only while very many "
                "answers arrive (a 429 with an `altcha` message says so)."
            ),
        )

    @extend_schema_serializer(component_name="ResponseStored")
    class OutputSerializer(serializers.Serializer):
        id = serializers.UUIDField()
        stored = serializers.BooleanField(
            help_text=_("False when this id had been stored before (nothing new was written).")
        )

    @extend_schema_serializer(component_name="ResponseErrors")
    class ErrorSerializer(serializers.Serializer):
        """Every 400 and 429 body: each key names a field, each value says what is wrong."""

        detail = serializers.CharField(
            required=False, help_text=_("The body could not be read (for example not JSON).")
        )
        non_field_errors = _messages()
        id = _messages()
        wave = _messages()
        version = _messages()
        language = _messages()
        code = _messages()
        tablet = _messages()
        altcha = _messages()
        answers = AnswerErrorsField(required=False)

    @extend_schema(
        operation_id="submit_response",
        request=InputSerializer,
        responses={
            201: OutputSerializer,
            200: OutputSerializer,
            400: ErrorSerializer,
            403: ErrorSerializer,
            429: ErrorSerializer,
        },
        examples=[
            OpenApiExample(
                "One response",
                request_only=True,
                value={
                    "id": "6f1c2a56-8d0e-4a57-9a53-3f0e2b8f5c11",
                    "wave": "quartier-check",
                    "version": 1,
                    "language": "de",
                    "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4", "mitbestimmen": 7},
                },
            ),
            OpenApiExample(
                "Stored",
                response_only=True,
                status_codes=["201"],
                value={"id": "6f1c2a56-8d0e-4a57-9a53-3f0e2b8f5c11", "stored": True},
            ),
            OpenApiExample(
                "Sent before",
                response_only=True,
                status_codes=["200"],
                value={"id": "6f1c2a56-8d0e-4a57-9a53-3f0e2b8f5c11", "stored": False},
            ),
            OpenApiExample(
                "An answer is missing",
                response_only=True,
                status_codes=["400"],
                value={"answers": {"wohlfuehlen": ["Bitte beantworte diese Frage."]}},
            ),
            OpenApiExample(
                "Too many answers at once",
                response_only=True,
                status_codes=["429"],
                value={"altcha": [str(protection.MESSAGES["challenge_needed"])]},
            ),
        ],
    )
    def post(self, request):
        data = well_formed(request.data)
        if data is None:
            # Something is off: the serializer says what, in DRF's words.
            serializer = self.InputSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
        # Messages come back in the respondent's language, like the runner's.
        with translation.override(data["language"]):
            return self._store(data, request=request)

    def _store(self, data, *, request) -> Response:
        slug, token = data["wave"], data["id"]
        # A wave this process has read before is checked where the answers are stored,
        # in one statement with the token (a round trip less per answer); one with a
        # code takes the checked way, as codes are spent in a transaction of their own.
        cached = None if data.get("code") else selectors.cached_submission_wave(slug=slug)
        if cached is not None:
            wave, stamp = cached
            try:
                result = self._accept(data, request, wave=wave, wave_stamp=stamp)
            except WaveChanged:
                result = None
            if result is not None and result.is_accepted:
                return self._answer(result, data)
            # Refused, or the wave changed: read it again before saying no.
            fresh, token_is_spent = selectors.submission_wave(slug=slug, token=token)
            if result is not None and fresh is wave:
                # The same wave (a cached wave is kept while its stamp holds): the refusal
                # stands, unless it refused a resend of an answer stored before.
                if token_is_spent:
                    result = submissions.SubmissionResult(is_accepted=True)
                return self._answer(result, data)
        else:
            fresh, token_is_spent = selectors.submission_wave(slug=slug, token=token)
        result = self._accept(data, request, wave=fresh, token_is_spent=token_is_spent)
        return self._answer(result, data)

    def _accept(self, data, request, *, wave, token_is_spent=None, wave_stamp=None):
        return submissions.accept_submission(
            wave=wave,
            token_is_spent=token_is_spent,
            wave_stamp=wave_stamp,
            answers={key: raw_answer(value) for key, value in data["answers"].items()},
            language=data["language"],
            sender=submissions.Sender(
                client=guessing.client_key(request),
                challenge=data.get("altcha", ""),
                tablet_token=data.get("tablet", ""),
            ),
            token=data["id"],
            version=data.get("version"),
            access_code=data.get("code", ""),
            channel=models.Response.Channel.API,
        )

    def _answer(self, result, data) -> Response:
        if result.is_accepted:
            created = status.HTTP_201_CREATED if result.is_new else status.HTTP_200_OK
            return Response({"id": data["id"], "stored": result.is_new}, status=created)
        reason = result.reason
        if reason.part == "answers":
            errors = {key: [message] for key, message in reason.errors.items()}
            return Response({"answers": errors}, status=status.HTTP_400_BAD_REQUEST)
        return _fail(reason.part, reason.message, _STATUS.get(reason.code, 400))


# The optional text fields of a response and their longest length, as InputSerializer has them.
_OPTIONAL_TEXTS = {"code": 100, "tablet": 500, "altcha": 10_000}
_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


def well_formed(body) -> dict | None:
    """Return a plainly well-formed body's data as `InputSerializer` validates it, else None.

    Every tablet's sync and every test sends this shape, and building the serializer's
    fields cost a tenth of a submission's CPU time. Only what the serializer accepts
    unchanged passes here (plain JSON types, ASCII texts without a null or space around
    them); anything else returns None, and the serializer then answers it, with its
    messages. `tests/unit/surveys/test_api_input.py` checks both give the same data.
    """
    if type(body) is not dict:
        return None
    try:
        token, wave, language, answers = body["id"], body["wave"], body["language"], body["answers"]
    except KeyError:
        return None
    if not (
        type(token) is str
        and type(wave) is str
        and slug_re.match(wave)
        and type(language) is str
        and language in _LANGUAGES
        and type(answers) is dict
        and all(value is not None for value in answers.values())
    ):
        return None
    try:
        data = {"id": uuid.UUID(hex=token), "wave": wave, "language": language}
    except ValueError:
        return None
    data["answers"] = answers
    version = body.get("version")
    if version is not None:
        if type(version) is not int:
            return None
        data["version"] = version
    elif "version" in body:
        return None
    for name, longest in _OPTIONAL_TEXTS.items():
        if name not in body:
            continue
        text = body[name]
        if not (
            type(text) is str
            and len(text) <= longest
            and text.isascii()
            and "\x00" not in text
            and text == text.strip()
        ):
            return None
        data[name] = text
    return data


# A refusal the sender can wait out is a 429; a revoked tablet is forbidden; else 400.
_STATUS = {
    "tablet_revoked": status.HTTP_403_FORBIDDEN,
    "tablet_limit": status.HTTP_429_TOO_MANY_REQUESTS,
    "challenge_needed": status.HTTP_429_TOO_MANY_REQUESTS,
    "too_many": status.HTTP_429_TOO_MANY_REQUESTS,
}


def _fail(field: str, message, code: int = status.HTTP_400_BAD_REQUEST) -> Response:
    return Response({field: [message]}, status=code)


class ConditionSerializer(serializers.Serializer):
    question = serializers.SlugField(source="condition_question")
    operator = serializers.CharField(source="condition_operator")
    value = serializers.CharField(source="condition_value")


class ConditionField(ConditionSerializer):
    """A "show only if" rule (an earlier answer compared to a value), or null for none."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, instance):
        if not instance.condition_question or not instance.condition_operator:
            return None
        return super().to_representation(instance)


NOT_FOUND = _("There is no published wave at this address.")


class ChallengeApi(APIView):
    """Hand out a fresh proof-of-work puzzle (ALTCHA) for a burst of answers."""

    http_method_names = ["get", "head", "options"]

    @extend_schema_serializer(component_name="Challenge")
    class OutputSerializer(serializers.Serializer):
        parameters = serializers.DictField(help_text=_("What the browser must solve."))
        signature = serializers.CharField(help_text=_("Our signature over the parameters."))

    @extend_schema(
        operation_id="make_challenge",
        parameters=[
            OpenApiParameter(
                "wave",
                str,
                required=False,
                description=_("The wave the answers are for; its burst sets the difficulty."),
            )
        ],
        responses=OutputSerializer,
    )
    def get(self, request):
        slug = request.query_params.get("wave", "")[:100]
        # Anything but a slug names no wave (and never reaches the database).
        wave = selectors.wave_by_slug(slug=slug) if slug_re.fullmatch(slug) else None
        challenge = protection.make_challenge_for(request, wave_id=wave.pk if wave else None)
        return Response(challenge, headers={"Cache-Control": "no-store"})


class WaveListApi(PublicReadApi):
    """List the waves that have opened, newest first."""

    @extend_schema_serializer(component_name="WaveSummary")
    class OutputSerializer(serializers.Serializer):
        slug = serializers.SlugField()
        title = serializers.CharField()
        label = serializers.CharField()
        opens_at = serializers.DateTimeField()
        closes_at = serializers.DateTimeField(allow_null=True)
        languages = serializers.ListField(child=serializers.CharField(), source="offered_languages")
        results_are_public = serializers.BooleanField(
            help_text=_("False while staff keep the results hidden until the wave closes.")
        )
        questionnaire = serializers.CharField(source="questionnaire.key")
        questionnaire_version = serializers.IntegerField(source="questionnaire.version")

    class EmptyQuery(serializers.Serializer):
        pass

    @extend_schema(operation_id="list_waves", responses=OutputSerializer(many=True))
    def get(self, request):
        self.read_query(self.EmptyQuery)
        waves = list(selectors.published_waves())
        data = self.OutputSerializer(waves, many=True).data
        return self.cached(data, tag=repr(data))


class WaveQuestionnaireApi(PublicReadApi):
    """Show the questionnaire of one published wave: public texts, options and scales."""

    @extend_schema_serializer(component_name="Questionnaire")
    class OutputSerializer(serializers.Serializer):
        class QuestionSerializer(serializers.Serializer):
            class OptionSerializer(serializers.Serializer):
                value = serializers.CharField()
                label = TranslatedField()
                score = serializers.IntegerField(allow_null=True)
                asks_for_text = serializers.BooleanField()

            key = serializers.SlugField()
            kind = serializers.CharField()
            page = serializers.IntegerField()
            text = TranslatedField()
            help_text = TranslatedField()
            is_required = serializers.BooleanField()
            allows_decline = serializers.BooleanField()
            min_choices = serializers.IntegerField(allow_null=True)
            max_choices = serializers.IntegerField(allow_null=True)
            min_value = serializers.FloatField(allow_null=True)
            max_value = serializers.FloatField(allow_null=True)
            max_length = serializers.IntegerField(
                allow_null=True, help_text=_("Longest text accepted; empty means the default.")
            )
            show_if = ConditionField(source="*")
            segment = serializers.CharField(
                help_text=_("The breakdown dimension this question feeds, if any.")
            )
            options = OptionSerializer(many=True, source="options.all")

        class PageSerializer(serializers.Serializer):
            number = serializers.IntegerField()
            title = TranslatedField()
            intro = TranslatedField()
            show_if = ConditionField(source="*")

        class ScaleSerializer(serializers.Serializer):
            class ScaleItemSerializer(serializers.Serializer):
                question = serializers.SlugField(source="question.key")
                is_reversed = serializers.BooleanField()
                subscale = serializers.CharField()

            key = serializers.SlugField()
            name = TranslatedField()
            scoring = serializers.CharField()
            min_answered = serializers.IntegerField()
            items = ScaleItemSerializer(many=True, source="items.all")

        key = serializers.SlugField()
        version = serializers.IntegerField()
        language = serializers.CharField()
        title = TranslatedField()
        intro = TranslatedField()
        questions = QuestionSerializer(many=True, source="questions.all")
        pages = PageSerializer(many=True, source="pages.all")
        scales = ScaleSerializer(many=True, source="scales.all")

    @extend_schema(
        operation_id="show_questionnaire",
        parameters=[LanguageQuery],
        responses={200: OutputSerializer, 400: OpenApiResponse(), 404: OpenApiResponse()},
    )
    def get(self, request, slug):
        query = self.read_query(LanguageQuery)
        language = query.get("language", settings.LANGUAGE_CODE)
        wave = selectors.published_wave(slug=slug)
        if wave is None:
            raise NotFound(NOT_FOUND)
        questionnaire = selectors.questionnaire_definition(questionnaire=wave.questionnaire)
        questionnaire.language = language
        tag = f"questionnaire:{questionnaire.pk}:{questionnaire.changed_at.isoformat()}:{language}"
        data = self.OutputSerializer(questionnaire, context={"language": language}).data
        return self.cached(data, tag=tag)
