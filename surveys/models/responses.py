"""Anonymous responses and their answers.

A `Response` never holds anything that could identify the person who gave it.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.models.paper import PaperBatch
from surveys.models.questionnaires import Option, Question, Questionnaire
from surveys.models.waves import Wave

# Record keys run from 0 to RECORD_KEY_RANGE - 1 (analytics/perturbation.py uses them).
RECORD_KEY_RANGE = 256


def random_record_key() -> int:
    """Return a new response's record key: uniform, from a secure source, linked to nothing."""
    return secrets.randbelow(RECORD_KEY_RANGE)


class Response(models.Model):
    """One anonymous submission: the wave, the version, the language and the day only."""

    class Channel(models.TextChoices):
        """How the answer reached us; never which device, code or person."""

        ONLINE = "online", _("Online")
        CODE = "code", _("Online with a printed code")
        TABLET = "tablet", _("Staff tablet")
        PAPER = "paper", _("Paper, typed in by staff")
        API = "api", _("Programming interface (API)")

    # No index of its own: `response_wave_id` (wave, id) begins with it and serves every
    # lookup by wave; a second one only cost each stored response another index write.
    wave = models.ForeignKey(
        Wave, on_delete=models.PROTECT, related_name="responses", db_index=False
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="responses"
    )
    language = models.CharField(max_length=16)
    day = models.DateField()
    # Copied from the segment questions' answers so breakdowns are one GROUP BY.
    quarter = models.CharField(max_length=64, blank=True)
    age_band = models.CharField(max_length=64, blank=True)
    gender = models.CharField(max_length=64, blank=True)
    home_language = models.CharField(max_length=64, blank=True)
    # A database default too, so bulk loads in plain SQL (benchmarks, imports) need not name it.
    channel = models.CharField(
        max_length=16, choices=Channel.choices, default=Channel.ONLINE, db_default=Channel.ONLINE
    )
    paper_batch = models.ForeignKey(
        PaperBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="responses"
    )
    # A random number linked to nothing, from which published figures get their small,
    # repeatable perturbation (analytics/perturbation.py). Loaders in plain SQL set it too.
    record_key = models.PositiveSmallIntegerField(default=random_record_key, editable=False)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["wave", "id"], name="response_wave_id")]

    def __str__(self):
        return f"#{self.pk} ({self.wave_id}, {self.day})"


class Answer(models.Model):
    """One answer to one question; a multiple-choice question has one row per chosen option.

    Exactly one of `option`, `number`, `text` holds the answer, or `declined` says the
    person chose "prefer not to say" (counted apart, never as a value).
    """

    # No foreign key constraints in the database for answers (Django still cascades and
    # protects on delete). An answer is written only in the statement or transaction of
    # its response, against the questionnaire's checked questions and options; the
    # constraints' checks locked those shared question and option rows for every answer
    # of every submission and cost a third of the database's time per stored response.
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", db_constraint=False
    )
    # No index of its own: `answer_question_option` (question, option) begins with it.
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        related_name="answers",
        db_index=False,
        db_constraint=False,
    )
    option = models.ForeignKey(
        Option,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answers",
        db_constraint=False,
    )
    number = models.FloatField(null=True, blank=True)
    text = models.TextField(blank=True)
    declined = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question", "option"], name="answer_question_option")]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or self.number}"


class LinkingHash(models.Model):
    """A keyed fingerprint of a response's linking code with one element left out.

    Five per response (one per left-out element), so an answer whose code differs in
    one element from an earlier one still shares a fingerprint with it. The elements
    themselves are never stored; without the key the fingerprints reveal nothing.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="+")
    left_out = models.PositiveSmallIntegerField()
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("linking fingerprint")
        verbose_name_plural = _("linking fingerprints")
        indexes = [models.Index(fields=["digest"], name="linking_hash_digest")]
        constraints = [
            models.UniqueConstraint(fields=["response", "left_out"], name="unique_linking_hash")
        ]

    def __str__(self):
        return f"{self.response_id}/{self.left_out}"
