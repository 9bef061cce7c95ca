"""Delete what the retention rules of every app say must go."""

import datetime
import logging
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger("part.retention")


def retention_rules() -> list[tuple]:
    """Collect RETENTION_RULES from each installed app's `retention` module.

    A rule is a label and a function from "now" to a queryset of what must go, and
    optionally a function called with that queryset just before it is deleted.
    """
    rules = []
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.retention"
        if find_spec(module_name) is None:
            continue
        for label, expired, *before_delete in getattr(
            import_module(module_name), "RETENTION_RULES", []
        ):
            rules.append((f"{app_config.label}: {label}", expired, *before_delete))
    return rules


@transaction.atomic
def purge_expired(*, now: datetime.datetime | None = None, dry_run: bool = False) -> dict:
    """Delete everything past its retention period; return how many of each kind."""
    now = now or timezone.now()
    counts = {}
    for label, expired, *before_delete in retention_rules():
        queryset = expired(now)
        if dry_run:
            counts[label] = queryset.count()
            logger.info("Retention (dry run): %s expired entries of %s", counts[label], label)
            continue
        for prepare in before_delete:
            prepare(queryset)
        # Count rows of the rule's own model, not the cascade Django reports in total.
        counts[label] = queryset.delete()[1].get(queryset.model._meta.label, 0)
        logger.info("Retention: deleted %s expired entries of %s", counts[label], label)
    return counts
