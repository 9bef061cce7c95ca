from celery import shared_task

from cms.services import retention


@shared_task
def purge_expired() -> None:
    """Delete what the retention rules say must go (Celery beat runs it nightly)."""
    retention.purge_expired()
