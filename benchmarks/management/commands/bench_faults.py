"""Benchmark: submissions through gunicorn while Redis and PostgreSQL stop and start.

Starts a private redis-server and PostgreSQL cluster (benchmarks/services.py), migrates,
serves the site with gunicorn and lets N clients send answers. Half of them answer
through the HTML runner as a phone does (GET the first page, POST it, POST the second
and last page with the signed state and the CSRF cookie), the other half through the
API as a tablet syncs its queue. Each request is sent again after a 503 or a broken
connection until the site takes it: the runner keeps the answers in its form, so the
same form is sent again, and a sent form or id is stored once. Part way through Redis
stops and starts, then PostgreSQL. Ends with one line:

    RESULT accepted=… stored=… lost=0 errors_5xx=… p95_ms=… recovered_s=…

`errors_5xx` counts 5xx answers other than the documented 503 of a database outage;
`recovered_s` is the time from PostgreSQL answering again to the next stored answer;
`p95_ms` is over the requests that stored an answer (the API POST, the runner's last
POST). Counts per channel follow (`runner=… api=…`), then `submissions_per_s`.
"""

import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from urllib.parse import urlencode

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


def _request(port, method, path, body, headers) -> tuple[int, str, dict]:
    """Return status, text and headers of one request; status 0 when the connection broke."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body, headers)
        reply = connection.getresponse()
        text = reply.read().decode(errors="replace")
        return reply.status, text, dict(reply.getheaders())
    except OSError:
        return 0, "", {}
    finally:
        connection.close()


def _hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    return found.group(1) if found else ""


def _csrf_cookie(headers: dict) -> str:
    found = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    return found.group(1) if found else ""


def _runner_pages(answers: dict) -> list[dict]:
    """Return the benchmark survey's answers as the runner's two forms post them."""
    fields: dict[str, object] = {}
    for key, value in answers.items():
        if isinstance(value, dict) and value.get("declined"):
            fields[f"{key}__declined"] = "1"
        else:
            fields[key] = str(value)
    first = ("quartier", "alter", "geschlecht", "sprache")
    one = {key: value for key, value in fields.items() if key.split("__")[0] in first}
    two = {key: value for key, value in fields.items() if key.split("__")[0] not in first}
    return [one, two]


class Command(BaseCommand):
    help = "Send answers while Redis and PostgreSQL stop and start; print RESULT with lost=0."

    def add_arguments(self, parser):
        parser.add_argument("--submissions", type=int, default=400)
        parser.add_argument("--clients", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--no-faults", action="store_true", help="measure throughput only")
        parser.add_argument(
            "--runner-share",
            type=float,
            default=0.5,
            help="share of the clients that answer through the HTML runner (the rest: API)",
        )

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
                # A loaded machine (or `nice`) may take well over 30 s to start the workers.
                server = start_gunicorn(
                    port=port,
                    workers=options["workers"],
                    environment=environment,
                    stderr=errors,
                    startup_seconds=180,
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
        state = {"next": 0, "accepted": 0, "errors_5xx": 0, "unavailable": 0, "refused": 0}
        by_channel = {"runner": 0, "api": 0}
        latencies: list[float] = []
        recovered = {"started": None, "first": None}

        def take() -> int | None:
            with lock:
                if state["next"] >= total:
                    return None
                state["next"] += 1
                return state["next"]

        def note_failure(status: int) -> None:
            with lock:
                if status == 503:
                    state["unavailable"] += 1
                elif status >= 500:
                    state["errors_5xx"] += 1

        def note_stored(channel: str, started: float, is_new: bool) -> None:
            with lock:
                state["accepted"] += is_new
                by_channel[channel] += is_new
                latencies.append((time.perf_counter() - started) * 1000)
                if recovered["started"] and recovered["first"] is None:
                    recovered["first"] = time.monotonic()

        def send_until_taken(method, path, body, headers, taken):
            """Send one request until the site answers as `taken` says; a tablet and a
            person both wait a moment and send the same thing again. None if refused."""
            while True:
                started = time.perf_counter()
                status, text, reply_headers = _request(port, method, path, body, headers)
                if taken(status):
                    return status, text, reply_headers, started
                if 400 <= status < 500:
                    # Refused as sent (a bug in this benchmark or the site): counted, not resent.
                    with lock:
                        state["refused"] += 1
                    return None
                note_failure(status)
                time.sleep(0.05)

        def api_client():
            while (number := take()) is not None:
                body = json.dumps(
                    {
                        "id": str(uuid.uuid4()),
                        "wave": slug,
                        "language": "de",
                        "answers": make_answers(number),
                    }
                )
                sent = send_until_taken(
                    "POST",
                    "/api/v1/responses/",
                    body,
                    {"Content-Type": "application/json"},
                    lambda status: status in (200, 201),
                )
                if sent is not None:
                    note_stored("api", sent[3], sent[0] == 201)

        def runner_client():
            address = f"/s/{slug}/"
            while (number := take()) is not None:
                answers = make_answers(number)
                sent = send_until_taken("GET", address, None, {}, lambda status: status == 200)
                if sent is None:
                    continue
                _status, page, headers, started = sent
                form_headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={_csrf_cookie(headers)}",
                }
                pages = _runner_pages(answers)
                for index, fields in enumerate(pages):
                    form = {
                        "csrfmiddlewaretoken": _hidden(page, "csrfmiddlewaretoken"),
                        "state": _hidden(page, "state"),
                        "started": _hidden(page, "started"),
                        "action": "next",
                        **fields,
                    }
                    expected = 302 if index == len(pages) - 1 else 200
                    sent = send_until_taken(
                        "POST",
                        address,
                        urlencode(form, doseq=True),
                        form_headers,
                        lambda status, expected=expected: status == expected,
                    )
                    if sent is None:
                        break
                    _status, page, _headers, started = sent
                else:
                    note_stored("runner", started, True)

        runners = round(clients * options["runner_share"])
        threads = [
            threading.Thread(target=runner_client if index < runners else api_client)
            for index in range(clients)
        ]
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
            f"p95_ms={_percentile(latencies, 0.95):.1f} recovered_s={recovered_s:.2f} "
            f"unavailable_503={state['unavailable']} runner={by_channel['runner']} "
            f"api={by_channel['api']} refused_4xx={state['refused']} "
            f"submissions_per_s={state['accepted'] / elapsed:.1f}"
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
