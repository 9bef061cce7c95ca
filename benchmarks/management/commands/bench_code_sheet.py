"""Benchmark the code card sheet: how long drawing N cards takes, and the PDF's size.

Draws codes and the PDF only, in memory, storing nothing. The last line reads
`RESULT cards=... seconds=... cards_per_s=... pdf_mb=... peak_rss_mb=...`.
"""

import io
import resource
import time

from django.core.management.base import BaseCommand, CommandError

from surveys import printouts
from surveys.models import Wave
from surveys.services.access_codes import MAX_CODES_PER_BATCH, draw_codes


class Command(BaseCommand):
    help = "Time drawing a sheet of N code cards (nothing is stored)."

    def add_arguments(self, parser):
        parser.add_argument("--cards", type=int, default=500)
        parser.add_argument("--language", default="ar")

    def handle(self, *args, cards, language, **options):
        if not 1 <= cards <= MAX_CODES_PER_BATCH:
            raise CommandError(f"--cards must be between 1 and {MAX_CODES_PER_BATCH}")
        wave = Wave(title="Quartier-Check Herbst 2026", slug="quartier-check")
        started = time.perf_counter()
        output = io.BytesIO()
        printouts.card_sheet(
            wave=wave,
            venue="Jugendtreff Altenhagen",
            codes=draw_codes(cards),
            survey_url="https://part.example/s/quartier-check/",
            code_url="part.example/code/",
            language=language,
            output=output,
        )
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(
            f"RESULT cards={cards} seconds={seconds:.1f} cards_per_s={cards / seconds:.0f} "
            f"pdf_mb={len(output.getvalue()) / 1e6:.2f} peak_rss_mb={peak:.0f}"
        )
