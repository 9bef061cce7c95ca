"""Fault harness: gunicorn on a private Redis and PostgreSQL that the tests stop and start.

What a young person sees while Redis or PostgreSQL is gone, and that every answer the
site accepted is in the database afterwards. A worker killed mid-refresh and the beat
sweep catching up are proven in test_worker.py, against a real worker.
"""

import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import uuid
from dataclasses import dataclass, field

import pytest

from benchmarks.loopback import start_gunicorn
from benchmarks.services import (
    ROOT,
    PrivatePostgres,
    PrivateRedis,
    free_port,
    missing_binaries,
    wait_for,
)
from tests.conftest import need

# One private PostgreSQL cluster and redis-server serve the whole module, on one test process.
pytestmark = [pytest.mark.services, pytest.mark.xdist_group("fault-harness")]

SLUG = "fault-check"
ANSWERS = {"quartier": "wehringhausen", "wohlfuehlen": "4"}


# The site under test -----------------------------------------------------------------


@dataclass
class LiveSite:
    port: int
    postgres: PrivatePostgres
    redis: PrivateRedis
    environment: dict
    server: subprocess.Popen

    def stored(self) -> int:
        """Return how many responses the wave holds, read straight from PostgreSQL."""
        rows = self.postgres.query(
            "SELECT count(*) FROM surveys_response r JOIN surveys_wave w ON w.id = r.wave_id "
            "WHERE w.slug = %s",
            (SLUG,),
        )
        return rows[0][0]


def _manage(environment: dict, *arguments: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def site():
    missing = missing_binaries()
    need(not missing, f"the fault harness needs {', '.join(missing)} on PATH")
    postgres, redis_server = PrivatePostgres(), PrivateRedis()
    server = None
    errors = tempfile.TemporaryFile()  # noqa: SIM115 - gunicorn writes to it until teardown
    try:
        postgres.create()
        redis_server.start()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.live_settings",
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis_server.url,
            "SECRET_KEY": uuid.uuid4().hex,
            "DEBUG": "0",
            "SECURE_COOKIES": "0",
            "LOG_LEVEL": "WARNING",
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "PART_CACHE_RETRY_SECONDS": "1",
            # One loopback address sends everything: keep the puzzle out of the way.
            "PART_BURST_PER_DEVICE": "1000000",
            "PART_BURST_PER_WAVE": "1000000",
        }
        _manage(environment, "migrate", "--noinput", "-v", "0")
        _manage(
            environment,
            "shell",
            "-c",
            "from tests.factories import WaveFactory, build_site; "
            f"build_site(wave=WaveFactory(slug='{SLUG}'))",
        )
        port = free_port()
        server = start_gunicorn(port=port, workers=2, environment=environment, stderr=errors)
        yield LiveSite(port, postgres, redis_server, environment, server)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        redis_server.stop()
        postgres.destroy()
        errors.close()


@pytest.fixture
def services_up(site):
    """Start each test with both services running."""
    if site.redis.process is None:
        site.redis.start()
    if not _quietly(site.postgres.is_up):
        site.postgres.start()
    assert wait_for(lambda: Browser(site).get("/").status == 200, 30)
    return site


def _quietly(check) -> bool:
    try:
        return check()
    except Exception:  # noqa: BLE001 - "down" looks different each time
        return False


# A young person's browser and a tablet's sync, over plain HTTP -------------------------


@dataclass
class Reply:
    status: int
    headers: dict
    body: str

    def json(self):
        return json.loads(self.body)


@dataclass
class Browser:
    site: LiveSite
    cookies: dict = field(default_factory=dict)

    def _request(self, method: str, path: str, body: str = "", headers=None) -> Reply:
        connection = http.client.HTTPConnection("127.0.0.1", self.site.port, timeout=30)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        content = response.read().decode(errors="replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        connection.close()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, content)

    def get(self, path: str) -> Reply:
        return self._request("GET", path)

    def open_survey(self) -> dict:
        """Open the survey and return the filled-in form a person would send."""
        page = self.get(f"/s/{SLUG}/").body

        def hidden(name):
            return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)

        return {
            "csrfmiddlewaretoken": hidden("csrfmiddlewaretoken"),
            "state": hidden("state"),
            "started": hidden("started"),
            **ANSWERS,
        }

    def send(self, form: dict) -> Reply:
        from urllib.parse import urlencode

        return self._request(
            "POST",
            f"/s/{SLUG}/",
            urlencode(form),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def post_api(self, token: uuid.UUID) -> Reply:
        body = {"id": str(token), "wave": SLUG, "language": "de", "answers": ANSWERS}
        return self._request(
            "POST", "/api/v1/responses/", json.dumps(body), {"Content-Type": "application/json"}
        )


ACCEPTED = {201, 302}


# Redis -----------------------------------------------------------------------------------


def test_with_redis_stopped_pages_render_and_sent_answers_are_stored(services_up):
    site = services_up
    before = site.stored()
    person = Browser(site)
    form = person.open_survey()
    site.redis.stop()

    home, dashboard = person.get("/"), person.get("/dashboards/quartier-check/")
    sent, synced = person.send(form), person.post_api(uuid.uuid4())

    assert (home.status, dashboard.status) == (200, 200)
    assert sent.status == 302 and sent.headers["location"].endswith(f"/s/{SLUG}/done/")
    assert synced.status == 201
    assert site.stored() == before + 2


def test_redis_stopped_while_answers_arrive_loses_none_of_them(services_up):
    site = services_up
    before = site.stored()
    statuses: list[int] = []
    done = threading.Event()

    def sync():
        tablet = Browser(site)
        while not done.is_set():
            statuses.append(tablet.post_api(uuid.uuid4()).status)

    senders = [threading.Thread(target=sync) for _ in range(3)]
    for sender in senders:
        sender.start()
    try:
        assert wait_for(lambda: len(statuses) >= 20, 60)
        site.redis.stop()
        stopped_at = len(statuses)
        assert wait_for(lambda: len(statuses) >= stopped_at + 30, 90)
        site.redis.start()
        restarted_at = len(statuses)
        assert wait_for(lambda: len(statuses) >= restarted_at + 20, 60)
    finally:
        done.set()
        for sender in senders:
            sender.join(timeout=60)

    assert set(statuses) == {201}
    assert site.stored() == before + len(statuses)


# PostgreSQL ------------------------------------------------------------------------------


def test_with_postgres_stopped_every_address_answers_503_saying_nothing_was_sent(services_up):
    site = services_up
    person = Browser(site)
    form = person.open_survey()
    site.postgres.stop()

    home, sent, synced = person.get("/"), person.send(form), person.post_api(uuid.uuid4())

    assert [reply.status for reply in (home, sent, synced)] == [503, 503, 503]
    assert all(reply.headers.get("retry-after") for reply in (home, sent, synced))
    assert "Deine Antworten auf dieser Seite wurden nicht gesendet" in sent.body
    assert "gespeichert." not in sent.body.replace("nur einmal gespeichert.", "")
    assert synced.headers["content-type"] == "application/json"
    assert "nichts gespeichert" in synced.json()["detail"]


def test_after_postgres_is_back_the_same_form_sent_again_is_stored_without_a_restart(
    services_up,
):
    site = services_up
    person = Browser(site)
    form = person.open_survey()
    token = uuid.uuid4()
    site.postgres.stop()
    assert person.send(form).status == 503
    assert person.post_api(token).status == 503
    before_restart = site.server.pid

    site.postgres.start()
    assert wait_for(lambda: person.get("/").status == 200, 30)
    before = site.stored()
    sent, synced = person.send(form), person.post_api(token)

    assert site.server.pid == before_restart and site.server.poll() is None
    assert (sent.status, synced.status) == (302, 201)
    assert site.stored() == before + 2


def test_postgres_stopped_under_load_loses_no_accepted_answer(services_up):
    site = services_up
    before = site.stored()
    accepted: list[str] = []
    statuses: list[int] = []
    done = threading.Event()

    def sync():
        # A tablet's queue: each answer is sent until the site takes it.
        tablet = Browser(site)
        while not done.is_set():
            token = uuid.uuid4()
            while True:
                status = tablet.post_api(token).status
                statuses.append(status)
                if status in ACCEPTED or done.is_set() and status != 503:
                    break
                if status == 503:
                    wait_for(done.is_set, 0.2, interval=0.05)
            if status in ACCEPTED:
                accepted.append(str(token))

    senders = [threading.Thread(target=sync) for _ in range(3)]
    for sender in senders:
        sender.start()
    try:
        assert wait_for(lambda: len(accepted) >= 20, 60)
        site.postgres.stop()
        assert wait_for(lambda: statuses.count(503) >= 10, 60)
        site.postgres.start()
        recovered_at = len(accepted)
        assert wait_for(lambda: len(accepted) >= recovered_at + 20, 60)
    finally:
        done.set()
        for sender in senders:
            sender.join(timeout=60)

    assert set(statuses) <= {201, 503}
    assert site.stored() == before + len(accepted)


# Counters every web process sees -----------------------------------------------------------

COUNT_IN_ONE_PROCESS = """
import django
django.setup()
from surveys import protection
for _ in range({times}):
    protection.count_submission(client="shared-device", wave_id=1)
"""


def test_without_redis_two_processes_add_to_the_same_burst_counter(services_up):
    site = services_up
    environment = site.environment | {"REDIS_URL": "", "CELERY_TASK_ALWAYS_EAGER": "1"}
    script = COUNT_IN_ONE_PROCESS.format(times=40)

    processes = [
        subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=environment)  # noqa: S603
        for _ in range(2)
    ]

    assert [process.wait(timeout=120) for process in processes] == [0, 0]
    counts = site.postgres.query(
        "SELECT sum(count) FROM surveys_protectioncounter WHERE name LIKE %s",
        ("surveys:burst:device:shared-device:%",),
    )
    assert counts == [(80,)]
