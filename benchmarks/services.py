"""A private redis-server and PostgreSQL cluster that a test may stop and start at will.

Both run on free loopback ports in temporary directories, never touching the shared
services. PostgreSQL 15's `initdb` refuses root, so as root the cluster runs as the
`postgres` user. Every wait polls a condition with a deadline; nothing sleeps blindly.
"""

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds: float, interval: float = 0.1):
    """Return the first true value of `condition()` within `seconds`, else None."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = condition()
        except Exception:  # noqa: BLE001 - a service still starting may fail any way
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            return None
        time.sleep(interval)


def missing_binaries() -> list[str]:
    return [name for name in ("redis-server", "initdb", "pg_ctl") if not shutil.which(name)]


class PrivateRedis:
    """One redis-server without persistence on its own port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def _ping(self) -> bool:
        return redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_for(self._ping, 20):
            raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None


class PrivatePostgres:
    """One PostgreSQL cluster in a temporary directory, stopped and started with pg_ctl."""

    def __init__(self, database: str = "part_faults"):
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="part-pg-"))
        self.data = self.directory / "data"
        self.database = database
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{database}"
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            owner = pwd.getpwnam("postgres")
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)

    def _run(self, *command: str, timeout: float = 120) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        subprocess.run(  # noqa: S603 - fixed arguments
            prefix + list(command),
            check=True,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def create(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')

    @property
    def admin_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = str(self.directory / "log")
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "-t", "60", "start"
        )
        if not wait_for(self.is_up, 60):
            raise RuntimeError(f"PostgreSQL did not answer on port {self.port}")

    def is_up(self) -> bool:
        with psycopg.connect(self.admin_url, connect_timeout=1) as connection:
            return connection.execute("SELECT 1").fetchone() == (1,)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def query(self, sql: str, params=()) -> list[tuple]:
        with psycopg.connect(self.url, connect_timeout=5) as connection:
            return connection.execute(sql, params).fetchall()
