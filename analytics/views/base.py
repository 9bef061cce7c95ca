"""What every staff data page shares: Wagtail's admin furniture and a permission check."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from surveys.permissions import Action, refusal, user_can


class StaffPage(WagtailAdminTemplateMixin, TemplateView):
    """An admin page open only to users allowed its `action`; others get a 403."""

    action: Action

    @classmethod
    def allowed(cls, user) -> bool:
        return user_can(user, cls.action)

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            return refusal(request, self.action)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": self.get_page_title()},
        ]
