"""The audit log page: who exported, moderated, opened or closed what, and when."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from analytics import audit
from analytics.views.base import StaffPage
from surveys.permissions import Action

PAGE_SIZE = 50


class AuditLogView(StaffPage):
    page_title = _("Audit log")
    header_icon = "history"
    template_name = "analytics/admin/audit.html"

    action = Action.VIEW_AUDIT_LOG

    def get_context_data(self, **kwargs):
        page = Paginator(audit.audit_entries(), PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(page=page, **kwargs)
