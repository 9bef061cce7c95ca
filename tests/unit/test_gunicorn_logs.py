"""What gunicorn, run with the project's settings, writes to its access and error logs.

Each test reads the logs of a real gunicorn (config/gunicorn_conf.py) after real requests.
"""

import http.client
import socket
import sys

import pytest

from benchmarks.loopback import start_gunicorn

CODE = "K7QM-4TXW-9HRV"


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gunicorn")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    access, errors = folder / "access.log", folder / "error.log"
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": ":".join(sys.path),
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "SECRET_KEY": "gunicorn-log-test",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "GUNICORN_ACCESS_LOG": str(access),
        "GUNICORN_ERROR_LOG": str(errors),
    }
    server = start_gunicorn(port=port, workers=1, environment=environment, log_level="debug")
    try:
        for method, path in [
            ("GET", f"/de/s/herbst-2026/?code={CODE}"),
            ("GET", f"/s/herbst-2026/done/?code={CODE}"),
            ("GET", f"/code/?code={CODE}"),
            ("POST", "/api/v1/responses/"),
            ("GET", "/static/css/site.css"),
            ("GET", f"/healthz?from={CODE}"),
        ]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request(method, path, headers={"Referer": f"http://x/s/a/?code={CODE}"})
            connection.getresponse().read()
            connection.close()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(f"GET /s/herbst-2026/?code={CODE} what\r\n\r\n".encode())
            raw.recv(1000)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return access.read_text(), errors.read_text()


def test_the_access_log_has_no_line_for_answering_a_survey(logs):
    access, _ = logs

    assert access.count("/healthz") >= 2  # the start-up probe and the request above
    assert not any(part in access for part in ("/s/", "/code/", "/responses/", "/static/"))


def test_the_access_log_holds_no_query_string_code_or_client_address(logs):
    access, _ = logs

    assert '"GET /healthz HTTP/1.1" 200' in access
    assert "?" not in access and CODE not in access and "127.0.0.1" not in access


def test_the_error_log_holds_no_client_address_and_no_code(logs):
    _, errors = logs

    assert "Invalid request from ip=[address]" in errors
    assert "127.0.0.1" not in errors and CODE not in errors
