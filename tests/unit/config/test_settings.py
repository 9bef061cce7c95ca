import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]


def _load_settings(**environment):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL")
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="config.settings.base")
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
        "s.CACHES['default']['BACKEND'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _load_settings()

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_with_no_variables_the_embedded_default_is_sqlite_eager_and_local_memory():
    result = _load_settings(DEBUG="1")

    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_database_and_redis_urls_switch_to_postgresql_and_redis():
    result = _load_settings(
        SECRET_KEY="x",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/part",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )

    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "False",
        "config.cache.FailOpenRedisCache",  # Django's Redis cache, failing open
    ]


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
