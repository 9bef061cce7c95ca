"""Benchmark a dashboard page and a results API call under gunicorn on loopback.

Starts gunicorn against the current database and settings, warms it up, then sends
requests from concurrent clients (threads, one connection per request, as gunicorn's
sync workers close each) and prints requests per second and the 95th percentile
latency of each, and the gzipped weight of the page with everything it loads.
"""

import gzip
import http.client
import os
import re
import subprocess
import tempfile
import threading
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks.loopback import start_gunicorn
from cms.dashboard_filters import dashboard_waves
from cms.models import DashboardPage
from surveys.models import Wave

STARTUP_SECONDS = 30


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


def _get(port: int, path: str, *, gzip_ok: bool = False) -> tuple[int, bytes, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "localhost", "Accept": "*/*"}
    if gzip_ok:
        headers["Accept-Encoding"] = "gzip"
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, body, {k.lower(): v for k, v in response.getheaders()}
    finally:
        connection.close()


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _load(port: int, path: str, *, requests: int, clients: int) -> tuple[float, float]:
    """Send `requests` GETs from `clients` threads; return (requests/s, p95 in ms)."""
    latencies: list[float] = []
    failures: list[str] = []
    remaining = iter(range(requests))
    lock = threading.Lock()

    def client():
        while True:
            with lock:
                if next(remaining, None) is None:
                    return
            started = time.perf_counter()
            status, _body, _headers = _get(port, path, gzip_ok=True)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    failures.append(f"{status} {path}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if failures:
        raise CommandError(f"{len(failures)} requests failed, first: {failures[0]}")
    return len(latencies) / wall, 1000 * _percentile(latencies, 0.95)


def _gzipped_size(body: bytes, headers: dict) -> int:
    if headers.get("content-encoding") == "gzip":
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


def _page_weight(port: int, path: str) -> float:
    """Return the page and every asset it loads, gzipped, in KB (CSS url()s included)."""
    status, body, headers = _get(port, path, gzip_ok=True)
    if status != 200:
        raise CommandError(f"{path} answered {status}")
    html = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
    total = _gzipped_size(body, headers)
    parser = _Assets()
    parser.feed(html.decode("utf-8", "replace"))
    queue, seen = [urljoin(path, address) for address in parser.addresses], set()
    while queue:
        address = queue.pop()
        if address in seen or urlsplit(address).netloc:
            continue  # Another host would be a bug the page tests catch; we count our own.
        seen.add(address)
        status, asset, headers = _get(port, address, gzip_ok=True)
        if status != 200:
            raise CommandError(f"{address} answered {status}: is collectstatic done?")
        total += _gzipped_size(asset, headers)
        if address.split("?")[0].endswith(".css"):
            text = gzip.decompress(asset) if headers.get("content-encoding") == "gzip" else asset
            for found in re.findall(r"url\(\s*['\"]?([^'\")]+)", text.decode("utf-8", "replace")):
                if not found.startswith("data:"):
                    queue.append(urljoin(address, found))
    return total / 1024


def _default_targets() -> tuple[str, str]:
    page = DashboardPage.objects.live().public().filter(locale__language_code="de").first()
    page = page or DashboardPage.objects.live().public().first()
    if page is None:
        raise CommandError("There is no live dashboard page: run seed_demo first.")
    wave = Wave.objects.filter(
        pk__in=[wave.pk for wave in dashboard_waves(page.body)], snapshots__isnull=False
    ).first()
    if wave is None:
        raise CommandError("The dashboard shows no wave with a snapshot: run refresh_snapshots.")
    return page.url, f"/api/v1/waves/{wave.slug}/results/"


class Command(BaseCommand):
    help = (
        "Benchmark a dashboard page and a results API call under gunicorn on loopback; "
        "prints RESULT dashboard_rps=... dashboard_p95_ms=... api_rps=... api_p95_ms=... "
        "dashboard_kb_gz=..."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
        parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
        parser.add_argument("--requests", type=int, default=3000, help="per address")
        parser.add_argument("--warmup", type=int, default=200, help="per address")
        parser.add_argument("--page", help="dashboard path (default: the first live one)")
        parser.add_argument("--api", help="API path (default: results of its first wave)")
        parser.add_argument("--smoke", action="store_true", help="a few requests only")

    def handle(self, *args, **options):
        page, api = _default_targets()
        page, api = options["page"] or page, options["api"] or api
        requests, warmup, clients = options["requests"], options["warmup"], options["clients"]
        workers = options["workers"]
        if options["smoke"]:
            requests, warmup, clients, workers = 20, 4, 2, 1
        port = options["port"]
        database = settings.DATABASES["default"]
        self.stdout.write(
            f"{database['ENGINE'].rsplit('.', 1)[-1]} database, "
            f"CONN_MAX_AGE={database.get('CONN_MAX_AGE', 0)}, DEBUG={settings.DEBUG}, "
            f"{workers} gunicorn workers, {clients} clients, {requests} requests per address"
        )
        # A file, not a pipe, takes the server's log: a full pipe could block it.
        with tempfile.TemporaryFile() as log:
            server = self._start_gunicorn(port, workers, log)
            try:
                self.stdout.write(f"Warming up {page} and {api} ...")
                for path in (page, api):
                    _load(port, path, requests=warmup * workers, clients=clients)
                dashboard_rps, dashboard_p95 = _load(port, page, requests=requests, clients=clients)
                self.stdout.write(
                    f"{page}: {dashboard_rps:.0f} requests/s, p95 {dashboard_p95:.1f} ms"
                )
                api_rps, api_p95 = _load(port, api, requests=requests, clients=clients)
                self.stdout.write(f"{api}: {api_rps:.0f} requests/s, p95 {api_p95:.1f} ms")
                weight = _page_weight(port, page)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        self.stdout.write(
            f"RESULT dashboard_rps={dashboard_rps:.0f} dashboard_p95_ms={dashboard_p95:.1f} "
            f"api_rps={api_rps:.0f} api_p95_ms={api_p95:.1f} dashboard_kb_gz={weight:.0f}"
        )

    def _start_gunicorn(self, port: int, workers: int, log) -> subprocess.Popen:
        environment = os.environ | {"DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
        return start_gunicorn(
            port=port,
            workers=workers,
            environment=environment,
            stderr=log,
            startup_seconds=STARTUP_SECONDS,
        )
