"""Benchmark: submissions through gunicorn while Redis and PostgreSQL stop and start.

Starts a private redis-server and PostgreSQL cluster (benchmarks/services.py), migrates,
serves the site with gunicorn and lets N clients send answers to the API the way a
tablet syncs its queue: each answer is sent again after a 503 or a broken connection
until the site takes it. Part way through Redis stops and starts, then PostgreSQL.
Ends with one line:

    RESULT accepted=… stored=… lost=0 errors_5xx=… p95_ms=… recovered_s=…

`errors_5xx` counts 5xx answers other than the documented 503 of a database outage;
`recovered_s` is the time from PostgreSQL answering again to the next stored answer.
"""

import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks.loopback import start_gunicorn
from benchmarks.services import PrivatePostgres, PrivateRedis, free_port, missing_binaries

MAKE_WAVE = (
    "from benchmarks.management.commands.bench_submissions import Command; "
    "print(Command()._bench_wave().slug)"
)


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Command(BaseCommand):
    help = "Send answers while Redis and PostgreSQL stop and start; print RESULT with lost=0."

    def add_arguments(self, parser):
        parser.add_argument("--submissions", type=int, default=400)
        parser.add_argument("--clients", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--no-faults", action="store_true", help="measure throughput only")

    def handle(self, *args, **options):
        missing = missing_binaries()
        if missing:
            raise CommandError(f"bench_faults needs {', '.join(missing)} on PATH")
        postgres, redis_server = PrivatePostgres(database="part_bench"), PrivateRedis()
        server = None
        with tempfile.TemporaryFile() as errors:
            try:
                postgres.create()
                redis_server.start()
                environment = self._environment(postgres, redis_server)
                self._manage(environment, "migrate", "--noinput", "-v", "0")
                slug = self._manage(environment, "shell", "-c", MAKE_WAVE).strip().splitlines()[-1]
                port = free_port()
                server = start_gunicorn(
                    port=port, workers=options["workers"], environment=environment, stderr=errors
                )
                result = self._run(port, slug, postgres, redis_server, options)
            finally:
                if server is not None:
                    server.terminate()
                    server.wait(timeout=30)
                redis_server.stop()
                postgres.destroy()
        self.stdout.write(result)

    def _environment(self, postgres, redis_server) -> dict:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.live_settings",
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis_server.url,
            "SECRET_KEY": uuid.uuid4().hex,
            "DEBUG": "0",
            "LOG_LEVEL": "ERROR",
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "PART_CACHE_RETRY_SECONDS": "1",
            # Loopback clients share one address: measure storing, not the puzzle.
            "PART_BURST_PER_DEVICE": "1000000000",
            "PART_BURST_PER_WAVE": "1000000000",
        }

    def _manage(self, environment: dict, *arguments: str) -> str:
        result = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
            [sys.executable, "manage.py", *arguments],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if result.returncode != 0:
            raise CommandError(result.stderr[-3000:])
        return result.stdout

    def _run(self, port, slug, postgres, redis_server, options) -> str:
        from benchmarks.management.commands.bench_submissions import Command as Submissions

        total, clients = options["submissions"], options["clients"]
        make_answers = Submissions()._answers
        lock = threading.Lock()
        state = {"next": 0, "accepted": 0, "errors_5xx": 0, "unavailable": 0}
        latencies: list[float] = []
        recovered = {"started": None, "first": None}

        def take() -> int | None:
            with lock:
                if state["next"] >= total:
                    return None
                state["next"] += 1
                return state["next"]

        def send(body: str) -> int:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request(
                    "POST", "/api/v1/responses/", body, {"Content-Type": "application/json"}
                )
                reply = connection.getresponse()
                reply.read()
                return reply.status
            except OSError:
                return 0
            finally:
                connection.close()

        def client():
            while (number := take()) is not None:
                body = json.dumps(
                    {
                        "id": str(uuid.uuid4()),
                        "wave": slug,
                        "language": "de",
                        "answers": make_answers(number),
                    }
                )
                while True:
                    started = time.perf_counter()
                    status = send(body)
                    if status in (200, 201):
                        with lock:
                            state["accepted"] += status == 201
                            latencies.append((time.perf_counter() - started) * 1000)
                            if recovered["started"] and recovered["first"] is None:
                                recovered["first"] = time.monotonic()
                        break
                    with lock:
                        if status == 503:
                            state["unavailable"] += 1
                        elif status >= 500:
                            state["errors_5xx"] += 1
                    time.sleep(0.05)  # a tablet waits a moment before it retries

        threads = [threading.Thread(target=client) for _ in range(clients)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        if not options["no_faults"]:
            self._faults(total, state, lock, postgres, redis_server, recovered)
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
        stored = postgres.query(
            "SELECT count(*) FROM surveys_response r JOIN surveys_wave w ON w.id = r.wave_id "
            "WHERE w.slug = %s",
            (slug,),
        )[0][0]
        recovered_s = (
            recovered["first"] - recovered["started"]
            if recovered["first"] and recovered["started"]
            else 0.0
        )
        return (
            f"RESULT accepted={state['accepted']} stored={stored} "
            f"lost={state['accepted'] - stored} errors_5xx={state['errors_5xx']} "
            f"unavailable_503={state['unavailable']} p95_ms={_percentile(latencies, 0.95):.1f} "
            f"recovered_s={recovered_s:.2f} submissions_per_s={state['accepted'] / elapsed:.1f}"
        )

    def _faults(self, total, state, lock, postgres, redis_server, recovered):
        """Stop and start Redis, then PostgreSQL, at fixed shares of the accepted answers."""

        def reach(share: float) -> None:
            while True:
                with lock:
                    if state["accepted"] >= share * total or state["next"] >= total:
                        return
                time.sleep(0.02)

        reach(0.2)
        redis_server.stop()
        reach(0.35)
        redis_server.start()
        reach(0.5)
        postgres.stop()
        # Let the clients meet the outage before the database comes back.
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and state["unavailable"] < 20:
            time.sleep(0.05)
        postgres.start()
        recovered["started"] = time.monotonic()
