"""The settings a benchmark's gunicorn runs with: the caller's, plus the trivial view.

`PART_BENCH_SETTINGS` names the settings module of the command that starts gunicorn,
so the server runs exactly as that command was told to (database, cache, debug).
"""

import importlib
import os

_caller = importlib.import_module(os.environ.get("PART_BENCH_SETTINGS", "config.settings.base"))
globals().update({name: value for name, value in vars(_caller).items() if name.isupper()})

ROOT_URLCONF = "benchmarks.urls"
