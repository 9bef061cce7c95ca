import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def production_environment() -> dict[str, str]:
    """Return the production settings the README documents, with a real secret key."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```env\n", 1)[1].split("```", 1)[0]
    settings = dict(line.split("=", 1) for line in block.splitlines() if "=" in line)
    return settings | {"SECRET_KEY": secrets.token_urlsafe(50)}


def test_check_deploy_is_clean_with_production_settings():
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests' conftest, never in production.
    unset = ("DEBUG", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env.update(production_environment(), DJANGO_SETTINGS_MODULE="config.settings.base")

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr


def test_the_documented_production_environment_sends_hsts_with_subdomains_and_preload():
    settings = production_environment()

    assert settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] == settings["SECURE_HSTS_PRELOAD"] == "true"


@pytest.mark.django_db
def test_the_csrf_cookie_ends_with_the_browser_session(client):
    from tests.factories import WaveFactory

    wave = WaveFactory(slug="kurz")

    cookie = client.get(f"/s/{wave.slug}/").cookies["csrftoken"]

    assert (cookie["max-age"], cookie["expires"]) == ("", "")
