"""CPU time a benchmark's server spends: gunicorn's processes and their PostgreSQL backends.

Read from /proc, so it holds on a loaded machine where wall time does not: 2,000 ms of
CPU a second is what 2 cores have, so 2000 / (ms per submission) is the ceiling they set.
"""

import os
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_ms(pid: int) -> float | None:
    """Return the user and system CPU time of one process so far, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # Fields 14 and 15 of stat (utime, stime); the split above starts at field 3.
    return (int(fields[11]) + int(fields[12])) * 1000 / _TICKS


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                found.append(int(entry.name))
    return found


class ServerCpu:
    """Sum the CPU time of gunicorn (master and workers) and of the database's backends.

    `backends` returns the process ids of the PostgreSQL backends serving the benchmark's
    database (from pg_stat_activity); the caller's own connection is left out by it.
    """

    def __init__(self, *, gunicorn_pid: int, backends):
        self.gunicorn_pid = gunicorn_pid
        self.backends = backends
        self._start: dict[int, float] = {}

    def _sample(self) -> dict[str, dict[int, float]]:
        processes = {
            "gunicorn": [self.gunicorn_pid, *_children(self.gunicorn_pid)],
            "postgres": self.backends(),
        }
        times = {}
        for part, pids in processes.items():
            found = {pid: _cpu_ms(pid) for pid in pids}
            times[part] = {pid: value for pid, value in found.items() if value is not None}
        return times

    def start(self) -> None:
        self._start = self._sample()

    def spent_ms(self) -> dict[str, float]:
        """Return the CPU milliseconds spent since `start`, for gunicorn and for PostgreSQL.

        A process that started meanwhile counts whole; one that ended meanwhile is lost,
        so keep database connections open while measuring (CONN_MAX_AGE).
        """
        spent = {}
        for part, times in self._sample().items():
            before = self._start.get(part, {})
            spent[part] = sum(value - before.get(pid, 0.0) for pid, value in times.items())
        return spent
