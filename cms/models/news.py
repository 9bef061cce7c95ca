"""News: an index with filters, pagination and feeds, and the news items below it."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.models.base import SitePageMixin

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, SitePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.NewsPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("news index")

    def news(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .select_related("quarter")
            .order_by("-date", "-pk")
        )

    @path("")
    def index(self, request):
        from cms import selectors

        news = self.news()
        quarters = selectors.news_quarters(index=self)
        quarter = request.GET.get("quarter", "")
        topic = request.GET.get("topic", "")
        if quarter in {named.code for named in quarters}:
            # News for all quarters (no quarter named) belongs to each of them.
            news = news.filter(Q(quarter__code=quarter) | Q(quarter__isnull=True))
        else:
            quarter = ""
        if topic:
            news = news.filter(topics__slug=topic)
        return self.render(
            request,
            context_overrides={
                "news_page": Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page")),
                "quarters": [(named.code, named.name) for named in quarters],
                "topics": selectors.news_topics(index=self),
                "chosen_quarter": quarter,
                "chosen_topic": topic,
            },
        )

    @path("feed/", name="rss")
    def rss_feed(self, request):
        from cms.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from cms.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPageTopic(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", related_name="tagged_topics", on_delete=models.CASCADE
    )


class NewsPage(SitePageMixin, Page):
    date = models.DateField(_("date"))
    quarter = models.ForeignKey(
        "cms.QuarterOutline",
        verbose_name=_("quarter"),
        null=True,
        blank=True,
        # A quarter named by news cannot vanish from under it; staff re-file the news first.
        on_delete=models.PROTECT,
        related_name="news",
        help_text=_("Leave empty for news about all quarters."),
    )
    topics = ClusterTaggableManager(
        through=NewsPageTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("For example: outreach, coaching, mentoring, survey, leisure."),
    )
    intro = models.CharField(_("teaser"), max_length=250)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Say what the image shows for people who cannot see it. Required with an image."
        ),
    )
    body = RichTextField(_("text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("quarter"),
        FieldPanel("topics"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image in a few words, or remove the image.")}
            )
