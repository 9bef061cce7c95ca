"""Pages of the public site."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import DashboardStreamBlock


class Quarter(models.TextChoices):
    ALTENHAGEN = "altenhagen", "Altenhagen"
    WEHRINGHAUSEN = "wehringhausen", "Wehringhausen"
    BOTH = "both", _("Both quarters")


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.NewsIndexPage", "cms.DashboardIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = selectors.latest_news(limit=3)
        context["open_waves"] = selectors.open_surveys()
        context["dashboards"] = selectors.dashboards(limit=3)
        return context


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.NewsPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).live().order_by("-date", "-pk")
        context["news_page"] = Paginator(news, 10).get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    date = models.DateField(_("date"))
    quarter = models.CharField(
        _("quarter"), max_length=16, choices=Quarter.choices, default=Quarter.BOTH
    )
    intro = models.CharField(_("teaser"), max_length=250)
    body = RichTextField(_("text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("quarter"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class DashboardIndexPage(Page):
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


class DashboardPage(Page):
    """Public results: chart blocks read published snapshots only, never raw answers."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(DashboardStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["cms.DashboardIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dashboard")
        verbose_name_plural = _("dashboards")
