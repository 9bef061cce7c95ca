"""The field monitor page: a running wave at a glance, for staff with its permission only."""

from django.utils.translation import gettext_lazy as _

from analytics.monitor import field_figures
from analytics.views.base import StaffPage
from surveys.models import Wave
from surveys.permissions import Action
from surveys.selectors import open_waves


class FieldMonitorView(StaffPage):
    page_title = _("Field monitor")
    header_icon = "view"
    template_name = "analytics/admin/monitor.html"

    action = Action.VIEW_MONITOR

    def get_context_data(self, **kwargs):
        waves = list(Wave.objects.order_by("-opens_at"))
        wave = None
        wave_id = self.request.GET.get("wave", "")
        if wave_id.isdigit():
            wave = next((each for each in waves if each.pk == int(wave_id)), None)
        if wave is None:
            running = open_waves()
            wave = running[0] if running else (waves[0] if waves else None)
        return super().get_context_data(
            waves=waves,
            wave=wave,
            figures=field_figures(wave=wave) if wave else None,
            **kwargs,
        )
