"""The admin report of interface strings that wait for a translation or a native review."""

from django.utils.translation import gettext_lazy as _

from analytics.views.base import StaffPage
from cms.selectors import catalogue_reviews


class TranslationReviewView(StaffPage):
    page_title = _("Translations waiting for review")
    header_icon = "doc-full"
    template_name = "cms/admin/translation_review.html"

    @staticmethod
    def allowed(user) -> bool:
        return user.is_active and user.has_perm("wagtailadmin.access_admin")

    def get_context_data(self, **kwargs):
        return super().get_context_data(reviews=catalogue_reviews(), **kwargs)
