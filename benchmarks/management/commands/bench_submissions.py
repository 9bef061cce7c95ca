"""Benchmark submissions: gunicorn against PostgreSQL, concurrent clients, bounded time.

Two paths, one after the other against the same gunicorn: the HTML runner as a
browser uses it (GET the first page, POST it, POST the second page, follow nothing
further: three requests per submission, with the CSRF cookie and token), and the
JSON API an offline tablet posts to. Prints submissions per second, p50/p95 latency
of a whole submission and lost = accepted − stored for each, beside the rate of
inserting the same rows with raw psycopg in the same run. The last line reads
`RESULT html_per_s=... html_p95_ms=... api_per_s=... api_p95_ms=... lost=...
raw_insert_ratio=... load=...`; the ratio is the HTML path's rate to the raw rate.
"""

import contextlib
import html
import http.client
import json
import os
import re
import socket
import subprocess
import threading
import time
import urllib.parse
import uuid

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from benchmarks.loopback import start_gunicorn
from surveys import selectors
from surveys.forms import RunnerState, StateError
from surveys.models import (
    Answer,
    Question,
    Questionnaire,
    Response,
    SpentSet,
    Wave,
    random_record_key,
)
from surveys.services.questionnaires import complete_questionnaire
from surveys.services.spent_sets import forget_tokens, token_digest
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


HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def _hidden_fields(page: str) -> list[tuple[str, str]]:
    """Return the hidden inputs of a runner page: CSRF token, signed state, start stamp."""
    return [(name, html.unescape(value)) for name, value in HIDDEN_INPUT.findall(page)]


def _request(port: int, method: str, path: str, body=None, headers=None):
    """Send one request on a fresh connection (gunicorn's sync workers close each one)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        reply = conn.getresponse()
        content = reply.read().decode("utf-8", "replace")
        return reply.status, reply.getheaders(), content
    finally:
        conn.close()


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Command(BaseCommand):
    help = (
        "Benchmark submissions through the HTML runner and POST /api/v1/responses/ under "
        "gunicorn against PostgreSQL on loopback."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seconds", type=float, default=20.0, help="How long clients post, per path."
        )
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
                runner = self._post(port, wave, seconds, options["clients"], self._through_runner)
                api = self._post(port, wave, seconds, options["clients"], self._through_api)
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
        out = self.stdout.write
        clients, workers = options["clients"], options["workers"]
        out(f"clients={clients} gunicorn_workers={workers} seconds={seconds:g} per path")
        figures = {}
        for name, (accepted, latencies, elapsed, failures) in (("html", runner), ("api", api)):
            rate = accepted / elapsed if elapsed else 0.0
            p50 = _percentile(latencies, 0.50) * 1000
            p95 = _percentile(latencies, 0.95) * 1000
            figures[name] = (accepted, rate, p95)
            out(
                f"{name}: accepted={accepted} failed_requests={failures} "
                f"submissions_per_s={rate:.1f} p50_ms={p50:.1f} p95_ms={p95:.1f}"
            )
        accepted = figures["html"][0] + figures["api"][0]
        out(f"accepted={accepted} stored={stored}")
        out(f"raw_psycopg_inserts_per_s={raw_rate:.1f} (same rows, 2 connections)")
        ratio = figures["html"][1] / raw_rate if raw_rate else 0.0
        load = "/".join(f"{value:.2f}" for value in os.getloadavg())
        out(
            f"RESULT html_per_s={figures['html'][1]:.1f} html_p95_ms={figures['html'][2]:.1f} "
            f"api_per_s={figures['api'][1]:.1f} api_p95_ms={figures['api'][2]:.1f} "
            f"lost={accepted - stored} raw_insert_ratio={ratio:.2f} load={load}"
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
            # Production settings; static files found without collectstatic (the runner
            # page links its stylesheet) and no minimum time to fill.
            "DJANGO_SETTINGS_MODULE": "benchmarks.live_settings",
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
        # A loaded machine may take well over 30 s to start four workers.
        server = start_gunicorn(port=port, workers=workers, environment=env, startup_seconds=120)
        return server, port

    def _through_api(self, port: int, wave: Wave, number: int) -> bool:
        """Post one response as JSON, as an offline tablet syncs it; return if accepted."""
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
        status, _headers, _body = _request(
            port, "POST", "/api/v1/responses/", body, {"Content-Type": "application/json"}
        )
        return status == 201

    def _through_runner(self, port: int, wave: Wave, number: int) -> bool:
        """Answer the survey as a browser does: GET page 1, POST it, POST page 2."""
        path = f"/s/{wave.slug}/"
        status, headers, page = _request(port, "GET", path)
        if status != 200:
            return False
        cookie = "; ".join(
            value.split(";", 1)[0] for name, value in headers if name.lower() == "set-cookie"
        )
        answers = self._answers(number)
        first = ("quartier", "alter", "geschlecht", "sprache")
        pages = [
            {key: value for key, value in answers.items() if key in first},
            {key: value for key, value in answers.items() if key not in first},
        ]
        for answers_on_page in pages:
            fields = _hidden_fields(page) + [("action", "next")]
            for key, value in answers_on_page.items():
                if isinstance(value, dict):
                    fields.append((f"{key}__declined", "1"))
                else:
                    fields.append((key, str(value)))
            status, headers, page = _request(
                port,
                "POST",
                path,
                urllib.parse.urlencode(fields),
                {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
            )
            if answers_on_page is pages[0]:
                # The runner's token sits in its signed state; kept to forget it afterwards.
                state = dict(_hidden_fields(page)).get("state", "")
                with contextlib.suppress(StateError):
                    self.tokens.append(RunnerState.load(state, wave=wave).token)
        # The last page redirects to "thank you" once the response is stored.
        return status == 302

    def _post(self, port: int, wave: Wave, seconds: float, clients: int, submit):
        latencies: list[float] = []
        counts = {"accepted": 0, "failed": 0}
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds

        def client(offset: int):
            number = offset
            mine, accepted, failed = [], 0, 0
            while time.monotonic() < stop_at:
                started = time.perf_counter()
                try:
                    is_accepted = submit(port, wave, number)
                except OSError:
                    failed += 1
                    continue
                finally:
                    number += clients
                mine.append(time.perf_counter() - started)
                if is_accepted:
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
        day = timezone.localdate().isoformat()
        SpentSet.objects.bulk_create(
            [SpentSet(kind=SpentSet.Kind.TOKENS, scope=day)], ignore_conflicts=True
        )

        def insert(slot: int):
            with psycopg.connect(_database_url().replace("postgres://", "postgresql://")) as db:
                while time.monotonic() < stop_at:
                    token = uuid.uuid4()
                    self.tokens.append(token)
                    with db.transaction(), db.cursor() as cursor:
                        cursor.execute(
                            "INSERT INTO surveys_response (wave_id, questionnaire_id, language,"
                            " day, quarter, age_band, gender, home_language, record_key)"
                            " VALUES (%s, %s, 'de', %s, 'altenhagen', '14-17', 'divers',"
                            " 'deutsch', %s) RETURNING id",
                            (
                                wave.pk,
                                wave.questionnaire_id,
                                timezone.localdate(),
                                random_record_key(),
                            ),
                        )
                        response_id = cursor.fetchone()[0]
                        cursor.executemany(
                            "INSERT INTO surveys_answer (response_id, question_id, option_id,"
                            " number, text, declined) VALUES (%s, %s, %s, %s, %s, %s)",
                            [(response_id, *row) for row in rows],
                        )
                        # Last, as a submission spends its token: one locked row per day.
                        cursor.execute(
                            "UPDATE surveys_spentset SET entries = entries || %s"
                            " WHERE kind = 'tokens' AND scope = %s",
                            (f"{token_digest(token)}\n", day),
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
        forget_tokens(self.tokens)
