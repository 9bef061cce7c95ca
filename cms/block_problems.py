"""What keeps a dashboard block from working, said on the block's own fields."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from analytics.charts import SCALE_PREFIX
from analytics.subscales import scale_is_asked
from surveys.models import Wave


class CheckedStructBlock(blocks.StructBlock):
    """A block whose value `problems(value)` checks: child block name → message."""

    def problems(self, value) -> dict:
        return {}

    def clean(self, value):
        value = super().clean(value)
        if problems := self.problems(value):
            raise blocks.StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in problems.items()}
            )
        return value


def answer_codes(text: str) -> list[str]:
    """Return the answer codes staff typed, separated by commas."""
    return [code.strip() for code in text.split(",") if code.strip()]


def answer_problems(
    *,
    wave: Wave,
    key: str,
    answers: list[str],
    has_average: Callable[[str], bool],
    no_average: str,
) -> dict:
    """Return what keeps a share of answers or an average of one question or scale working.

    A scale gives an average, so it takes no answers to count; a question with answer
    options gives the share of the `answers` codes; any other question gives an average
    when `has_average(its kind)`, and `no_average` is the problem when not.
    """
    if key.startswith(SCALE_PREFIX):
        if not scale_is_asked(wave.questionnaire, key.removeprefix(SCALE_PREFIX)):
            return {
                "question": _("This scale is not part of the wave “%(wave)s”.") % {"wave": wave}
            }
        if answers:
            return {"answers": _("A scale has no answers to count; leave this empty.")}
        return {}
    question = wave.questionnaire.questions.filter(key=key).first()
    if question is None:
        return {
            "question": _("This is not asked in the wave “%(wave)s”; choose one that is.")
            % {"wave": wave}
        }
    if question.has_options:
        codes = set(question.options.values_list("value", flat=True))
        if not answers or any(code not in codes for code in answers):
            return {
                "answers": _("Give one or more of the answer codes of this question: %(codes)s.")
                % {"codes": ", ".join(sorted(codes))}
            }
        return {}
    if not has_average(question.kind):
        return {"question": no_average}
    if answers:
        return {"answers": _("This question has no answer options; leave this empty.")}
    return {}
