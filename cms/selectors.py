"""Reads for page templates."""

from wagtail.models import Page

from surveys.selectors import open_waves


def menu_items(*, request) -> list[dict]:
    """Return the pages marked "show in menus" below the site's root page."""
    site_root = Page.objects.filter(depth=2).first()
    if site_root is None:
        return []
    path = request.path if request else ""
    return [
        {"title": page.title, "url": page.url, "is_current": path.startswith(page.url or "-")}
        for page in site_root.get_children().live().in_menu().specific()
    ]


def results_url() -> str:
    from cms.models import DashboardIndexPage

    page = DashboardIndexPage.objects.live().first()
    return page.url if page else "/"


def latest_news(*, limit: int):
    from cms.models import NewsPage

    return NewsPage.objects.live().order_by("-date", "-pk")[:limit]


def dashboards(*, limit: int):
    from cms.models import DashboardPage

    return DashboardPage.objects.live().order_by("-last_published_at")[:limit]


def open_surveys():
    return open_waves()
