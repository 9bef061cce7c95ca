"""Admin wiring of the site shell: the report of translations waiting for review."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.translation_review import TranslationReviewView


@hooks.register("register_admin_urls")
def register_translation_review_url():
    return [
        path(
            "reports/translations/",
            TranslationReviewView.as_view(),
            name="cms_translation_review",
        )
    ]


class TranslationReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return TranslationReviewView.allowed(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_review_menu_item():
    return TranslationReviewMenuItem(
        _("Translations waiting for review"),
        reverse("cms_translation_review"),
        icon_name="doc-full",
        order=900,
    )
