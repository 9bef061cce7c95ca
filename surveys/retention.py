"""Retention rules of surveys, found by name by the `purge_expired` command."""

from datetime import timedelta

from django.conf import settings

from surveys.models import SubmissionToken


def expired_submission_tokens(now):
    """Return the spent one-time tokens older than their retention period."""
    days = settings.PART_SUBMISSION_TOKEN_RETENTION_DAYS
    return SubmissionToken.objects.filter(day__lt=(now - timedelta(days=days)).date())


RETENTION_RULES = [("submission tokens", expired_submission_tokens)]
