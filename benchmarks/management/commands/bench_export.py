"""Benchmark an export: make N synthetic responses, build the file, print time and memory.

With --wave SLUG it exports a wave that is there already instead (a kept benchmark
dataset of a million responses, say), and makes and removes no responses.

The memory figure is the export's own: the peak resident size while it runs, less
what the process held before it started (making the synthetic data, importing
Django). Linux resets the peak on request (/proc/self/clear_refs), so an earlier
peak never hides in the figure.
"""

import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from analytics.exports.services import build_export
from analytics.file_jobs import delete_file_jobs
from analytics.models import Export
from surveys.models import (
    RECORD_KEY_RANGE,
    Answer,
    Option,
    Question,
    Questionnaire,
    Response,
    Wave,
)

BENCH_KEY = "bench-export"
AGREEMENT_ITEMS = 10
SCALE_ITEMS = 4


class Command(BaseCommand):
    help = (
        "Benchmark an export on N synthetic responses of 20 questions; prints "
        "RESULT rows=... seconds=... min_s=... export_mb=... base_rss_mb=... peak_rss_mb=... "
        "load=... (export_mb is the export's own memory, peak_rss_mb the process's peak "
        "while it ran; synthetic data is removed afterwards)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--responses", type=int, default=10_000)
        parser.add_argument("--format", choices=["csv", "xlsx", "sav"], default="csv")
        parser.add_argument("--rounds", type=int, default=1, help="exports in a row (median)")
        parser.add_argument("--keep", action="store_true", help="keep the synthetic wave")
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="use the synthetic wave a --keep run left, if it has N responses",
        )
        parser.add_argument(
            "--wave",
            metavar="SLUG",
            help="export this existing wave instead of synthetic responses (--responses unused)",
        )

    def handle(self, *args, responses, format, rounds, keep, reuse, wave=None, **options):
        self.made = []
        try:
            self._handle(responses, format, rounds, keep, reuse, wave)
        finally:
            # The files go whatever --keep says: a kept wave is for the next run to export.
            delete_file_jobs(Export.objects.filter(pk__in=self.made))

    def _handle(self, responses, format, rounds, keep, reuse, wave) -> None:
        if wave:
            existing = Wave.objects.filter(slug=wave).first()
            if existing is None:
                raise CommandError(f"No wave has the address '{wave}'.")
            self._measure(existing, format, rounds)
            return
        wave = Wave.objects.filter(slug=BENCH_KEY).first()
        if not (reuse and wave and wave.responses.count() == responses):
            _remove_bench_data()
            wave = _make_bench_wave()
            started = time.perf_counter()
            if connection.vendor == "postgresql":
                _fill_with_sql(wave, responses)
            else:
                _fill_in_batches(wave, responses)
            with connection.cursor() as cursor:
                # Fresh planner statistics, as a production database would have.
                cursor.execute("ANALYZE")
            self.stdout.write(
                f"made {responses} responses in {time.perf_counter() - started:.1f} s"
            )
        self._measure(wave, format, rounds)
        if not keep:
            _remove_bench_data()

    def _measure(self, wave: Wave, format: str, rounds: int) -> None:
        """Build the export `rounds` times; print each round and the RESULT line."""
        runs = []
        for _round in range(max(1, rounds)):
            export = Export.objects.create(wave=wave, format=format)
            self.made.append(export.pk)
            base_mb = _reset_peak_rss_mb()
            started = time.perf_counter()
            export = build_export(export=export)
            seconds = time.perf_counter() - started
            peak_mb = _status_mb("VmHWM")
            export_mb = max(0.0, peak_mb - base_mb)
            if export.status != Export.Status.DONE:
                self.stderr.write(f"export failed: {export.error}")
            runs.append((seconds, export_mb, base_mb, peak_mb))
            self.stdout.write(
                f"round {_round + 1}: {seconds:.2f} s, export {export_mb:.1f} MB on top of "
                f"{base_mb:.0f} MB, load {_load()}"
            )
        seconds = sorted(run[0] for run in runs)[len(runs) // 2]
        export_mb = max(run[1] for run in runs)
        peak_mb = max(run[3] for run in runs)
        self.stdout.write(
            f"RESULT rows={export.rows_done} seconds={seconds:.2f} min_s={runs_min(runs):.2f} "
            f"export_mb={export_mb:.1f} base_rss_mb={runs[0][2]:.0f} peak_rss_mb={peak_mb:.0f} "
            f"format={format} "
            f"database={connection.vendor} load={_load()}"
        )


def runs_min(runs) -> float:
    return min(run[0] for run in runs)


def _status_mb(field: str) -> float:
    """Return one memory field of this process from /proc (kilobytes there) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak_rss_mb() -> float:
    """Reset this process's peak resident size to the present one; return it in MB."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def _load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def _remove_bench_data() -> None:
    delete_file_jobs(Export.objects.filter(wave__slug=BENCH_KEY))
    Answer.objects.filter(response__wave__slug=BENCH_KEY).delete()
    # One DELETE statement: Django's collector would load a million responses first.
    responses = Response.objects.filter(wave__slug=BENCH_KEY)
    responses._raw_delete(responses.db)
    Wave.objects.filter(slug=BENCH_KEY).delete()
    Questionnaire.objects.filter(key=BENCH_KEY).delete()


@transaction.atomic
def _make_bench_wave() -> Wave:
    questionnaire = Questionnaire.objects.create(key=BENCH_KEY, title="Benchmark")
    order = 0

    def question(key, kind, options=()):
        nonlocal order
        order += 1
        made = Question.objects.create(
            questionnaire=questionnaire, key=key, kind=kind, text=key, sort_order=order
        )
        for position, (value, label) in enumerate(options):
            Option.objects.create(question=made, sort_order=position, value=value, label=label)
        return made

    quarters = [
        ("altenhagen", "Altenhagen"),
        ("wehringhausen", "Wehringhausen"),
        ("hagen", "Hagen"),
    ]
    question("quartier", Question.Kind.SINGLE_CHOICE, quarters)
    question("alter", Question.Kind.SINGLE_CHOICE, [("10-13", "10–13"), ("14-17", "14–17")])
    question("sprache", Question.Kind.SINGLE_CHOICE, [("de", "Deutsch"), ("ar", "عربي")])
    question(
        "freizeit",
        Question.Kind.MULTIPLE_CHOICE,
        [(value, value) for value in ("sport", "musik", "gaming", "treffen", "lernen")],
    )
    for item in range(AGREEMENT_ITEMS):
        question(
            f"aussage_{item}",
            Question.Kind.AGREEMENT,
            [(str(point), str(point)) for point in range(1, 6)],
        )
    for item in range(SCALE_ITEMS):
        question(f"skala_{item}", Question.Kind.SCALE_0_10)
    question("wunsch", Question.Kind.SHORT_TEXT)
    question("sonst", Question.Kind.LONG_TEXT)
    return Wave.objects.create(questionnaire=questionnaire, slug=BENCH_KEY, title="Benchmark")


def _questions(wave):
    return list(wave.questionnaire.questions.prefetch_related("options").order_by("sort_order"))


def _fill_with_sql(wave: Wave, count: int) -> None:
    """Insert responses and answers set-wise in PostgreSQL, as COPY would, in seconds."""
    response_table, answer_table = Response._meta.db_table, Answer._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {response_table} (wave_id, questionnaire_id, language, day, quarter, "  # noqa: S608
            "age_band, gender, home_language, record_key) SELECT %s, %s, 'de', "
            "DATE '2026-10-01' + (g %% 30), '', '', '', '', floor(random() * %s)::int "
            "FROM generate_series(1, %s) g",
            [wave.pk, wave.questionnaire_id, RECORD_KEY_RANGE, count],
        )
        for question in _questions(wave):
            options = [option.pk for option in question.options.all()]
            select = f"SELECT id, %s, {{value}} FROM {response_table} WHERE wave_id = %s"  # noqa: S608
            if question.kind == Question.Kind.MULTIPLE_CHOICE:
                for position, option in enumerate(options):
                    cursor.execute(
                        f"INSERT INTO {answer_table} (response_id, question_id, option_id, "  # noqa: S608
                        f"text, declined) SELECT id, %s, %s, '', false FROM {response_table} "
                        f"WHERE wave_id = %s AND (id + %s) %% 3 = 0",
                        [question.pk, option, wave.pk, position],
                    )
            elif options:
                cursor.execute(
                    f"INSERT INTO {answer_table} (response_id, question_id, option_id, text, "
                    "declined) "
                    + select.format(value=f"(ARRAY{options})[1 + id %% {len(options)}], '', false"),
                    [question.pk, wave.pk],
                )
            elif question.is_free_text:
                cursor.execute(
                    f"INSERT INTO {answer_table} (response_id, question_id, text, declined) "
                    + select.format(value="'Mehr Bänke, \"Licht\" und ein Bolzplatz', false"),
                    [question.pk, wave.pk],
                )
            else:
                cursor.execute(
                    f"INSERT INTO {answer_table} (response_id, question_id, number, text, "
                    "declined) " + select.format(value="id %% 11, '', false"),
                    [question.pk, wave.pk],
                )


def _fill_in_batches(wave: Wave, count: int, batch: int = 2000) -> None:
    """Insert responses and answers with bulk_create, a batch at a time (SQLite)."""
    questions = _questions(wave)
    made = 0
    while made < count:
        size = min(batch, count - made)
        with transaction.atomic():
            responses = Response.objects.bulk_create(
                Response(
                    wave=wave,
                    questionnaire_id=wave.questionnaire_id,
                    language="de",
                    day="2026-10-01",
                )
                for _ in range(size)
            )
            rows = []
            for number, response in enumerate(responses, start=made):
                for question in questions:
                    options = list(question.options.all())
                    if question.kind == Question.Kind.MULTIPLE_CHOICE:
                        rows += [
                            Answer(response=response, question=question, option=option)
                            for position, option in enumerate(options)
                            if (number + position) % 3 == 0
                        ]
                    elif options:
                        rows.append(
                            Answer(
                                response=response,
                                question=question,
                                option=options[number % len(options)],
                            )
                        )
                    elif question.is_free_text:
                        rows.append(
                            Answer(
                                response=response,
                                question=question,
                                text='Mehr Bänke, "Licht" und ein Bolzplatz',
                            )
                        )
                    else:
                        rows.append(
                            Answer(response=response, question=question, number=number % 11)
                        )
            Answer.objects.bulk_create(rows)
        made += size
