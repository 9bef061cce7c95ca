"""Benchmark submissions: gunicorn against PostgreSQL, concurrent clients, bounded time.

With `REDIS_URL`, a Celery worker runs beside gunicorn as in production (`--no-worker`
leaves it out), so the refreshes the answers queue run while they arrive.

Two paths, one after the other against the same gunicorn: the HTML runner as a
browser uses it (GET the first page, POST it, POST the second page, follow nothing
further: three requests per submission, with the CSRF cookie and token), and the
JSON API an offline tablet posts to. The API is driven by wrk where it is installed
(a lean client in C that leaves the cores to the server), else by threads in this
process, like the runner. Prints submissions per second, p50/p95 latency of a whole
submission and lost = accepted − stored for each, beside the rate of inserting the
same rows with the same statements through raw psycopg (as many connections as
clients) in the same run, and the server's CPU time per submission (gunicorn and its
PostgreSQL backends, from /proc): 2 cores give 2,000 ms of CPU a second, so 2000 /
cpu_ms is the ceiling they set. CPU time per request grows on a machine others load
(more switches, colder caches), so compare figures taken under similar load. The last
line reads `RESULT html_per_s=... html_p95_ms=... api_per_s=... api_p95_ms=... lost=...
raw_insert_ratio=... raw_per_s=... html_cpu_ms=... api_cpu_ms=...
api_cpu_ceiling_per_s=... load=...`; the ratio is the HTML path's rate to the raw rate.
"""

import argparse
import contextlib
import html
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
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
from benchmarks.server_cpu import ServerCpu
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
from surveys.services.spent_sets import (
    SPEND_SQL,
    forget_tokens,
    spend_token_parameters,
    token_digest,
)
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


# Each wrk thread posts the bodies of its own file, one per line, each once; it counts
# the 201s (stored now) and reports them with its latency percentiles (microseconds).
API_WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = {}
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end
function init(args)
  bodies = {}
  for line in io.lines(args[1] .. id) do bodies[#bodies + 1] = line end
  sent, created = 0, 0
end
function request()
  sent = sent + 1
  return wrk.format(nil, nil, nil, bodies[(sent - 1) % #bodies + 1])
end
function response(status, headers, body)
  if status == 201 then created = created + 1 end
end
function done(summary, latency, requests)
  local created = 0
  for _, thread in ipairs(threads) do created = created + thread:get("created") end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    "BENCH requests=%d created=%d seconds=%.6f p50_us=%d p95_us=%d status=%d socket=%d\\n",
    summary.requests, created, summary.duration / 1e6, latency:percentile(50),
    latency:percentile(95), summary.errors.status, socket))
end
"""
# Generous: on a loaded machine four workers importing Django take a while.
STARTUP_SECONDS = 120
# Submissions per gunicorn worker and path before measuring, sent 2 by 2 at least.
WARM_UP_PER_WORKER = 4
# Bodies prepared per second of the API run: more than 2 cores can store.
WRK_BODIES_PER_SECOND = 2500


NOT_MEASURED = {
    "accepted": 0,
    "failed": 0,
    "rate": 0.0,
    "p50": 0.0,
    "p95": 0.0,
    "cpu": 0.0,
    "cpu_parts": {"gunicorn": 0.0, "postgres": 0.0},
}


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
        parser.add_argument(
            "--paths",
            choices=["both", "html", "api"],
            default="both",
            help="Which paths to measure (the other one's figures print as 0).",
        )
        parser.add_argument(
            "--worker",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Run a Celery worker beside gunicorn, as production does (needs REDIS_URL).",
        )
        parser.add_argument(
            "--api-client",
            choices=["auto", "wrk", "threads"],
            default="auto",
            help="What posts to the API: wrk (auto: where installed) or threads in this process.",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "bench_submissions needs PostgreSQL: "
                "set DATABASE_URL=postgres://postgres@127.0.0.1:5432/part"
            )
        seconds, clients = options["seconds"], options["clients"]
        self.tokens: list[uuid.UUID] = []
        self.warmed = 0
        self.wrk = shutil.which("wrk") if options["api_client"] in ("auto", "wrk") else None
        if options["api_client"] == "wrk" and self.wrk is None:
            raise CommandError(
                "wrk is not installed (apt install wrk), or choose --api-client threads"
            )
        wave = self._bench_wave()
        env = self._environment()
        worker = self._start_worker(env) if options["worker"] else None
        try:
            server, port = self._start_gunicorn(options["workers"], env)
            try:
                cpu = ServerCpu(gunicorn_pid=server.pid, backends=self._backends)
                # Each worker imports a path's views and opens its connections on its
                # first requests: steady state is what is measured.
                runner = api = NOT_MEASURED
                if options["paths"] in ("both", "html"):
                    self._warm_up(port, wave, self._through_runner, options["workers"])
                    runner = self._measured(cpu, self._post, port, wave, seconds, clients)
                if options["paths"] in ("both", "api"):
                    self._warm_up(port, wave, self._through_api, options["workers"])
                    api_path = self._through_wrk if self.wrk else self._post_api
                    api = self._measured(cpu, api_path, port, wave, seconds, clients)
            finally:
                for process in (server, worker):
                    if process is None:
                        continue
                    process.terminate()
                    try:
                        process.wait(timeout=15)
                    except subprocess.TimeoutExpired:
                        process.kill()
            stored = Response.objects.filter(wave=wave).count()
            raw_rate = self._raw_inserts(wave, options["raw_seconds"] or seconds, clients=clients)
        finally:
            self._clean(wave)
        out = self.stdout.write
        api_client = "wrk" if self.wrk else "threads"
        out(
            f"clients={clients} gunicorn_workers={options['workers']} seconds={seconds:g} "
            f"per path; html client=threads, api client={api_client}"
        )
        for name, figures in (("html", runner), ("api", api)):
            out(
                f"{name}: accepted={figures['accepted']} failed_requests={figures['failed']} "
                f"submissions_per_s={figures['rate']:.1f} p50_ms={figures['p50']:.1f} "
                f"p95_ms={figures['p95']:.1f} server_cpu_ms_per_submission={figures['cpu']:.2f} "
                f"(gunicorn {figures['cpu_parts']['gunicorn']:.2f}, "
                f"postgres {figures['cpu_parts']['postgres']:.2f})"
            )
        accepted = runner["accepted"] + api["accepted"] + self.warmed
        # wrk stops with requests under way: the server may have stored a few whose 201
        # the client never read. Only fewer stored than accepted is a loss.
        out(
            f"accepted={accepted} (of them {self.warmed} to warm up) stored={stored} "
            f"(stored while the client stopped: {max(0, stored - accepted)})"
        )
        out(
            f"raw_psycopg_inserts_per_s={raw_rate:.1f} "
            f"(same rows and statements, {clients} connections)"
        )
        ratio = runner["rate"] / raw_rate if raw_rate else 0.0
        ceiling = 2000 / api["cpu"] if api["cpu"] else 0.0
        load = "/".join(f"{value:.2f}" for value in os.getloadavg())
        out(
            f"RESULT html_per_s={runner['rate']:.1f} html_p95_ms={runner['p95']:.1f} "
            f"api_per_s={api['rate']:.1f} api_p95_ms={api['p95']:.1f} "
            f"lost={max(0, accepted - stored)} raw_insert_ratio={ratio:.2f} "
            f"raw_per_s={raw_rate:.1f} "
            f"html_cpu_ms={runner['cpu']:.2f} api_cpu_ms={api['cpu']:.2f} "
            f"api_cpu_ceiling_per_s={ceiling:.0f} load={load}"
        )

    def _backends(self) -> list[int]:
        """Return the PostgreSQL backends serving this database, other than our own."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            return [row[0] for row in cursor.fetchall()]

    def _warm_up(self, port: int, wave: Wave, submit, workers: int) -> None:
        """Send a few submissions per worker from parallel clients, not measured."""
        results: list[bool] = []

        def send(number: int) -> None:
            results.append(submit(port, wave, number))

        threads = [
            threading.Thread(target=send, args=(number,))
            for number in range(WARM_UP_PER_WORKER * workers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.warmed += sum(results)

    def _measured(self, cpu: ServerCpu, run, *arguments) -> dict:
        """Run one path, adding the server's CPU milliseconds per accepted submission."""
        cpu.start()
        figures = run(*arguments)
        spent = cpu.spent_ms()
        accepted = figures["accepted"] or 1
        figures["cpu"] = sum(spent.values()) / accepted if figures["accepted"] else 0.0
        figures["cpu_parts"] = {part: value / accepted for part, value in spent.items()}
        return figures

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

    def _environment(self) -> dict:
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
        return env

    def _start_gunicorn(self, workers: int, env: dict):
        port = _free_port()
        server = start_gunicorn(
            port=port, workers=workers, environment=env, startup_seconds=STARTUP_SECONDS
        )
        return server, port

    def _start_worker(self, env: dict) -> subprocess.Popen | None:
        """Start one Celery worker on the benchmark's broker, as production runs one.

        It runs the refreshes the answers queue: a refresh starts REFRESH_DELAY_SECONDS
        after it was queued and clears its flag, so each web process reads the flag about
        once a refresh, as in production, not on every answer once the delay is over.
        Its CPU time is not counted as the server's, but it takes its share of the
        cores. None without a broker (`REDIS_URL`).
        """
        if not env.get("REDIS_URL"):
            return None
        return subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--loglevel",
                "warning",
                "--pool",
                "solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
        )

    def _api_body(self, wave: Wave, number: int) -> str:
        """Return one response as JSON with a fresh id, as an offline tablet syncs it."""
        token = uuid.uuid4()
        self.tokens.append(token)
        return json.dumps(
            {
                "id": str(token),
                "wave": wave.slug,
                "language": "de",
                "answers": self._answers(number),
            }
        )

    def _through_api(self, port: int, wave: Wave, number: int) -> bool:
        """Post one response as JSON; return whether it was stored."""
        body = self._api_body(wave, number)
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

    def _post_api(self, port: int, wave: Wave, seconds: float, clients: int) -> dict:
        return self._post(port, wave, seconds, clients, submit=self._through_api)

    def _through_wrk(self, port: int, wave: Wave, seconds: float, clients: int) -> dict:
        """Post prepared bodies with wrk, each once, from two threads of its own."""
        threads = min(2, clients)
        count = int(seconds * WRK_BODIES_PER_SECOND / threads) + 1
        with tempfile.TemporaryDirectory() as folder:
            prefix = os.path.join(folder, "bodies-")
            for thread in range(threads):
                with open(f"{prefix}{thread}", "w") as bodies:
                    for number in range(thread, count * threads, threads):
                        bodies.write(self._api_body(wave, number) + "\n")
            script = os.path.join(folder, "post.lua")
            with open(script, "w") as lua:
                lua.write(API_WRK_SCRIPT)
            done = subprocess.run(  # noqa: S603 - wrk found on PATH, fixed arguments
                [
                    self.wrk,
                    f"--threads={threads}",
                    f"--connections={clients}",
                    f"--duration={max(1, round(seconds))}s",
                    "--timeout=60s",
                    f"--script={script}",
                    f"http://127.0.0.1:{port}/api/v1/responses/",
                    "--",
                    prefix,
                ],
                capture_output=True,
                text=True,
                timeout=seconds + 120,
            )
        found = re.search(
            r"BENCH requests=(\d+) created=(\d+) seconds=([\d.]+) p50_us=(\d+) p95_us=(\d+) "
            r"status=(\d+) socket=(\d+)",
            done.stdout,
        )
        if found is None:
            raise CommandError(f"wrk gave no result: {done.stdout}{done.stderr}")
        requests, created, elapsed, p50, p95, status, socket_errors = found.groups()
        return {
            "accepted": int(created),
            "failed": int(requests) - int(created),
            "rate": int(created) / float(elapsed),
            "p50": int(p50) / 1000,
            "p95": int(p95) / 1000,
        }

    def _post(self, port: int, wave: Wave, seconds: float, clients: int, submit=None) -> dict:
        submit = submit or self._through_runner
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
        return {
            "accepted": counts["accepted"],
            "failed": counts["failed"],
            "rate": counts["accepted"] / elapsed if elapsed else 0.0,
            "p50": _percentile(latencies, 0.50) * 1000,
            "p95": _percentile(latencies, 0.95) * 1000,
        }

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
        today = timezone.localdate()
        if not SpentSet.objects.filter(
            kind=SpentSet.Kind.TOKENS, scope__startswith=today.isoformat()
        ).exists():
            SpentSet.objects.bulk_create(
                [SpentSet(kind=SpentSet.Kind.TOKENS, scope=today.isoformat())],
                ignore_conflicts=True,
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
                        # Last, as a submission spends its token, with the same statement.
                        cursor.execute(
                            SPEND_SQL,
                            spend_token_parameters(digest=token_digest(token), today=today),
                        )
                        stored = cursor.fetchone() is not None
                        if not stored:
                            # No set covers it (a split committed meanwhile): store nothing.
                            raise psycopg.Rollback
                    done[slot] += stored

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
