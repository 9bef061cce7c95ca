from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = _("Results")

    def ready(self):
        # analytics depends on surveys, never the other way round.
        from analytics.tasks import queue_refresh
        from surveys.services import response_submitted

        response_submitted.connect(queue_refresh, dispatch_uid="analytics.queue_refresh")
