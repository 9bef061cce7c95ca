"""Settings of the gunicorn the fault harness and bench_faults start: production's, plainly served.

Production settings (Redis cache, real broker) from the environment, with static files
found without collectstatic and no minimum time to fill, as in the test settings.
"""

from config.settings.base import *  # noqa: F403

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
PART_MIN_FILL_SECONDS = 0
