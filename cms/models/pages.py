"""Home, standard, contact and partner organisation pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import ContentStreamBlock, OfficeBlock
from cms.models.base import SitePageMixin
from surveys.selectors import open_waves


class HomePage(SitePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "cms.NewsIndexPage",
        "cms.DashboardIndexPage",
        "cms.StandardPage",
        "cms.ContactPage",
        "cms.MentorSignUpPage",
        "cms.FeedbackFormPage",
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = selectors.latest_news(limit=3)
        context["open_waves"] = open_waves()
        context["dashboards"] = selectors.dashboards(limit=3)
        context["contact"] = selectors.contact_page()
        return context


class StandardPage(SitePageMixin, Page):
    """A page of text: about the project, legal pages, Leichte Sprache."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("content"))
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("Link this page at the foot of every page, as legal pages are."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("show_in_footer")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = [
        "cms.StandardPage",
        "cms.OrganisationPage",
        "cms.FeedbackFormPage",
        "cms.MentorSignUpPage",
    ]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ContactPage(SitePageMixin, Page):
    """Where to find staff, and how to reach them without coming in."""

    intro = models.TextField(_("introduction"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_hours = models.CharField(_("phone hours"), max_length=200, blank=True)
    messenger = models.CharField(
        _("messenger"),
        max_length=200,
        blank=True,
        help_text=_("For example: Signal and WhatsApp at 0151 00000000."),
    )
    window_consultation = models.TextField(
        _("window consultation"),
        blank=True,
        help_text=_("When and where staff answer questions through the office window."),
    )
    offices = StreamField(
        [("office", OfficeBlock())], blank=True, verbose_name=_("offices in the quarters")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("more text"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("phone_hours"),
                FieldPanel("messenger"),
                FieldPanel("window_consultation"),
            ],
            heading=_("Contactless ways to reach us"),
        ),
        FieldPanel("offices"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("window_consultation"),
        index.SearchField("offices"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")


class OrganisationPage(SitePageMixin, Page):
    """A partner organisation: who they are, where their office is, what they offer."""

    intro = models.TextField(_("introduction"))
    address = models.TextField(_("office address"), blank=True)
    office_hours = models.TextField(_("office hours"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("office_hours"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Office in the quarter"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
