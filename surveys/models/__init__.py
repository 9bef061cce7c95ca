"""Questionnaires, waves and anonymous responses, one module per concern.

Every model and public helper is importable from `surveys.models` as before, so
`from surveys.models import Wave` and `models.Wave` work everywhere.
"""

from surveys.models.codes import AccessCode, AccessCodeManager, CodeBatch, SpentSet
from surveys.models.paper import PaperBatch, PaperSheet
from surveys.models.progress import PageProgress
from surveys.models.protection import ProtectionCounter
from surveys.models.questionnaires import (
    Condition,
    Kind,
    Option,
    Question,
    Questionnaire,
    Scale,
    ScaleItem,
    Segment,
    SurveyPage,
    Translatable,
    condition_fields,
)
from surveys.models.responses import (
    RECORD_KEY_RANGE,
    Answer,
    LinkingHash,
    Response,
    random_record_key,
)
from surveys.models.tablets import TabletDevice
from surveys.models.waves import LICENCE_URLS, Wave, WaveStatus

__all__ = [
    "LICENCE_URLS",
    "RECORD_KEY_RANGE",
    "AccessCode",
    "AccessCodeManager",
    "Answer",
    "CodeBatch",
    "Condition",
    "Kind",
    "LinkingHash",
    "Option",
    "PageProgress",
    "PaperBatch",
    "PaperSheet",
    "ProtectionCounter",
    "Question",
    "Questionnaire",
    "Response",
    "Scale",
    "ScaleItem",
    "Segment",
    "SpentSet",
    "SurveyPage",
    "TabletDevice",
    "Translatable",
    "Wave",
    "WaveStatus",
    "condition_fields",
    "random_record_key",
]
