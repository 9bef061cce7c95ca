from django.core.management.base import BaseCommand, CommandError

from analytics.selectors import unpublished_responses
from analytics.services import refresh_comparisons, refresh_snapshot
from analytics.services.aggregation import CountsArePermanent
from surveys.models import Wave


class Command(BaseCommand):
    help = (
        "Count new responses now and publish a new version where the publication rule "
        "allows (k new responses, the interval): every wave, or one with --wave SLUG."
    )

    def add_arguments(self, parser):
        parser.add_argument("--wave", metavar="SLUG", help="only this wave")
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="count every response again instead of only the new ones",
        )

    def handle(self, *args, wave=None, rebuild=False, **options):
        waves = Wave.objects.select_related("questionnaire")
        if wave:
            waves = waves.filter(slug=wave)
            if not waves.exists():
                raise CommandError(f"No wave has the address '{wave}'.")
        for item in waves:
            try:
                snapshot = refresh_snapshot(wave=item, rebuild=rebuild)
            except CountsArePermanent as problem:
                raise CommandError(str(problem)) from None
            if snapshot is None:
                waiting = unpublished_responses(wave=item)
                self.stdout.write(
                    f"{item.slug}: nothing new published; {waiting} responses wait for the "
                    "publication rule"
                )
                continue
            refresh_comparisons(wave=item)
            self.stdout.write(
                f"{item.slug}: version {snapshot.version}, {snapshot.response_count} responses"
            )
