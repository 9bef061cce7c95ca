"""Open and close waves."""

from django.utils import timezone

from surveys.models import Wave
from surveys.translation import incomplete_choice


class LanguagesIncomplete(Exception):
    """A chosen language lacks wording; `message` names every missing text."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def open_wave(*, wave: Wave, at=None) -> Wave:
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
    return wave


def close_wave(*, wave: Wave, at=None) -> Wave:
    """Stop taking answers now; results of an "after closing" wave may then be public."""
    wave.closes_at = at or timezone.now()
    wave.save(update_fields=["closes_at"])
    return wave
