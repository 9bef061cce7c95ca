"""What analytics announces to the apps that show its figures (it knows no listener)."""

from django.db import transaction
from django.dispatch import Signal

from surveys.models import Wave

# Sent after commit with wave_id when something public about a wave changed: a new
# snapshot version, a new comparison with another wave, or a quote approved or withdrawn.
results_published = Signal()


def announce_results_published(*, wave_ids) -> None:
    """Send `results_published` for each wave once the current transaction commits.

    Robust, so a listener's failure (a cache that is away) never undoes a publication.
    """
    for wave_id in sorted(set(wave_ids)):
        transaction.on_commit(
            lambda wave_id=wave_id: results_published.send_robust(sender=Wave, wave_id=wave_id)
        )
