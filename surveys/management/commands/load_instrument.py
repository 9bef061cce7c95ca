"""Add an instrument of the library to a questionnaire, or list the library."""

from django.core.management.base import BaseCommand, CommandError

from surveys import selectors
from surveys.services.library import InstrumentAlreadyThere, instruments, load_instrument
from surveys.services.questionnaires import QuestionnaireFrozen


class Command(BaseCommand):
    help = "Add an instrument (a scored scale) of the library to a questionnaire."

    def add_arguments(self, parser):
        parser.add_argument("instrument", nargs="?", help="Key of the instrument; omit to list.")
        parser.add_argument(
            "--into",
            metavar="KEY",
            help="Key of the questionnaire to add it to (its newest version); "
            "without it, a new questionnaire is made.",
        )

    def handle(self, *args, **options):
        if not options["instrument"]:
            for entry in instruments():
                kind = "template" if entry.is_template else "ready"
                self.stdout.write(f"{entry.key:24} {kind:8} {entry.name('en')}")
            return
        target = None
        if options["into"]:
            target = selectors.latest_version(key=options["into"])
            if target is None:
                raise CommandError(f"No questionnaire has the key {options['into']!r}.")
        try:
            scale = load_instrument(key=options["instrument"], questionnaire=target)
        except KeyError:
            raise CommandError(f"No instrument has the key {options['instrument']!r}.") from None
        except InstrumentAlreadyThere as taken:
            raise CommandError(
                f"That questionnaire already has these keys: {', '.join(taken.args[0])}."
            ) from None
        except QuestionnaireFrozen:
            raise CommandError(
                "That questionnaire has answers already; create a new version first."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {scale.name!r} ({scale.items.count()} items) to "
                f"{scale.questionnaire.key} v{scale.questionnaire.version}."
            )
        )
