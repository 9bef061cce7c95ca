"""Run every benchmark in alternating rounds against a kept dataset; print one table.

The dataset is a PostgreSQL database that `bench_aggregation --keep --responses N`
filled (a million responses, say). Each benchmark runs once per round in a process of
its own, against that database where its figure depends on the data's size:

    aggregation   full refresh against the baseline SQL, and after 100 new responses
    dashboard     a dashboard of the dataset's wave and its results API, against a
                  trivial view, under gunicorn with production settings
    export_*      CSV, XLSX and SAV of the dataset's wave (and, with --small-dataset,
                  XLSX of a smaller one, to show its memory stays flat)
    submissions   the HTML runner and the API storing answers into the dataset's tables
    faults        answers while Redis and PostgreSQL stop (a private cluster of its own)
    code_sheet    a sheet of code cards (no data)

Rounds alternate: the benchmarks run in reverse order in even rounds, and those that
compare two things (aggregation, dashboard) are told the round's number so that they
swap their own order too. Every number of every RESULT line gets its median and
minimum over the rounds, with the load average at the start of each round, as a
markdown table; the last line is this command's own RESULT.
"""

import os
import re
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks.management.commands.bench_aggregation import BENCH_KEY

RESULT_LINE = re.compile(r"^RESULT (.*)$", re.MULTILINE)
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# A benchmark that has not finished in an hour is stuck, not slow.
RUN_TIMEOUT_SECONDS = 3600


@dataclass
class Job:
    """One benchmark as the table runs it."""

    name: str
    arguments: list[str]
    database: str | None = None  # None: the benchmark brings its own (bench_faults)
    alternates_inside: bool = False  # told the round's number with --start-round
    production: bool = False  # served as production serves it (DEBUG off)


@dataclass
class Run:
    """What one round of one benchmark printed."""

    job: str
    round: int
    load: str
    seconds: float
    figures: dict[str, str] = field(default_factory=dict)
    error: str = ""


def parse_result(output: str) -> dict[str, str]:
    """Return the key=value pairs of the last RESULT line in `output` (empty if none)."""
    lines = RESULT_LINE.findall(output)
    if not lines:
        return {}
    return dict(pair.split("=", 1) for pair in lines[-1].split() if "=" in pair)


def load_average() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def _is_number(text: str) -> bool:
    return NUMBER.fullmatch(text) is not None


def _format(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"


def summarise(runs: list[Run]) -> list[dict]:
    """Return one row per benchmark and figure: median, minimum and every round's value.

    Figures that are not numbers (a format, the load) are listed once per round; the
    load at each round's start gets a row of its own. A failed round counts in no median.
    """
    rows = []
    for job in dict.fromkeys(run.job for run in runs):
        mine = sorted((run for run in runs if run.job == job), key=lambda run: run.round)
        keys = list(dict.fromkeys(key for run in mine for key in run.figures))
        for key in keys:
            values = [run.figures.get(key, "") for run in mine]
            given = [value for value in values if value]  # A failed round gave none.
            numbers = [float(value) for value in given if _is_number(value)]
            is_numeric = bool(numbers) and len(numbers) == len(given) and key != "load"
            rows.append(
                {
                    "job": job,
                    "key": key,
                    "median": _format(statistics.median(numbers)) if is_numeric else "",
                    "min": _format(min(numbers)) if is_numeric else "",
                    "rounds": values,
                }
            )
        rows.append(
            {
                "job": job,
                "key": "load at start (1/5/15 min)",
                "median": "",
                "min": "",
                "rounds": [run.load for run in mine],
            }
        )
        failed = [run for run in mine if run.error]
        if failed:
            rows.append(
                {
                    "job": job,
                    "key": "failed",
                    "median": "",
                    "min": "",
                    "rounds": ["failed" if run.error else "" for run in mine],
                }
            )
    return rows


def markdown_table(rows: list[dict], rounds: int) -> str:
    """Return the summary rows as a markdown table, one column per round."""
    head = ["benchmark", "figure", "median", "min", *(f"round {n}" for n in range(1, rounds + 1))]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [row["job"], row["key"], row["median"], row["min"], *row["rounds"]]
        cells += [""] * (len(head) - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def database_url(name: str) -> str:
    """Return the URL of database `name` on the server the default database is on."""
    default = settings.DATABASES["default"]
    password = f":{default['PASSWORD']}" if default.get("PASSWORD") else ""
    host = default.get("HOST") or "127.0.0.1"
    port = default.get("PORT") or 5432
    return f"postgres://{default['USER']}{password}@{host}:{port}/{name}"


class Command(BaseCommand):
    help = (
        "Run every benchmark in alternating rounds against a kept dataset and print the "
        "median and minimum of every RESULT figure as a markdown table."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dataset",
            required=True,
            metavar="DATABASE",
            help="PostgreSQL database a `bench_aggregation --keep` run filled",
        )
        parser.add_argument(
            "--small-dataset",
            metavar="DATABASE",
            help="a smaller such database: XLSX of its wave too, for the export's memory",
        )
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument(
            "--only", metavar="NAMES", help="comma-separated benchmarks (default: all)"
        )
        parser.add_argument(
            "--once",
            metavar="NAMES",
            default="",
            help="comma-separated benchmarks to run in the first round only (the slowest)",
        )
        parser.add_argument(
            "--seconds",
            type=float,
            metavar="S",
            help="how long the dashboard and submission benchmarks send load, per address",
        )
        parser.add_argument(
            "--smoke", action="store_true", help="every benchmark small and short (for tests)"
        )

    def handle(self, *args, dataset, small_dataset, rounds, only, once, seconds, smoke, **options):
        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            raise CommandError("The benchmarks need PostgreSQL: set DATABASE_URL.")
        if rounds < 1:
            raise CommandError("--rounds must be at least 1.")
        started = time.monotonic()
        responses = self._responses(dataset)
        if small_dataset:
            self._responses(small_dataset)
        jobs = self._jobs(dataset, small_dataset, responses, smoke, seconds)
        chosen = only.split(",") if only else [job.name for job in jobs]
        first_only = once.split(",") if once else []
        unknown = set(chosen + first_only) - {job.name for job in jobs}
        if unknown:
            raise CommandError(f"No benchmark is called {', '.join(sorted(unknown))}.")
        jobs = [job for job in jobs if job.name in chosen]
        if any(job.name == "dashboard" for job in jobs):
            self._publish(dataset)
        self.stdout.write(
            f"dataset {dataset}: {responses} responses; {rounds} rounds of "
            f"{', '.join(job.name for job in jobs)}"
            + (f" ({', '.join(first_only)} in the first only)" if first_only else "")
            + f"; load {load_average()}"
        )
        runs = []
        for number in range(1, rounds + 1):
            for job in jobs if number % 2 else list(reversed(jobs)):
                if number > 1 and job.name in first_only:
                    continue
                run = self._run(job, number)
                runs.append(run)
                outcome = run.error or " ".join(f"{k}={v}" for k, v in run.figures.items())
                self.stdout.write(
                    f"round {number} {job.name} ({run.seconds:.0f} s, load at start {run.load}): "
                    f"{outcome}"
                )
        self.stdout.write("")
        self.stdout.write(markdown_table(summarise(runs), rounds))
        self.stdout.write("")
        failed = sum(1 for run in runs if run.error)
        self.stdout.write(
            f"RESULT benchmarks={len(jobs)} rounds={rounds} runs={len(runs)} failed={failed} "
            f"responses={responses} minutes={(time.monotonic() - started) / 60:.1f} "
            f"load={load_average()}"
        )
        if failed:
            raise CommandError(f"{failed} of {len(runs)} runs failed.")

    def _responses(self, dataset: str) -> int:
        """Return how many responses the dataset's benchmark wave holds."""
        output = self._manage(
            [
                "shell",
                "-v0",
                "-c",
                "from surveys.models import Wave; "
                f"wave = Wave.objects.filter(slug='{BENCH_KEY}').first(); "
                "print(wave.responses.count() if wave else 0)",
            ],
            database=dataset,
        )
        found = NUMBER.findall(output.stdout)
        if output.returncode != 0 or not found or int(found[-1]) == 0:
            raise CommandError(
                f"Database {dataset} holds no benchmark wave: fill it with "
                f"`bench_aggregation --keep --responses N` first. {output.stderr[-500:]}"
            )
        return int(found[-1])

    def _publish(self, dataset: str) -> None:
        """Publish the benchmark wave's figures once, for its dashboard to show."""
        check = (
            "from surveys.models import Wave; "
            f"print(Wave.objects.get(slug='{BENCH_KEY}').snapshots.exists())"
        )
        if self._manage(["shell", "-v0", "-c", check], database=dataset).stdout.strip() == "True":
            return
        done = self._manage(["refresh_snapshots", "--wave", BENCH_KEY], database=dataset)
        if done.returncode != 0:
            raise CommandError(f"Publishing the benchmark wave failed: {done.stderr[-1000:]}")
        self.stdout.write(done.stdout.strip())

    def _jobs(self, dataset, small_dataset, responses, smoke, seconds) -> list[Job]:
        keep = ["bench_aggregation", "--keep", "--responses", str(responses), "--rounds", "1"]
        dashboard = ["bench_dashboard", "--wave", BENCH_KEY, "--rounds", "1"]
        submissions = ["bench_submissions"]
        faults = ["bench_faults"]
        cards = ["bench_code_sheet"]
        if seconds:
            dashboard += ["--seconds", f"{seconds:g}"]
            submissions += ["--seconds", f"{seconds:g}"]
        if smoke:
            dashboard += ["--smoke"]
            submissions += ["--seconds", "1", "--clients", "2", "--workers", "1"]
            faults += ["--submissions", "20", "--clients", "2", "--workers", "1"]
            cards += ["--cards", "10"]
        export = ["bench_export", "--wave", BENCH_KEY, "--format"]
        jobs = [
            Job("aggregation", keep, dataset, alternates_inside=True),
            Job("dashboard", dashboard, dataset, alternates_inside=True, production=True),
            *(Job(f"export_{kind}", [*export, kind], dataset) for kind in ("csv", "xlsx", "sav")),
        ]
        if small_dataset:
            jobs.append(Job("export_xlsx_small", [*export, "xlsx"], small_dataset))
        jobs += [
            Job("submissions", submissions, dataset),
            Job("faults", faults, None),
            Job("code_sheet", cards, dataset),
        ]
        return jobs

    def _run(self, job: Job, number: int) -> Run:
        arguments = list(job.arguments)
        if job.alternates_inside:
            arguments += ["--start-round", str(number)]
        load = load_average()
        started = time.monotonic()
        try:
            done = self._manage(arguments, database=job.database, production=job.production)
        except subprocess.TimeoutExpired:
            return Run(job.name, number, load, time.monotonic() - started, error="timed out")
        seconds = time.monotonic() - started
        figures = parse_result(done.stdout)
        error = ""
        if done.returncode != 0 or not figures:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            error = f"failed (exit {done.returncode}): {' / '.join(tail)}"
        return Run(job.name, number, load, seconds, figures, error)

    def _manage(
        self, arguments: list[str], *, database: str | None, production: bool = False
    ) -> subprocess.CompletedProcess:
        environment = dict(os.environ)
        if database:
            environment["DATABASE_URL"] = database_url(database)
        if production:
            # As production serves pages: DEBUG off, static files found without
            # collectstatic (benchmarks/live_settings.py).
            environment |= {
                "DJANGO_SETTINGS_MODULE": "benchmarks.live_settings",
                "DEBUG": "0",
                "SECRET_KEY": environment.get("SECRET_KEY") or uuid.uuid4().hex,
            }
        return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
            [sys.executable, "manage.py", *arguments],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_SECONDS,
        )
