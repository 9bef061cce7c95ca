"""Admin wiring of the site app: translations waiting for review, and a way back for
staff who lost their second factor."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from cms.reports.views import ReportsView, download_report
from cms.translation_review import TranslationReviewView
from surveys.permissions import Action, user_can


@hooks.register("register_admin_urls")
def register_translation_review_url():
    return [
        path(
            "reports/translations/",
            TranslationReviewView.as_view(),
            name="cms_translation_review",
        ),
        path("reports/printed/", ReportsView.as_view(), name="cms_reports"),
        path("reports/printed/<int:pk>/download/", download_report, name="cms_report_download"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return ReportsView.allowed(request.user)


@hooks.register("register_reports_menu_item")
def register_printed_reports_menu_item():
    return ReportsMenuItem(
        _("Printed reports (PDF)"), reverse("cms_reports"), icon_name="doc-full", order=100
    )


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


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if user_can(request_user, Action.MANAGE_STAFF):
        yield ListingButton(
            _("Reset second factor"),
            reverse("two_factor_reset", args=[user.pk]),
            priority=50,
        )
