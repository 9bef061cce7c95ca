"""Benchmark a dashboard page and a results API call against a trivial view, under gunicorn.

Starts gunicorn on loopback against the current database and settings, with database
connections kept as production keeps them (CONN_MAX_AGE as in docker/compose.yaml),
and a trivial view beside the project's addresses (benchmarks/urls.py). The load comes
from another process: wrk where it is installed, else client processes of our own
(each one connection at a time, as gunicorn's sync workers close each). Prints the
requests per second and 95th percentile latency of each address, each one's ratio to
the trivial view measured in the same run, and the bytes the page and everything it
loads take on the wire when the client accepts gzip.

With --wave SLUG it measures a dashboard of that wave (a kept benchmark dataset of a
million responses, say), made once under the default site's root page if there is none.
Rounds alternate the order of the addresses, so runs of one round each alternate too
when --start-round numbers them.
"""

import gzip
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks.loopback import start_gunicorn
from benchmarks.urls import TRIVIAL_PATH
from cms.dashboard_filters import dashboard_waves
from cms.models import DashboardPage
from surveys.models import Wave

# Generous: on a loaded machine four workers importing Django take a while.
STARTUP_SECONDS = 120
# As the web service in docker/compose.yaml keeps its database connections.
PRODUCTION_CONN_MAX_AGE = "60"
# The questions a dashboard made by --wave charts, where the wave asks them (the ones
# bench_aggregation's synthetic wave asks: segments, 0-10 scales, a multiple choice).
DASHBOARD_QUESTIONS = ["quartier", "alter", "mitbestimmen", "zufrieden", "freizeit", "jugendtreff"]
# wrk reports its latency percentiles through this script (microseconds).
WRK_SCRIPT = """
wrk.headers["Accept-Encoding"] = "gzip"
wrk.headers["Host"] = "localhost"
done = function(summary, latency, requests)
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("BENCH requests=%d seconds=%.6f p95_us=%d status=%d socket=%d\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(95), summary.errors.status,
    socket))
end
"""


class _Assets(HTMLParser):
    """Collect what a browser fetches for a page: stylesheets, scripts, icons and images."""

    def __init__(self):
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("href"):
            if set((attributes.get("rel") or "").split()) & {"stylesheet", "icon", "preload"}:
                self.addresses.append(attributes["href"])
        elif tag in ("script", "img") and attributes.get("src"):
            self.addresses.append(attributes["src"])


def _get(port: int, path: str) -> tuple[int, bytes, dict]:
    """GET a path as a browser would (gzip accepted); the body as it came over the wire."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "localhost", "Accept": "*/*", "Accept-Encoding": "gzip"}
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, body, {k.lower(): v for k, v in response.getheaders()}
    finally:
        connection.close()


def _decoded(body: bytes, headers: dict) -> bytes:
    return gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body


def _page_weight(port: int, path: str) -> tuple[float, float]:
    """Return (the page's HTML, the page with every asset it loads) in KB as sent."""
    status, body, headers = _get(port, path)
    if status != 200:
        raise CommandError(f"{path} answered {status}")
    html_bytes = total = len(body)
    parser = _Assets()
    parser.feed(_decoded(body, headers).decode("utf-8", "replace"))
    queue, seen = [urljoin(path, address) for address in parser.addresses], set()
    while queue:
        address = queue.pop()
        if address in seen or urlsplit(address).netloc:
            continue  # Another host would be a bug the page tests catch; we count our own.
        seen.add(address)
        status, asset, headers = _get(port, address)
        if status != 200:
            raise CommandError(f"{address} answered {status}: is collectstatic done?")
        total += len(asset)
        if address.split("?")[0].endswith(".css"):
            text = _decoded(asset, headers).decode("utf-8", "replace")
            for found in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
                if not found.startswith("data:"):
                    queue.append(urljoin(address, found))
    return html_bytes / 1024, total / 1024


def _default_targets() -> tuple[str, str]:
    page = DashboardPage.objects.live().public().filter(locale__language_code="de").first()
    page = page or DashboardPage.objects.live().public().first()
    if page is None:
        raise CommandError("There is no live dashboard page: run seed_demo first.")
    wave_ids = [wave.pk for wave in dashboard_waves(page.body)]
    wave = Wave.objects.filter(pk__in=wave_ids, snapshots__isnull=False).first()
    if wave is None:
        raise CommandError("The dashboard shows no wave with a snapshot: run refresh_snapshots.")
    return page.url, f"/api/v1/waves/{wave.slug}/results/"


def _wave_targets(slug: str) -> tuple[str, str]:
    """Return a dashboard of the wave (made once if missing) and the wave's results API."""
    wave = Wave.objects.filter(slug=slug).first()
    if wave is None:
        raise CommandError(f"No wave has the address '{slug}'.")
    if not wave.snapshots.exists():
        raise CommandError(f"Wave '{slug}' has no snapshot: run refresh_snapshots --wave {slug}.")
    page = DashboardPage.objects.filter(slug=f"bench-{slug}").first()
    if page is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site to put the dashboard under.")
        # The shape of the wave dashboards seed_demo makes: key figures, then charts.
        questions = set(wave.questionnaire.questions.values_list("key", flat=True))
        charts = [
            (
                "chart",
                {"kind": "bar", "wave": wave, "earlier_waves": [], "question": key, "heading": ""},
            )
            for key in DASHBOARD_QUESTIONS
            if key in questions
        ]
        page = site.root_page.add_child(
            instance=DashboardPage(
                title=f"Benchmark: {wave.title}",
                slug=f"bench-{slug}",
                body=[("key_figures", {"wave": wave, "heading": ""}), *charts],
            )
        )
    return page.url, f"/api/v1/waves/{slug}/results/"


class Load:
    """Send requests from other processes for a while; return (requests/s, p95 in ms)."""

    def __init__(self, *, port: int, connections: int, seconds: float, tool: str = "auto"):
        self.port, self.connections, self.seconds = port, connections, seconds
        self.wrk = shutil.which("wrk") if tool in ("auto", "wrk") else None
        if tool == "wrk" and self.wrk is None:
            raise CommandError("wrk is not installed (apt install wrk), or choose --load processes")

    @property
    def name(self) -> str:
        return "wrk" if self.wrk else "processes"

    def run(self, path: str) -> tuple[float, float]:
        return self._wrk(path) if self.wrk else self._processes(path)

    def _wrk(self, path: str) -> tuple[float, float]:
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(WRK_SCRIPT)
            script.flush()
            done = subprocess.run(  # noqa: S603 - wrk found on PATH, fixed arguments
                [
                    self.wrk,
                    f"--threads={min(2, self.connections)}",
                    f"--connections={self.connections}",
                    f"--duration={max(1, round(self.seconds))}s",
                    # A slow answer is measured, not dropped as an error.
                    "--timeout=60s",
                    f"--script={script.name}",
                    f"http://127.0.0.1:{self.port}{path}",
                ],
                capture_output=True,
                text=True,
                timeout=self.seconds + 60,
            )
        found = re.search(
            r"BENCH requests=(\d+) seconds=([\d.]+) p95_us=(\d+) status=(\d+) socket=(\d+)",
            done.stdout,
        )
        if found is None:
            raise CommandError(f"wrk gave no result for {path}: {done.stdout}{done.stderr}")
        requests, seconds, p95_us, status, socket = found.groups()
        # wrk counts a connection the server closed mid-read as a socket error; an answer
        # other than 2xx or 3xx is a failure of the page.
        if int(status) or int(socket) > int(requests) // 100:
            raise CommandError(
                f"{status} answers were errors and {socket} requests failed on the socket, "
                f"of {requests} to {path}"
            )
        return int(requests) / float(seconds), int(p95_us) / 1000

    def _processes(self, path: str) -> tuple[float, float]:
        command = [
            sys.executable,
            "-m",
            "benchmarks.load_client",
            "--port",
            str(self.port),
            "--path",
            path,
            "--seconds",
            str(self.seconds),
        ]
        clients = [
            subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
            for _ in range(self.connections)
        ]
        results = [
            json.loads(client.communicate(timeout=self.seconds + 60)[0]) for client in clients
        ]
        failures = sum(result["failures"] for result in results)
        if failures:
            raise CommandError(f"{failures} requests to {path} failed")
        latencies = sorted(latency for result in results for latency in result["latencies"])
        seconds = max(result["seconds"] for result in results)
        p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
        return len(latencies) / seconds, 1000 * p95


class Command(BaseCommand):
    help = (
        "Benchmark a dashboard page and a results API call against a trivial view served "
        "by the same gunicorn; prints RESULT trivial_rps=... dashboard_rps=... "
        "dashboard_ratio=... api_rps=... api_ratio=... dashboard_kb_wire=..."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
        parser.add_argument("--connections", type=int, default=32, help="open at once")
        parser.add_argument("--seconds", type=float, default=10, help="per address and round")
        parser.add_argument("--rounds", type=int, default=3, help="alternating; medians kept")
        parser.add_argument("--page", help="dashboard path (default: the first live one)")
        parser.add_argument("--api", help="API path (default: results of its first wave)")
        parser.add_argument(
            "--load",
            choices=["auto", "wrk", "processes"],
            default="auto",
            help="what sends the requests (auto: wrk where installed, else client processes)",
        )
        parser.add_argument("--smoke", action="store_true", help="one short round only")
        parser.add_argument(
            "--wave", metavar="SLUG", help="measure a dashboard of this wave and its results"
        )
        parser.add_argument(
            "--start-round",
            type=int,
            default=1,
            metavar="N",
            help="number the first round N: even rounds take the addresses in reverse order",
        )

    def handle(self, *args, **options):
        page, api = _wave_targets(options["wave"]) if options["wave"] else _default_targets()
        page, api = options["page"] or page, options["api"] or api
        workers, rounds = options["workers"], options["rounds"]
        connections, seconds = options["connections"], options["seconds"]
        if options["smoke"]:
            workers, rounds, connections, seconds = 1, 1, 2, 1
        port = options["port"]
        load = Load(port=port, connections=connections, seconds=seconds, tool=options["load"])
        conn_max_age = os.environ.get("CONN_MAX_AGE", PRODUCTION_CONN_MAX_AGE)
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.stdout.write(
            f"{engine} database, CONN_MAX_AGE={conn_max_age}, DEBUG={settings.DEBUG}, "
            f"{workers} gunicorn workers, load from {load.name} with {connections} "
            f"connections, {seconds:g} s per address, {rounds} rounds, "
            f"load average {' '.join(f'{value:.2f}' for value in os.getloadavg())}"
        )
        targets = {"trivial": TRIVIAL_PATH, "dashboard": page, "api": api}
        measured = {name: [] for name in targets}
        # A file, not a pipe, takes the server's log: a full pipe could block it.
        with tempfile.TemporaryFile() as log:
            server = self._start_gunicorn(port, workers, conn_max_age, log)
            try:
                for path in targets.values():
                    load.run(path)  # Warm every worker's connection and cache.
                first = options["start_round"]
                for round_number in range(first, first + rounds):
                    order = list(targets.items())
                    for name, path in order if round_number % 2 else reversed(order):
                        rps, p95 = load.run(path)
                        measured[name].append((rps, p95))
                        self.stdout.write(
                            f"round {round_number} {path}: {rps:.0f} requests/s, p95 {p95:.1f} ms"
                        )
                html_kb, total_kb = _page_weight(port, page)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        median = {name: _median_pair(values) for name, values in measured.items()}
        trivial_rps = median["trivial"][0]
        self.stdout.write(
            f"RESULT trivial_rps={trivial_rps:.0f} "
            f"dashboard_rps={median['dashboard'][0]:.0f} "
            f"dashboard_p95_ms={median['dashboard'][1]:.1f} "
            f"dashboard_ratio={median['dashboard'][0] / trivial_rps:.2f} "
            f"api_rps={median['api'][0]:.0f} api_p95_ms={median['api'][1]:.1f} "
            f"api_ratio={median['api'][0] / trivial_rps:.2f} "
            f"dashboard_html_kb_wire={html_kb:.1f} dashboard_kb_wire={total_kb:.0f}"
        )

    def _start_gunicorn(self, port: int, workers: int, conn_max_age: str, log):
        environment = os.environ | {
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            "PART_BENCH_SETTINGS": settings.SETTINGS_MODULE,
            "CONN_MAX_AGE": conn_max_age,
        }
        return start_gunicorn(
            port=port,
            workers=workers,
            environment=environment,
            stderr=log,
            startup_seconds=STARTUP_SECONDS,
        )


def _median_pair(values: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the median requests/s and the median p95 of the rounds."""
    rates = sorted(rate for rate, _p95 in values)
    latencies = sorted(p95 for _rate, p95 in values)
    middle = len(values) // 2
    return rates[middle], latencies[middle]
