"""News names its quarter from the quarters staff keep, so a new project needs no new code."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from cms.models import NewsIndexPage, NewsPage, QuarterOutline
from tests.factories import build_site

pytestmark = pytest.mark.django_db

BEFORE = [("cms", "0008_add_printed_reports")]
AFTER = [("cms", "0009_news_names_its_quarter_from_the_quarters_staff_keep")]


def add_news(index, slug, quarter):
    return index.add_child(
        instance=NewsPage(
            title=f"Neuigkeit {slug}",
            slug=slug,
            date=datetime.date(2026, 11, 4),
            quarter=quarter,
            intro="Kurz gesagt.",
            body="<p>Text.</p>",
        )
    )


@pytest.fixture
def boele(admin_client):
    """A third quarter, added by staff in the admin without an outline."""
    build_site()
    admin_client.post(
        "/admin/snippets/cms/quarteroutline/add/",
        {"area": "Hagen", "name": "Boele", "code": "boele", "source": ""},
    )
    quarter = QuarterOutline.objects.get(code="boele")
    index = NewsIndexPage.objects.get()
    add_news(index, "boele-treff", quarter)
    add_news(index, "fuer-alle", None)
    return quarter


def test_staff_add_a_quarter_without_an_outline_for_news(boele):
    assert boele.name == "Boele" and boele.geometry == {}


def test_the_news_filter_offers_a_quarter_staff_added(client, boele):
    page = client.get("/news/").content.decode()

    assert '<option value="boele">Boele</option>' in page
    assert '<option value="altenhagen">Altenhagen</option>' in page


def test_the_news_filter_shows_a_quarters_news_and_news_for_all_quarters(client, boele):
    page = client.get("/news/", {"quarter": "boele"}).content.decode()

    assert "Neuigkeit boele-treff" in page
    assert "Neuigkeit fuer-alle" in page
    assert "Streetwork am Bodelschwinghplatz" not in page


def test_a_news_item_names_its_quarter_or_all_quarters(client, boele):
    named = client.get("/news/boele-treff/").content.decode()
    everyone = client.get("/news/fuer-alle/").content.decode()

    assert "· Boele</p>" in named
    assert "· Alle Quartiere</p>" in everyone


def test_a_quarter_named_by_news_cannot_be_deleted_from_under_it(boele):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        boele.delete()


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_quarter_of_every_news_page_and_revision():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Revision = apps.get_model("wagtailcore", "Revision")
    OldNews = apps.get_model("cms", "NewsPage")
    news_type, _ = ContentType.objects.get_or_create(app_label="cms", model="newspage")
    locale, _ = Locale.objects.get_or_create(language_code="de")
    old = {}
    for number, code in enumerate(["altenhagen", "wehringhausen", "both", "altenhagen"], 1):
        news = OldNews.objects.create(
            title=f"Alt {number}",
            draft_title=f"Alt {number}",
            slug=f"alt-{number}",
            path=f"00090009{number:04d}",
            depth=3,
            url_path=f"/alt-{number}/",
            content_type=news_type,
            locale=locale,
            date=datetime.date(2026, 1, number),
            intro="Alt.",
            body="<p>Alt.</p>",
            quarter=code,
        )
        old[news.pk] = code
    revision = Revision.objects.create(
        content_type=news_type,
        base_content_type=news_type,
        object_id=str(news.pk),
        created_at=timezone.now(),
        content={"title": "Alt 4", "quarter": "wehringhausen"},
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    NewNews = apps.get_model("cms", "NewsPage")
    Quarter = apps.get_model("cms", "QuarterOutline")
    codes = {
        news.pk: news.quarter.code if news.quarter else "both"
        for news in NewNews.objects.filter(pk__in=old)
    }
    wehringhausen = Quarter.objects.get(code="wehringhausen")
    content = apps.get_model("wagtailcore", "Revision").objects.get(pk=revision.pk).content

    assert codes == old
    assert Quarter.objects.filter(code="altenhagen").count() == 1
    assert content["quarter"] == wehringhausen.pk
    NewNews.objects.filter(pk__in=old).delete()


def test_the_news_list_names_each_items_quarter(client, boele):
    page = client.get("/news/").content.decode()

    assert "· Boele</p>" in page
    assert "· Altenhagen</p>" in page
    assert "· Alle Quartiere</p>" in page
