"""Benchmark snapshot refreshes on PostgreSQL against hand-written SQL.

Loads synthetic responses (20 answers each) with COPY into a wave of its own, then
for 10k, 100k and the given N responses measures: a full refresh, hand-written
GROUPING SETS queries computing the same figures, the refresh after 100 new
responses, and the peak memory of the process that refreshes (a forked child, as
a worker would be). Everything it loads is labelled "bench" and removed afterwards.
"""

import datetime
import io
import json
import os
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from analytics.services.aggregation import WORK_MEM
from surveys.models import Option, Question, Questionnaire, Scale, ScaleItem, Wave

BENCH_KEY = "bench-aggregation"
QUARTERS = ["altenhagen", "wehringhausen", "hagen", "ausserhalb"]
AGE_BANDS = ["10-13", "14-17", "18-21", "22-24", "25-27"]
GENDERS = ["w", "m", "d"]
HOME_LANGUAGES = ["de", "tr", "ar", "uk"]
LEISURE = ["sport", "musik", "treff", "online", "lesen"]
AGREEMENT_ITEMS = 10

GROUPING_SETS = (
    "GROUPING SETS ((), (r.quarter), (r.age_band), (r.gender), (r.home_language), "
    "(r.quarter, r.age_band))"
)
SEGMENTS = "r.quarter, r.age_band, r.gender, r.home_language"
# The same figures as a refresh, written by hand: counts per option, mean, SD and
# median of numbers, people per multiple-choice question, scale scores, participation.
BASELINE_SQL = [
    f"""SELECT a.question_id, a.option_id, a.declined, {SEGMENTS}, COUNT(*)
        FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
        WHERE r.wave_id = %(wave)s AND (a.option_id IS NOT NULL OR a.declined)
        GROUP BY a.question_id, a.option_id, a.declined, {GROUPING_SETS}""",  # noqa: S608 - constants only
    f"""SELECT a.question_id, {SEGMENTS}, COUNT(*), AVG(a.number), STDDEV_SAMP(a.number),
               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.number)
        FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
        WHERE r.wave_id = %(wave)s AND a.number IS NOT NULL
        GROUP BY a.question_id, {GROUPING_SETS}""",  # noqa: S608 - constants only
    f"""SELECT a.question_id, {SEGMENTS}, COUNT(DISTINCT a.response_id)
        FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
        WHERE r.wave_id = %(wave)s AND a.question_id = ANY(%(multiple)s) AND NOT a.declined
        GROUP BY a.question_id, {GROUPING_SETS}""",  # noqa: S608 - constants only
    f"""SELECT s.part, {SEGMENTS}, COUNT(*), AVG(s.score), STDDEV_SAMP(s.score),
               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.score)
        FROM (
            SELECT a.response_id, i.subscale AS part,
                   AVG(CASE WHEN i.is_reversed THEN 6 - o.score ELSE o.score END) AS score,
                   COUNT(*) AS items
            FROM surveys_answer a
            JOIN surveys_option o ON o.id = a.option_id
            JOIN surveys_scaleitem i ON i.question_id = a.question_id
            WHERE a.question_id = ANY(%(items)s)
            GROUP BY GROUPING SETS ((a.response_id), (a.response_id, i.subscale))
        ) s JOIN surveys_response r ON r.id = s.response_id
        WHERE r.wave_id = %(wave)s AND s.items >= %(min_answered)s
        GROUP BY s.part, {GROUPING_SETS}""",  # noqa: S608 - constants only
    f"""SELECT {SEGMENTS}, COUNT(*) FROM surveys_response r
        WHERE r.wave_id = %(wave)s GROUP BY {GROUPING_SETS}""",  # noqa: S608 - constants only
]


class Command(BaseCommand):
    help = "Benchmark snapshot refreshes on PostgreSQL (N synthetic responses, 20 answers each)."

    def add_arguments(self, parser):
        parser.add_argument("--responses", type=int, default=100_000, metavar="N")
        parser.add_argument("--keep", action="store_true", help="keep the synthetic data")

    def handle(self, *args, responses, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL: set DATABASE_URL.")
        if responses < 1:
            raise CommandError("--responses must be at least 1.")
        sizes = sorted({size for size in (10_000, 100_000) if size < responses} | {responses})
        self._remove_old_runs()
        wave = self._wave()
        generator = _Generator(wave, seed=2026)
        result = {}
        try:
            for size in sizes:
                generator.load(size - generator.loaded)
                _analyze()
                full_s, full_rss = self._run_child("full", wave)
                sql_s = self._baseline(wave)
                generator.load(100)
                new_s, new_rss = self._run_child("new", wave)
                result = {
                    "responses": size,
                    "full_s": full_s,
                    "sql_s": sql_s,
                    "ratio": full_s / sql_s,
                    "after_100_new_s": new_s,
                    "peak_rss_mb": max(full_rss, new_rss),
                }
                self.stdout.write(
                    f"{size:>9,} responses: full refresh {full_s:.2f} s, "
                    f"hand-written SQL {sql_s:.2f} s (ratio {full_s / sql_s:.2f}), "
                    f"after 100 new {new_s:.2f} s, peak {result['peak_rss_mb']:.0f} MB"
                )
        finally:
            if not keep:
                self._remove_old_runs()
        self.stdout.write(
            "RESULT responses={responses} full_s={full_s:.3f} sql_s={sql_s:.3f} "
            "ratio={ratio:.3f} after_100_new_s={after_100_new_s:.3f} "
            "peak_rss_mb={peak_rss_mb:.1f}".format(**result)
        )

    def _run_child(self, mode: str, wave: Wave) -> tuple[float, float]:
        """Refresh in a forked process, as a worker would; return seconds and its peak MB."""
        from analytics.services import refresh_snapshot

        connection.close()  # Parent and child each open their own connection.
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child reports through the pipe
            code = 1
            try:
                os.close(reader)
                started = time.perf_counter()
                refresh_snapshot(wave=wave, rebuild=mode == "full")
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
        questions = Question.objects.filter(questionnaire=wave.questionnaire)
        params = {
            "wave": wave.pk,
            "multiple": list(questions.filter(kind="multiple_choice").values_list("id", flat=True)),
            "items": list(questions.filter(kind="agreement").values_list("id", flat=True)),
            "min_answered": wave.questionnaire.scales.get().min_answered,
        }
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            # The same memory for sorts and hashes as a refresh gets.
            cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
            for sql in BASELINE_SQL:
                cursor.execute(sql, params)
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
        self.random = random.Random(seed)  # Fixed seed: every run loads the same answers.
        self.loaded = 0
        questions = {q.key: q for q in Question.objects.filter(questionnaire=wave.questionnaire)}
        options = {}
        for option in Option.objects.filter(question__questionnaire=wave.questionnaire):
            options.setdefault(option.question_id, {})[option.value] = option.pk
        self.questions = questions
        self.options = options

    def load(self, count: int) -> None:
        while count > 0:
            chunk = min(count, self.CHUNK)
            self._load_chunk(chunk)
            count -= chunk
            self.loaded += chunk

    def _load_chunk(self, count: int) -> None:
        rng = self.random
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
            quarter = rng.choices(QUARTERS, quarter_weights)[0]
            age_band = rng.choices(AGE_BANDS, age_weights)[0]
            declined_gender = rng.random() < 0.03
            gender = "" if declined_gender else rng.choices(GENDERS, [48, 48, 4])[0]
            home_language = rng.choices(HOME_LANGUAGES, [60, 20, 12, 8])[0]
            day = start + datetime.timedelta(days=rng.randrange(45))
            responses.write(
                f"{response_id}\t{self.wave.pk}\t{self.wave.questionnaire_id}\tde\t{day}\t"
                f"{quarter}\t{age_band}\t{gender}\t{home_language}\n"
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
            lean = rng.gauss(3.3, 0.7)
            skipped = rng.randrange(AGREEMENT_ITEMS) if rng.random() < 0.03 else None
            for number in range(1, AGREEMENT_ITEMS + 1):
                if number - 1 == skipped:
                    rows.append((q["freizeit"].pk, option["freizeit"]["lesen"], None, False))
                    continue
                score = min(5, max(1, round(rng.gauss(lean, 0.9))))
                rows.append((q[f"se{number}"].pk, option[f"se{number}"][str(score)], None, False))
            for value in rng.sample(LEISURE[:4], 2):
                rows.append((q["freizeit"].pk, option["freizeit"][value], None, False))
            rows.append(
                (q["mitbestimmen"].pk, None, min(10, max(0, round(rng.gauss(5, 2.2)))), False)
            )
            rows.append((q["zufrieden"].pk, None, min(10, max(0, round(rng.gauss(6.5, 2)))), False))
            if rng.random() < 0.05:
                rows.append((q["stunden"].pk, None, None, True))
            else:
                rows.append((q["stunden"].pk, None, rng.randrange(0, 41), False))
            rows.append(
                (
                    q["jugendtreff"].pk,
                    option["jugendtreff"][rng.choice(["ja", "nein"])],
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
                "quarter, age_band, gender, home_language) FROM STDIN"
            ) as copy:
                copy.write(responses.getvalue())
            with cursor.cursor.copy(
                "COPY surveys_answer (response_id, question_id, option_id, number, text, "
                "declined) FROM STDIN"
            ) as copy:
                copy.write(answers.getvalue())


def _n(value) -> str:
    return r"\N" if value is None else str(value)
