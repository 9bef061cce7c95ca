from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Load-and-fault benchmarks, kept apart from the product apps."""

    name = "benchmarks"
    default_auto_field = "django.db.models.BigAutoField"
