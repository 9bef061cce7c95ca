"""Admin wiring of the site app: translations waiting for review, quarter outlines, and a
way back for staff who lost their second factor."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from analytics.views.file_jobs import (
    hold_job_files,
    hold_job_files_of_waves,
    remove_held_job_files,
)
from cms.home_panel import WaitingWorkPanel
from cms.models import Report
from cms.models.quarters import QuarterOutline
from cms.reports.views import ReportsView, download_report
from cms.translation_review import TranslationReviewView
from surveys.permissions import Action, user_can


@hooks.register("before_delete_snippet")
def hold_report_files_of_waves(request, instances):
    """Note the report files a wave deletion takes along; analytics' after-hook removes them."""
    hold_job_files_of_waves(request, instances, Report)


@hooks.register("before_delete_page")
def hold_report_files_of_pages(request, page):
    """Note the report files a page deletion takes along (its subpages' and translations')."""
    pages = Page.objects.none()
    for translation in Page.objects.filter(translation_key=page.translation_key):
        pages |= Page.objects.descendant_of(translation, inclusive=True)
    hold_job_files(request, Report.objects.filter(dashboard__in=pages.values("pk")))


@hooks.register("after_delete_page")
def remove_report_files_of_pages(request, page):
    remove_held_job_files(request)


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


@hooks.register("construct_homepage_panels")
def add_waiting_work_panel(request, panels):
    panel = WaitingWorkPanel(request.user)
    if panel.is_shown:
        panels.append(panel)


@hooks.register("filter_form_submissions_for_user")
def list_each_form_once(user, form_pages):
    # Every language has a copy of each form page; its entries are all read at the copy
    # in the first language (ConsentFormPage.original), so the others are not listed.
    try:
        first_language = Locale.get_default()
    except Locale.DoesNotExist:
        return form_pages
    originals = form_pages.filter(locale=first_language).values("translation_key")
    return form_pages.exclude(Q(translation_key__in=originals) & ~Q(locale=first_language))


class QuarterOutlineViewSet(SnippetViewSet):
    """Staff upload each quarter's outline as GeoJSON; quarter maps on dashboards draw them."""

    model = QuarterOutline
    icon = "site"
    menu_label = _("Quarter outlines")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "area", "code", "is_simplified"]
    list_filter = ["area"]


register_snippet(QuarterOutlineViewSet)
