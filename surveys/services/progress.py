"""Count runner pages in aggregate, for the field monitor."""

from django.db import IntegrityError, transaction
from django.db.models import F

from surveys.models import PageProgress, Wave


def count_survey_finished(*, wave: Wave) -> None:
    """Add one to the counter of surveys sent in full from the runner."""
    count_page_sent(wave=wave, page=PageProgress.FINISHED)


def count_page_sent(*, wave: Wave, page: int) -> None:
    """Add one to the counter of a page sent without errors (nothing about who sent it)."""
    if PageProgress.objects.filter(wave=wave, page=page).update(sent=F("sent") + 1):
        return
    try:
        with transaction.atomic():
            PageProgress.objects.create(wave=wave, page=page, sent=1)
    except IntegrityError:
        # Another young person sent the same page first and created the row.
        PageProgress.objects.filter(wave=wave, page=page).update(sent=F("sent") + 1)
