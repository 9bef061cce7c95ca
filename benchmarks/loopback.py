"""Start gunicorn on loopback for the benchmarks, and wait until it answers /healthz."""

import http.client
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import CommandError


def start_gunicorn(
    *, port: int, workers: int, environment: dict, stderr=None, startup_seconds: int = 30
) -> subprocess.Popen:
    """Return a running gunicorn serving this project, or raise CommandError saying why.

    `stderr` may be a file opened for reading and writing: its end is then quoted when
    gunicorn stops while starting.
    """
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
        command,
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL if stderr is not None else None,
        stderr=stderr,
    )
    deadline = time.monotonic() + startup_seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            problem = ""
            if stderr is not None:
                stderr.seek(0)
                problem = ": " + stderr.read().decode(errors="replace")[-2000:]
            raise CommandError(f"gunicorn could not start{problem}")
        try:
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            probe.request("GET", "/healthz")
            if probe.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    server.wait()
    raise CommandError(f"gunicorn did not answer on port {port} within {startup_seconds} s")
