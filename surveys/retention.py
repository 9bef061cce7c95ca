"""Retention rules of the survey engine, found by name by the `purge_expired` command."""

from datetime import timedelta

from django.conf import settings

from surveys.models import CodeBatch, SpentSet
from surveys.services.code_batches import discard_unclaimed_code_sheets


def expired_submission_tokens(now):
    """Return the days' sets of spent one-time tokens older than their retention period."""
    days = settings.PART_SUBMISSION_TOKEN_RETENTION_DAYS
    cutoff = (now - timedelta(days=days)).date().isoformat()
    # The scope of a token set is its ISO day, which sorts as the day does.
    return SpentSet.objects.filter(kind=SpentSet.Kind.TOKENS, scope__lt=cutoff)


def unclaimed_code_batches(now):
    """Return card orders whose PDF nobody downloaded within the retention period.

    Their file holds the only plain copy of their codes, so it must not wait forever;
    their codes go with it, since nobody can ever print them.
    """
    days = settings.PART_CODE_SHEET_RETENTION_DAYS
    return CodeBatch.objects.filter(
        status=CodeBatch.Status.READY, requested_at__lt=now - timedelta(days=days)
    )


RETENTION_RULES = [
    ("submission tokens", expired_submission_tokens),
    (
        "unclaimed code sheets",
        unclaimed_code_batches,
        lambda batches: discard_unclaimed_code_sheets(batches=batches),
    ),
]
