"""Reads for page templates: each returns pages of the visitor's language tree."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Count
from django.utils.translation import get_language, to_locale
from wagtail.models import Locale, Page, Site


def site_root(*, request=None) -> Page | None:
    """Return the home page in the active language, or the German one."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return Page.objects.filter(depth=2).first()
    return site.root_page.localized


def menu_items(*, request) -> list[dict]:
    """Return the pages marked "show in menus" below the home page.

    Which of them is the current page is the caller's to say: the menu is kept across
    requests (cms.context_processors).
    """
    root = site_root(request=request)
    if root is None:
        return []
    return [
        {"title": page.title, "url": page.url, "page": page}
        for page in root.get_children().live().in_menu().specific()
    ]


def footer_items(*, request) -> list[dict]:
    """Return the legal and help pages linked at the foot of every page."""
    from cms.models import StandardPage

    root = site_root(request=request)
    if root is None:
        return []
    pages = StandardPage.objects.live().descendant_of(root).filter(show_in_footer=True)
    return [{"title": page.title, "url": page.url, "page": page} for page in pages.order_by("path")]


def results_url(*, request=None) -> str:
    from cms.models import DashboardIndexPage

    page = _in_active_locale(DashboardIndexPage.objects.live()).first()
    page = page or DashboardIndexPage.objects.live().first()
    return page.url if page else "/"


def search_url() -> str:
    from django.urls import reverse

    return reverse("search")


def _in_active_locale(queryset):
    return queryset.filter(locale__language_code=get_language())


def latest_news(*, limit: int):
    from cms.models import NewsPage

    news = NewsPage.objects.live().select_related("quarter")
    return _in_active_locale(news).order_by("-date", "-pk")[:limit]


def news_topics(*, index) -> list[dict]:
    """Return the topics used by the news below `index`, most used first."""
    from cms.models import NewsPage

    counts = (
        NewsPage.objects.child_of(index)
        .live()
        .values("topics__slug", "topics__name")
        .exclude(topics__slug=None)
        .annotate(count=Count("pk"))
        .order_by("-count", "topics__name")
    )
    return [{"slug": row["topics__slug"], "name": row["topics__name"]} for row in counts]


def news_quarters(*, index) -> list:
    """Return the quarters named by the news below `index`, by name."""
    from cms.models import NewsPage, QuarterOutline

    named = NewsPage.objects.child_of(index).live().values("quarter")
    return list(QuarterOutline.objects.filter(pk__in=named).order_by("name", "area"))


def dashboards(*, limit: int):
    from cms.models import DashboardPage

    return _in_active_locale(DashboardPage.objects.live()).order_by("-last_published_at")[:limit]


def contact_page():
    from cms.models import ContactPage

    return _in_active_locale(ContactPage.objects.live()).first()


def search_pages(*, query: str):
    """Search the live public pages of the active language."""
    locale = Locale.objects.filter(language_code=get_language()).first()
    return Page.objects.live().public().filter(locale=locale).search(query)


# Interface catalogues: what still waits for a translation or for a native speaker.
# A machine-made or unreviewed entry carries this translator comment until a native
# speaker has read it and removed the line.
REVIEW_MARK = "needs native review"


@dataclass(frozen=True)
class CatalogueReview:
    code: str
    name: str
    entry_count: int
    untranslated: list[str]
    waiting: list[tuple[str, str]]  # (source, translation) marked for review or fuzzy

    @property
    def done_count(self) -> int:
        return self.entry_count - len(self.untranslated) - len(self.waiting)


def catalogue_path(*, language: str, locale_dir: Path | None = None) -> Path:
    locale_dir = locale_dir or Path(settings.LOCALE_PATHS[0])
    return locale_dir / to_locale(language) / "LC_MESSAGES" / "django.po"


def catalogue_reviews(*, locale_dir: Path | None = None) -> list[CatalogueReview]:
    """Return, per language of the site, the entries untranslated or waiting for review."""
    import polib

    reviews = []
    for code, name in settings.LANGUAGES:
        path = catalogue_path(language=code, locale_dir=locale_dir)
        entries = [entry for entry in polib.pofile(str(path)) if not entry.obsolete]
        untranslated, waiting = [], []
        for entry in entries:
            text = entry.msgstr or next((form for form in entry.msgstr_plural.values() if form), "")
            if not text:
                untranslated.append(entry.msgid)
            elif "fuzzy" in entry.flags or REVIEW_MARK in (entry.tcomment or ""):
                waiting.append((entry.msgid, text))
        reviews.append(CatalogueReview(code, name, len(entries), untranslated, waiting))
    return reviews
