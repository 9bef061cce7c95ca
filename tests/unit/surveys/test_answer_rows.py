"""Answers keep to their response, question and option without database constraints."""

import pytest
from django.db.models import ProtectedError

from surveys.models import Answer, Option, Question, Response
from tests.factories import WaveFactory, submit

pytestmark = pytest.mark.django_db


def test_deleting_a_response_deletes_its_answers_and_nothing_else():
    wave = WaveFactory()
    submit(wave, 2)
    first, second = Response.objects.order_by("pk")
    kept = Answer.objects.filter(response=second).count()

    first.delete()

    assert not Answer.objects.filter(response_id=first.pk).exists()
    assert Answer.objects.count() == kept > 0


def test_deleting_a_waves_responses_deletes_their_answers():
    wave = WaveFactory()
    other = WaveFactory(questionnaire=wave.questionnaire, slug="andere-welle")
    submit(wave, 2)
    submit(other, 1)

    Response.objects.filter(wave=wave).delete()

    assert set(Answer.objects.values_list("response__wave", flat=True)) == {other.pk}
    assert not Answer.objects.exclude(response__in=Response.objects.all()).exists()


def test_a_question_or_option_with_answers_cannot_be_deleted():
    wave = WaveFactory()
    submit(wave, 1)
    answered = Answer.objects.filter(option__isnull=False).first()

    with pytest.raises(ProtectedError):
        Option.objects.get(pk=answered.option_id).delete()
    with pytest.raises(ProtectedError):
        Question.objects.get(pk=answered.question_id).delete()
    assert Answer.objects.filter(pk=answered.pk).exists()
