"""Open and close waves."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from surveys.models import Wave
from surveys.translation import incomplete_choice


class LanguagesIncomplete(Exception):
    """A chosen language lacks wording; `message` names every missing text."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# Audit actions, registered with their wording in analytics/audit.py (surveys may not
# import analytics, so it logs through Wagtail alone).
WAVE_OPENED = "part.wave_opened"
WAVE_CLOSED = "part.wave_closed"


@transaction.atomic
def open_wave(*, wave: Wave, user=None, at=None) -> Wave:
    """Take answers from now on (a closing time in the past is cleared).

    Refused while a chosen language lacks wording, so nobody meets German questions under
    a translated frame.
    """
    problem = incomplete_choice(questionnaire=wave.questionnaire, languages=wave.languages or [])
    if problem:
        raise LanguagesIncomplete(problem)
    at = at or timezone.now()
    wave.opens_at = min(wave.opens_at, at) if wave.opens_at else at
    if wave.closes_at is not None and wave.closes_at <= at:
        wave.closes_at = None
    wave.save(update_fields=["opens_at", "closes_at"])
    log(instance=wave, action=WAVE_OPENED, user=user, data={"wave": wave.slug})
    return wave


@transaction.atomic
def close_wave(*, wave: Wave, user=None, at=None) -> Wave:
    """Stop taking answers now; results of an "after closing" wave may then be public."""
    wave.closes_at = at or timezone.now()
    wave.save(update_fields=["closes_at"])
    log(instance=wave, action=WAVE_CLOSED, user=user, data={"wave": wave.slug})
    return wave


WAVE_ACCEPTS_CODES = "part.wave_accepts_codes"
WAVE_VERSION_SWITCHED = "part.wave_version_switched"


class NotAVersionOfThisQuestionnaire(Exception):
    """A wave may only move to another version of the questionnaire it already uses."""


@transaction.atomic
def accept_codes(*, wave: Wave, user=None) -> bool:
    """Let a wave open to anyone accept printed codes too; return whether it changed.

    Answering without a code stays possible; only staff decide to require codes.
    """
    if wave.code_policy != Wave.CodePolicy.OPEN:
        return False
    wave.code_policy = Wave.CodePolicy.OPTIONAL
    wave.save(update_fields=["code_policy"])
    log(instance=wave, action=WAVE_ACCEPTS_CODES, user=user, data={"wave": wave.slug})
    return True


@transaction.atomic
def switch_version(*, wave: Wave, questionnaire, user=None) -> Wave:
    """Let `wave` ask the questions of another version of its questionnaire from now on.

    Answers already given keep the version they answered (each response names it).
    """
    if questionnaire.key != wave.questionnaire.key:
        raise NotAVersionOfThisQuestionnaire
    wave.questionnaire = questionnaire
    wave.save(update_fields=["questionnaire"])
    log(
        instance=wave,
        action=WAVE_VERSION_SWITCHED,
        user=user,
        data={
            "wave": wave.slug,
            "questionnaire": questionnaire.key,
            "version": questionnaire.version,
        },
    )
    return wave
