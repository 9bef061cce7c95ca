"""Public results: dashboard pages read published snapshots only."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.blocks import DashboardStreamBlock
from cms.dashboard_cache import serve_from_cache
from cms.dashboard_charts import dashboard_charts
from cms.models.base import SitePageMixin


class DashboardIndexPage(SitePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.DashboardPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("results overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dashboards"] = DashboardPage.objects.child_of(self).live()
        return context


class DashboardPage(SitePageMixin, Page):
    """Public results: chart blocks read published snapshots only, never raw answers."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(DashboardStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["cms.DashboardIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dashboard")
        verbose_name_plural = _("dashboards")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        charts = dashboard_charts(blocks=self.body, params=request.GET)
        context["dashboard_charts"] = charts
        context["dashboard_filter"] = charts.filter
        return context

    def serve(self, request, *args, **kwargs):
        # Anonymous visitors get the cached page while its figures are unchanged.
        return serve_from_cache(self, request, lambda: self._render(request, *args, **kwargs))

    def _render(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # An unknown filter value is the visitor's mistake: a friendly page, status 400
        # (never cached: only a 200 is).
        if response.context_data["dashboard_filter"].is_invalid:
            response.status_code = 400
        return response
