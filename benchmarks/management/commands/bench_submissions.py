"""Benchmark submissions: gunicorn against PostgreSQL, concurrent clients, bounded time.

Prints submissions per second, p50/p95 latency and lost = accepted − stored, beside
the rate of inserting the same rows with raw psycopg in the same run. The last line
reads `RESULT submissions_per_s=... p95_ms=... lost=... raw_insert_ratio=...`.
"""

import http.client
import json
import os
import socket
import subprocess
import threading
import time
import uuid

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from benchmarks.loopback import start_gunicorn
from surveys import selectors
from surveys.models import Answer, Question, Questionnaire, Response, SubmissionToken, Wave
from surveys.services.questionnaires import complete_questionnaire
from surveys.validation import check

# A realistic short survey: four segment questions, a six-row matrix, a 0–10 scale.
MATRIX_ROWS = 6


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Command(BaseCommand):
    help = "Benchmark POST /api/v1/responses/ under gunicorn against PostgreSQL on loopback."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=20.0, help="How long clients post.")
        parser.add_argument("--clients", type=int, default=8, help="Concurrent clients.")
        parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes.")
        parser.add_argument(
            "--raw-seconds", type=float, default=None, help="Raw insert time (default: --seconds)."
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "bench_submissions needs PostgreSQL: "
                "set DATABASE_URL=postgres://postgres@127.0.0.1:5432/part"
            )
        seconds = options["seconds"]
        self.tokens: list[uuid.UUID] = []
        wave = self._bench_wave()
        try:
            server, port = self._start_gunicorn(options["workers"])
            try:
                result = self._post(port, wave, seconds, options["clients"])
            finally:
                server.terminate()
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    server.kill()
            stored = Response.objects.filter(wave=wave).count()
            raw_rate = self._raw_inserts(wave, options["raw_seconds"] or seconds, clients=2)
        finally:
            self._clean(wave)
        accepted, latencies, elapsed, failures = result
        rate = accepted / elapsed if elapsed else 0.0
        p50 = _percentile(latencies, 0.50) * 1000
        p95 = _percentile(latencies, 0.95) * 1000
        ratio = rate / raw_rate if raw_rate else 0.0
        out = self.stdout.write
        clients, workers = options["clients"], options["workers"]
        out(f"clients={clients} gunicorn_workers={workers} seconds={seconds:g}")
        out(f"accepted={accepted} stored={stored} failed_requests={failures}")
        out(f"submissions_per_s={rate:.1f} p50_ms={p50:.1f} p95_ms={p95:.1f}")
        out(f"raw_psycopg_inserts_per_s={raw_rate:.1f} (same rows, 2 connections)")
        out(
            f"RESULT submissions_per_s={rate:.1f} p95_ms={p95:.1f} "
            f"lost={accepted - stored} raw_insert_ratio={ratio:.2f}"
        )

    def _bench_wave(self) -> Wave:
        key = f"bench-{uuid.uuid4().hex[:8]}"
        questionnaire = Questionnaire.objects.create(key=key, title="Benchmark")
        order = 0

        def add(key, kind, **fields):
            nonlocal order
            order += 1
            return Question.objects.create(
                questionnaire=questionnaire, key=key, kind=kind, sort_order=order, **fields
            )

        add("quartier", "single_choice", segment="quarter", text="Wo wohnst du?")
        add("alter", "single_choice", segment="age_band", text="Wie alt bist du?")
        add("geschlecht", "single_choice", segment="gender", allows_decline=True, text="Geschlecht")
        add("sprache", "single_choice", segment="home_language", text="Sprache zu Hause")
        add("gefuehl", "matrix", page=2, text="Wie sehr stimmst du zu?")
        for row in range(1, MATRIX_ROWS + 1):
            add(f"gefuehl_{row}", "matrix_row", page=2, text=f"Aussage {row}")
        add("mitbestimmen", "scale_0_10", page=2, text="Wie sehr kannst du mitbestimmen?")
        complete_questionnaire(questionnaire=questionnaire)
        return Wave.objects.create(
            questionnaire=questionnaire,
            slug=key,
            title="Benchmark",
            opens_at=timezone.now() - timezone.timedelta(minutes=1),
        )

    def _answers(self, number: int) -> dict:
        quarters = ["altenhagen", "wehringhausen", "hagen", "ausserhalb"]
        answers = {
            "quartier": quarters[number % 4],
            "alter": ["10-13", "14-17", "18-21", "22-27"][number % 4],
            "geschlecht": {"declined": True} if number % 7 == 0 else "divers",
            "sprache": "deutsch",
            "mitbestimmen": number % 11,
        }
        for row in range(1, MATRIX_ROWS + 1):
            answers[f"gefuehl_{row}"] = str(1 + (number + row) % 5)
        return answers

    def _start_gunicorn(self, workers: int):
        port = _free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "DATABASE_URL": _database_url(),
            "SECRET_KEY": os.environ.get("SECRET_KEY") or uuid.uuid4().hex,
            "DEBUG": "0",
            "LOG_LEVEL": "WARNING",
            "CONN_MAX_AGE": "60",
            # Measure the storing path: one loopback client would otherwise cross the
            # burst threshold (surveys/protection.py) within the first second.
            "PART_BURST_PER_DEVICE": "1000000000",
            "PART_BURST_PER_WAVE": "1000000000",
        }
        if not env.get("REDIS_URL"):
            # No broker: refreshes are queued in memory, as the submission path would
            # hand them to Redis; nothing runs them during the benchmark.
            env["CELERY_TASK_ALWAYS_EAGER"] = "0"
        return start_gunicorn(port=port, workers=workers, environment=env), port

    def _post(self, port: int, wave: Wave, seconds: float, clients: int):
        latencies: list[float] = []
        counts = {"accepted": 0, "failed": 0}
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds

        def client(offset: int):
            number = offset
            mine, accepted, failed = [], 0, 0
            while time.monotonic() < stop_at:
                token = uuid.uuid4()
                self.tokens.append(token)
                body = json.dumps(
                    {
                        "id": str(token),
                        "wave": wave.slug,
                        "language": "de",
                        "answers": self._answers(number),
                    }
                )
                number += clients
                started = time.perf_counter()
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    conn.request(
                        "POST",
                        "/api/v1/responses/",
                        body=body,
                        headers={"Content-Type": "application/json"},
                    )
                    reply = conn.getresponse()
                    reply.read()
                    conn.close()
                except OSError:
                    failed += 1
                    continue
                mine.append(time.perf_counter() - started)
                if reply.status == 201:
                    accepted += 1
                else:
                    failed += 1
            with lock:
                latencies.extend(mine)
                counts["accepted"] += accepted
                counts["failed"] += failed

        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        return counts["accepted"], latencies, elapsed, counts["failed"]

    def _raw_inserts(self, wave: Wave, seconds: float, clients: int) -> float:
        """Insert the same rows as a submission does, straight through psycopg."""
        structure = selectors.questionnaire_structure(questionnaire=wave.questionnaire)
        from surveys.api.serializers import raw_answer

        checked = check(structure, {k: raw_answer(v) for k, v in self._answers(1).items()})
        rows = [
            (a.question.pk, a.option.pk if a.option else None, a.number, a.text, a.declined)
            for a in checked.answers
        ]
        stop_at = time.monotonic() + seconds
        done = [0] * clients

        def insert(slot: int):
            with psycopg.connect(_database_url().replace("postgres://", "postgresql://")) as db:
                while time.monotonic() < stop_at:
                    token = uuid.uuid4()
                    self.tokens.append(token)
                    with db.transaction(), db.cursor() as cursor:
                        cursor.execute(
                            "INSERT INTO surveys_submissiontoken (token, day) VALUES (%s, %s)",
                            (token, timezone.localdate()),
                        )
                        cursor.execute(
                            "INSERT INTO surveys_response (wave_id, questionnaire_id, language,"
                            " day, quarter, age_band, gender, home_language)"
                            " VALUES (%s, %s, 'de', %s, 'altenhagen', '14-17', 'divers',"
                            " 'deutsch') RETURNING id",
                            (wave.pk, wave.questionnaire_id, timezone.localdate()),
                        )
                        response_id = cursor.fetchone()[0]
                        cursor.executemany(
                            "INSERT INTO surveys_answer (response_id, question_id, option_id,"
                            " number, text, declined) VALUES (%s, %s, %s, %s, %s, %s)",
                            [(response_id, *row) for row in rows],
                        )
                    done[slot] += 1

        started = time.monotonic()
        threads = [threading.Thread(target=insert, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(done) / (time.monotonic() - started)

    def _clean(self, wave: Wave) -> None:
        questionnaire = wave.questionnaire
        Answer.objects.filter(response__wave=wave).delete()
        Response.objects.filter(wave=wave).delete()
        wave.delete()
        questionnaire.delete()
        tokens = self.tokens
        for start in range(0, len(tokens), 1000):
            SubmissionToken.objects.filter(token__in=tokens[start : start + 1000]).delete()
