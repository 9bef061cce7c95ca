from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = _("Results")

    def ready(self):
        # analytics depends on surveys, never the other way round.
        from analytics.safeguarding import extra_help_for
        from analytics.tasks import queue_refresh
        from surveys.services import extra_help_wanted, response_submitted

        response_submitted.connect(queue_refresh, dispatch_uid="analytics.queue_refresh")
        extra_help_wanted.connect(extra_help_for, dispatch_uid="analytics.extra_help_for")
