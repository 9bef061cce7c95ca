"""What every staff data page shares: Wagtail's admin furniture and a permission check."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class StaffPage(WagtailAdminTemplateMixin, TemplateView):
    """An admin page open only to users that `allowed(user)` lets in."""

    @staticmethod
    def allowed(user) -> bool:
        return user.is_active

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": self.get_page_title()},
        ]
