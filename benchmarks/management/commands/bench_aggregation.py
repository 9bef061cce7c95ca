"""Benchmark snapshot refreshes on PostgreSQL against the best hand-written SQL.

Loads synthetic responses (20 answers each) with COPY into a wave of its own, then
for 10k, 100k and the given N responses measures, in alternating rounds (refresh
first, then baseline first, and so on): a full refresh, the two-stage baseline SQL
of baseline_aggregation.sql computing the same figures, the refresh after 100 new
responses (removed again after each round), and the peak memory of the process that
refreshes (a forked child, as a worker would be). Every round prints the load
average; the RESULT line gives medians and minimums. Everything it loads is labelled
"bench" and removed afterwards, unless --keep keeps it for the next run to reuse.
"""

import datetime
import io
import json
import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from analytics.services.aggregation import WORK_MEM
from demo.synthetic import Synthetic
from surveys.models import (
    Option,
    Question,
    Questionnaire,
    Scale,
    ScaleItem,
    Wave,
)

BENCH_KEY = "bench-aggregation"
QUARTERS = ["altenhagen", "wehringhausen", "hagen", "ausserhalb"]
AGE_BANDS = ["10-13", "14-17", "18-21", "22-24", "25-27"]
GENDERS = ["w", "m", "d"]
HOME_LANGUAGES = ["de", "tr", "ar", "uk"]
LEISURE = ["sport", "musik", "treff", "online", "lesen"]
AGREEMENT_ITEMS = 10

# The baseline: the best plain SQL we know for the same figures, kept beside this file.
BASELINE_PATH = Path(__file__).resolve().parents[2] / "baseline_aggregation.sql"


def baseline_statements() -> list[str]:
    """Return the baseline's statements, in order, without their comment lines."""
    text = BASELINE_PATH.read_text(encoding="utf-8")
    statements = []
    for chunk in text.split("\n--;\n"):
        lines = [line for line in chunk.splitlines() if not line.lstrip().startswith("--")]
        if "".join(lines).strip():
            statements.append("\n".join(lines))
    return statements


def baseline_params(wave: Wave) -> dict:
    """Return the parameters of the baseline SQL for the benchmark's wave."""
    questions = Question.objects.filter(questionnaire=wave.questionnaire)
    scale = wave.questionnaire.scales.get()
    items = list(scale.items.all())
    parts = sorted({item.subscale for item in items if item.subscale})
    counts = [sum(1 for item in items if item.subscale == part) for part in parts]
    return {
        "wave": wave.pk,
        "multiple": list(questions.filter(kind="multiple_choice").values_list("id", flat=True)),
        "scale": scale.pk,
        "part_a": parts[0],
        "part_b": parts[1],
        "needed": scale.min_answered,
        # A subscale needs the same share of its items as the scale (snapshots.py).
        "needed_a": -(-scale.min_answered * counts[0] // len(items)),
        "needed_b": -(-scale.min_answered * counts[1] // len(items)),
        "score_low": 1,
        "score_high": 5,
    }


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def load_average() -> str:
    """Return the 1, 5 and 15 minute load averages, as `uptime` prints them."""
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


class Command(BaseCommand):
    help = "Benchmark snapshot refreshes on PostgreSQL (N synthetic responses, 20 answers each)."

    def add_arguments(self, parser):
        parser.add_argument("--responses", type=int, default=100_000, metavar="N")
        parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per size")
        parser.add_argument(
            "--keep",
            action="store_true",
            help="keep the synthetic data, and reuse what an earlier --keep run left",
        )
        parser.add_argument(
            "--start-round",
            type=int,
            default=1,
            metavar="N",
            help="number the first round N: even rounds run the baseline first, so runs "
            "of one round each still alternate",
        )

    def handle(self, *args, responses, rounds, keep, start_round, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL: set DATABASE_URL.")
        if responses < 1 or rounds < 1:
            raise CommandError("--responses and --rounds must be at least 1.")
        wave = Wave.objects.filter(slug=BENCH_KEY).first() if keep else None
        if wave is None:
            self._remove_old_runs()
            wave = self._wave()
        generator = _Generator(wave, seed=2026)
        generator.loaded = wave.responses.count()
        if generator.loaded > responses:
            raise CommandError(f"The kept wave holds {generator.loaded} responses already.")
        sizes = sorted(
            {size for size in (10_000, 100_000) if generator.loaded <= size < responses}
            | {responses}
        )
        result = {}
        try:
            for size in sizes:
                if size > generator.loaded:
                    generator.load(size - generator.loaded)
                    _analyze()
                result = self._measure(wave, generator, size, rounds, start_round)
        finally:
            if not keep:
                self._remove_old_runs()
        self.stdout.write(
            "RESULT responses={responses} full_s={full_s:.3f} full_min_s={full_min_s:.3f} "
            "baseline_s={baseline_s:.3f} baseline_min_s={baseline_min_s:.3f} ratio={ratio:.3f} "
            "after_100_new_s={after_100_new_s:.3f} after_100_new_min_s={after_100_new_min_s:.3f} "
            "peak_rss_mb={peak_rss_mb:.1f} rounds={rounds} load={load}".format(**result)
        )

    def _measure(self, wave: Wave, generator, size: int, rounds: int, start_round: int) -> dict:
        """Run alternating rounds at one size; return medians and minimums."""
        full, baseline, new, peaks = [], [], [], []
        for number in range(start_round - 1, start_round - 1 + rounds):
            steps = ["full", "baseline"] if number % 2 == 0 else ["baseline", "full"]
            for step in steps:
                if step == "full":
                    seconds, rss = self._run_child("full", wave)
                    full.append(seconds)
                    peaks.append(rss)
                else:
                    baseline.append(self._baseline(wave))
            generator.load(100)
            seconds, rss = self._run_child("new", wave)
            new.append(seconds)
            peaks.append(rss)
            generator.remove_newest(100)
            self.stdout.write(
                f"{size:>9,} responses, round {number + 1}: full refresh {full[-1]:.2f} s, "
                f"baseline {baseline[-1]:.2f} s (ratio {full[-1] / baseline[-1]:.2f}), "
                f"after 100 new {new[-1]:.3f} s; load {load_average()}"
            )
        result = {
            "responses": size,
            "full_s": _median(full),
            "full_min_s": min(full),
            "baseline_s": _median(baseline),
            "baseline_min_s": min(baseline),
            "ratio": _median(full) / _median(baseline),
            "after_100_new_s": _median(new),
            "after_100_new_min_s": min(new),
            "peak_rss_mb": max(peaks),
            "rounds": rounds,
            "load": load_average(),
        }
        self.stdout.write(
            f"{size:>9,} responses, median of {rounds}: full refresh {result['full_s']:.2f} s "
            f"(min {result['full_min_s']:.2f}), baseline {result['baseline_s']:.2f} s "
            f"(min {result['baseline_min_s']:.2f}), ratio {result['ratio']:.2f}, after 100 new "
            f"{result['after_100_new_s']:.3f} s, peak {result['peak_rss_mb']:.0f} MB"
        )
        return result

    def _run_child(self, mode: str, wave: Wave) -> tuple[float, float]:
        """Count and build in a forked process, as a worker would; return seconds and peak MB.

        Counting and building run every time, whatever the publication cadence decides.
        """
        from analytics.services import min_cell_size
        from analytics.services.aggregation import count_responses
        from analytics.services.snapshots import build_figures

        connection.close()  # Parent and child each open their own connection.
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child reports through the pipe
            code = 1
            try:
                os.close(reader)
                started = time.perf_counter()
                counted = count_responses(wave=wave, rebuild=mode == "full")
                build_figures(wave=wave, counted=counted, min_cell_size=min_cell_size())
                os.write(writer, json.dumps(time.perf_counter() - started).encode())
                code = 0
            finally:
                connection.close()
                os._exit(code)
        os.close(writer)
        with os.fdopen(reader) as pipe:
            output = pipe.read()
        _pid, status, usage = os.wait4(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not output:
            raise CommandError(f"The {mode} refresh failed.")
        return json.loads(output), usage.ru_maxrss / 1024  # Linux reports kilobytes.

    def _baseline(self, wave: Wave) -> float:
        """Run the baseline SQL for the wave's figures; return the seconds it took."""
        params = baseline_params(wave)
        statements = baseline_statements()
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            # The same memory for sorts and hashes as a refresh gets.
            cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
            for sql in statements:
                cursor.execute(sql, params)
                if cursor.description is not None:
                    cursor.fetchall()
        return time.perf_counter() - started

    def _wave(self) -> Wave:
        with transaction.atomic():
            questionnaire = Questionnaire.objects.create(
                key=BENCH_KEY, version=1, title="Benchmark (synthetic data)"
            )

            def question(key, kind, values=(), **extra):
                item = Question.objects.create(
                    questionnaire=questionnaire,
                    key=key,
                    sort_order=Question.objects.filter(questionnaire=questionnaire).count(),
                    kind=kind,
                    text=key,
                    **extra,
                )
                Option.objects.bulk_create(
                    Option(question=item, sort_order=i, value=value, label=value, score=score)
                    for i, (value, score) in enumerate(values)
                )
                return item

            question("quartier", "single_choice", [(v, None) for v in QUARTERS], segment="quarter")
            question("alter", "single_choice", [(v, None) for v in AGE_BANDS], segment="age_band")
            question(
                "geschlecht",
                "single_choice",
                [(v, None) for v in GENDERS],
                segment="gender",
                allows_decline=True,
            )
            question(
                "sprache",
                "single_choice",
                [(v, None) for v in HOME_LANGUAGES],
                segment="home_language",
            )
            items = [
                question(f"se{n}", "agreement", [(str(s), s) for s in range(1, 6)])
                for n in range(1, AGREEMENT_ITEMS + 1)
            ]
            question("freizeit", "multiple_choice", [(v, None) for v in LEISURE])
            question("mitbestimmen", "scale_0_10")
            question("zufrieden", "scale_0_10")
            question("stunden", "number", allows_decline=True)
            question("jugendtreff", "yes_no", [("ja", None), ("nein", None)])
            scale = Scale.objects.create(
                questionnaire=questionnaire,
                key="selbstwirksamkeit",
                name="Selbstwirksamkeit",
                scoring=Scale.Scoring.MEAN,
                min_answered=7,
            )
            ScaleItem.objects.bulk_create(
                ScaleItem(
                    scale=scale,
                    question=item,
                    is_reversed=n % 4 == 3,
                    subscale="handeln" if n < 5 else "zutrauen",
                )
                for n, item in enumerate(items)
            )
            return Wave.objects.create(
                questionnaire=questionnaire,
                slug=BENCH_KEY,
                title="Benchmark (synthetic data)",
                opens_at=timezone.now() - datetime.timedelta(days=60),
            )

    def _remove_old_runs(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w.id FROM surveys_wave w JOIN surveys_questionnaire q "
                "ON q.id = w.questionnaire_id WHERE q.key = %s",
                [BENCH_KEY],
            )
            waves = [row[0] for row in cursor.fetchall()]
            for wave_id in waves:
                cursor.execute(
                    "DELETE FROM surveys_answer a USING surveys_response r "
                    "WHERE r.id = a.response_id AND r.wave_id = %s",
                    [wave_id],
                )
                cursor.execute("DELETE FROM surveys_response WHERE wave_id = %s", [wave_id])
        Wave.objects.filter(pk__in=waves).delete()
        Questionnaire.objects.filter(key=BENCH_KEY).delete()


def _analyze() -> None:
    with connection.cursor() as cursor:
        for table in ("surveys_response", "surveys_answer"):
            cursor.execute(f"VACUUM ANALYZE {table}")


class _Generator:
    """Write synthetic responses with COPY: 20 answer rows each, segments copied on."""

    CHUNK = 20_000

    def __init__(self, wave: Wave, *, seed: int):
        self.wave = wave
        self.synthetic = Synthetic(seed)  # Fixed seed: every run loads the same answers.
        self.loaded = 0
        questions = {q.key: q for q in Question.objects.filter(questionnaire=wave.questionnaire)}
        options = {}
        for option in Option.objects.filter(question__questionnaire=wave.questionnaire):
            options.setdefault(option.question_id, {})[option.value] = option.pk
        self.questions = questions
        self.options = options

    def remove_newest(self, count: int) -> None:
        """Delete the newest `count` responses of the wave and their answers."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM surveys_response WHERE wave_id = %s ORDER BY id DESC LIMIT 1 "
                "OFFSET %s",
                [self.wave.pk, count],
            )
            row = cursor.fetchone()
            kept = row[0] if row else 0
            cursor.execute(
                "DELETE FROM surveys_answer WHERE response_id IN "
                "(SELECT id FROM surveys_response WHERE wave_id = %s AND id > %s)",
                [self.wave.pk, kept],
            )
            cursor.execute(
                "DELETE FROM surveys_response WHERE wave_id = %s AND id > %s", [self.wave.pk, kept]
            )
        self.loaded -= count

    def load(self, count: int) -> None:
        while count > 0:
            chunk = min(count, self.CHUNK)
            self._load_chunk(chunk)
            count -= chunk
            self.loaded += chunk

    def _load_chunk(self, count: int) -> None:
        draw = self.synthetic
        q = self.questions
        option = {key: self.options.get(question.pk, {}) for key, question in q.items()}
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval('surveys_response_id_seq')")
            first = cursor.fetchone()[0]
            cursor.execute("SELECT setval('surveys_response_id_seq', %s)", [first + count - 1])
        start = self.wave.opens_at.date()
        responses, answers = io.StringIO(), io.StringIO()
        quarter_weights, age_weights = [46, 40, 10, 4], [20, 30, 25, 15, 10]
        for response_id in range(first, first + count):
            quarter = draw.pick(QUARTERS, quarter_weights)
            age_band = draw.pick(AGE_BANDS, age_weights)
            declined_gender = draw.chance(0.03)
            gender = "" if declined_gender else draw.pick(GENDERS, [48, 48, 4])
            home_language = draw.pick(HOME_LANGUAGES, [60, 20, 12, 8])
            day = draw.day(start, 45)
            responses.write(
                f"{response_id}\t{self.wave.pk}\t{self.wave.questionnaire_id}\tde\t{day}\t"
                f"{quarter}\t{age_band}\t{gender}\t{home_language}\t"
                f"{draw.record_key()}\n"
            )
            rows = [
                (q["quartier"].pk, option["quartier"][quarter], None, False),
                (q["alter"].pk, option["alter"][age_band], None, False),
                (
                    q["geschlecht"].pk,
                    None if declined_gender else option["geschlecht"][gender],
                    None,
                    declined_gender,
                ),
                (q["sprache"].pk, option["sprache"][home_language], None, False),
            ]
            lean = draw.normal(3.3, 0.7)
            skipped = draw.whole_number(0, AGREEMENT_ITEMS - 1) if draw.chance(0.03) else None
            for number in range(1, AGREEMENT_ITEMS + 1):
                if number - 1 == skipped:
                    rows.append((q["freizeit"].pk, option["freizeit"]["lesen"], None, False))
                    continue
                score = draw.agreement(lean, 0.9)
                rows.append((q[f"se{number}"].pk, option[f"se{number}"][str(score)], None, False))
            for value in draw.some(LEISURE[:4], 2):
                rows.append((q["freizeit"].pk, option["freizeit"][value], None, False))
            rows.append((q["mitbestimmen"].pk, None, draw.zero_to_ten(5, 2.2), False))
            rows.append((q["zufrieden"].pk, None, draw.zero_to_ten(6.5, 2), False))
            if draw.chance(0.05):
                rows.append((q["stunden"].pk, None, None, True))
            else:
                rows.append((q["stunden"].pk, None, draw.whole_number(0, 40), False))
            rows.append(
                (
                    q["jugendtreff"].pk,
                    option["jugendtreff"][draw.one_of(["ja", "nein"])],
                    None,
                    False,
                )
            )
            for question_id, option_id, number, declined in rows:
                answers.write(
                    f"{response_id}\t{question_id}\t{_n(option_id)}\t{_n(number)}\t\t"
                    f"{'t' if declined else 'f'}\n"
                )
        with connection.cursor() as cursor:
            with cursor.cursor.copy(
                "COPY surveys_response (id, wave_id, questionnaire_id, language, day, "
                "quarter, age_band, gender, home_language, record_key) FROM STDIN"
            ) as copy:
                copy.write(responses.getvalue())
            with cursor.cursor.copy(
                "COPY surveys_answer (response_id, question_id, option_id, number, text, "
                "declined) FROM STDIN"
            ) as copy:
                copy.write(answers.getvalue())


def _n(value) -> str:
    return r"\N" if value is None else str(value)
