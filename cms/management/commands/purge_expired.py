"""Delete what the retention rules say must go."""

from django.core.management.base import BaseCommand

from cms.services import retention


class Command(BaseCommand):
    help = "Delete personal data past its retention period (form entries and more)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, dry_run, **options):
        counts = retention.purge_expired(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        for label, count in counts.items():
            self.stdout.write(f"{label}: {verb} {count}")
