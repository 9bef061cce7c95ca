"""Test settings: the base settings, with overrides for speed only."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from config.settings.base import *  # noqa: E402,F403
from config.settings.base import env  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests run tasks inline unless a test starts a real worker (tests/integration).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
# A per-process cache, so clearing it between tests never flushes the broker's Redis.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
# Admin tests log in with force_login; the two-factor tests switch this on themselves.
STAFF_2FA_REQUIRED = False
# Tests post runner pages at machine speed; the protection tests switch the check on.
PART_MIN_FILL_SECONDS = 0

# Parallel test processes (pytest-xdist) each get a Redis database of their own, so one
# process's broker messages and cache never reach another's. The adjusted address is put
# back into the environment, so a worker or beat that a test starts inherits it unchanged.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _XDIST_WORKER.startswith("gw") and not os.environ.get("PART_TEST_REDIS_SPLIT"):  # noqa: F405
    from urllib.parse import urlsplit, urlunsplit

    _parts = urlsplit(REDIS_URL)  # noqa: F405
    _database = int(_parts.path.strip("/") or 0) + int(_XDIST_WORKER[2:])
    REDIS_URL = urlunsplit(_parts._replace(path=f"/{_database}"))
    CELERY_BROKER_URL = CELERY_RESULT_BACKEND = REDIS_URL
    os.environ["REDIS_URL"] = REDIS_URL
    os.environ["PART_TEST_REDIS_SPLIT"] = "1"

# Files the tests write (media, exports, code sheets) go to a folder of each test
# process, so parallel processes never share a file name; subprocesses a test starts
# (a worker, gunicorn) inherit the same folders through the environment.
for _setting, _folder in (
    ("MEDIA_ROOT", "media"),
    ("PART_EXPORT_ROOT", "exports"),
    ("PART_CODE_SHEET_ROOT", "code-sheets"),
):
    if not os.environ.get(_setting):
        import tempfile
        from pathlib import Path

        if not os.environ.get("PART_TEST_FILES"):
            import atexit
            import shutil

            os.environ["PART_TEST_FILES"] = tempfile.mkdtemp(prefix="part-test-")
            atexit.register(shutil.rmtree, os.environ["PART_TEST_FILES"], True)
        os.environ[_setting] = str(Path(os.environ["PART_TEST_FILES"]) / _folder)
    globals()[_setting] = Path(os.environ[_setting])
