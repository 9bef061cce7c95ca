from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content: a made-up project's pages, quarters, survey and synthetic answers."""

    name = "demo"
    verbose_name = "Demo"
