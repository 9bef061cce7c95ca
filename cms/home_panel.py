"""The admin home panel: what waits for the staff member now, each part for its role only."""

from wagtail.admin.ui.components import Component

from analytics import safeguarding
from analytics.moderation.selectors import moderation_queue
from analytics.monitor import open_wave_figures
from surveys.permissions import Action, user_can
from surveys.selectors import open_waves


class WaitingWorkPanel(Component):
    """Open waves with today's answers, free texts to moderate and open concerns."""

    name = "part_waiting_work"
    template_name = "cms/admin/home_panel.html"
    # Before Wagtail's own panels (workflow 100 and up): this is what a social worker came for.
    order = 50

    class Media:
        css = {"all": ["cms/admin/home-panel.css"]}

    def __init__(self, user):
        self.user = user
        self.sees_figures = user_can(user, Action.VIEW_MONITOR)
        self.sees_waves = self.sees_figures or user_can(user, Action.OPEN_CLOSE_WAVES)
        self.sees_free_texts = user_can(user, Action.VIEW_ANSWERS)
        # The concerns are listed on the moderation page, so both are needed.
        self.sees_concerns = self.sees_free_texts and safeguarding.can_handle_concerns(user)

    @property
    def is_shown(self) -> bool:
        return self.sees_waves or self.sees_free_texts or self.sees_concerns

    def get_context_data(self, parent_context=None):
        context = {"panel": self}
        if self.sees_figures:
            context["wave_figures"] = open_wave_figures()
        elif self.sees_waves:
            context["waves"] = open_waves()
        if self.sees_free_texts:
            context["free_text_count"] = moderation_queue().count()
        if self.sees_concerns:
            context["concern_count"] = safeguarding.waiting_concerns().count()
        return context
