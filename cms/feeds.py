"""RSS and Atom feeds of one news index."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

NEWS_IN_FEED = 20


class NewsRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return f"{self.index.title} · PaRT Hagen"

    def link(self):
        return self.index.url

    def description(self):
        return self.index.intro

    def items(self):
        return self.index.news()[:NEWS_IN_FEED]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        # The date a news item is about; its time of day is not kept.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.index.intro
