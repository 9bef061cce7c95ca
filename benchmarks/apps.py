from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Benchmarks: management commands that measure the apps from outside them."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
