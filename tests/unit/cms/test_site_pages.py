import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.models import NewsPage

# The demo is seeded once per module and test process: keep the module on one process.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-site-unit")]


def test_the_language_switch_links_the_same_page_in_arabic(client, demo_site):
    page = client.get("/kontakt/").content.decode()

    assert 'href="/ar/kontakt/"' in page


def test_an_arabic_page_is_laid_out_right_to_left(client, demo_site):
    page = client.get("/ar/").content.decode()

    assert '<html lang="ar" dir="rtl">' in page


def test_an_untranslated_page_marks_its_german_text_for_screen_readers(client, demo_site):
    page = client.get("/ar/impressum/").content.decode()

    assert 'lang="de" dir="ltr"' in page


def test_leichte_sprache_has_its_own_home_page(client, demo_site):
    page = client.get("/de-x-ls/").content.decode()

    assert '<html lang="de-x-ls"' in page and "Dann sag uns deine Meinung." in page


def test_a_language_that_does_not_exist_is_not_found(client, demo_site):
    assert client.get("/xx/kontakt/").status_code == 404


def test_the_home_page_says_how_to_reach_us_without_coming_in(client, demo_site):
    page = client.get("/").content.decode()

    assert "Fensterberatung" in page and "0151 000 000 00" in page


def test_news_can_be_filtered_by_topic(client, demo_site):
    page = client.get("/news/?topic=coaching").content.decode()

    assert "Coaching auf dem Weg zur Ausbildung" in page
    assert "Sommer-Fußballturnier" not in page


def test_the_news_feed_lists_the_latest_news(client, demo_site):
    response = client.get("/news/feed/")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert "Aufräumaktion in Wehringhausen" in response.content.decode()


def test_the_atom_feed_is_served(client, demo_site):
    response = client.get("/news/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")


def test_search_finds_a_news_item_by_a_word_in_its_text(client, demo_site):
    page = client.get("/search/", {"query": "Bolzplatz"}).content.decode()

    assert "Sommer-Fußballturnier" in page


def test_a_search_of_ten_thousand_characters_gets_a_clear_message(client, demo_site):
    response = client.get("/search/", {"query": "a" * 10_000})

    assert response.status_code == 400
    assert "höchstens 200 Zeichen" in response.content.decode()


def test_every_partner_organisation_has_a_page(client, demo_site):
    assert client.get("/projekt/caritas-hagen/").status_code == 200
    assert client.get("/projekt/diakonie-mark-ruhr/").status_code == 200


def test_a_news_image_without_alternative_text_is_refused():
    image = get_image_model().objects.create(title="Bild", file=get_test_image_file())
    news = NewsPage(
        title="Mit Bild",
        slug="mit-bild",
        date=datetime.date(2026, 11, 1),
        intro="Kurz",
        body="<p>Text</p>",
        image=image,
        image_alt="",
    )

    with pytest.raises(ValidationError) as error:
        news.full_clean()

    assert "image_alt" in error.value.message_dict


def test_a_public_page_sends_a_content_security_policy_without_unsafe_inline(client, demo_site):
    policy = client.get("/").headers["Content-Security-Policy"]

    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_the_admin_gets_its_own_relaxed_policy(client, demo_site):
    policy = client.get("/admin/login/").headers["Content-Security-Policy"]

    assert "script-src 'self' 'unsafe-inline'" in policy


def test_a_public_page_allows_no_camera_microphone_or_location(client, demo_site):
    policy = client.get("/").headers["Permissions-Policy"]

    assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy


def test_the_lockout_counts_failed_logins_by_user_name_and_keeps_no_ip(settings):
    from config.security import client_str_without_ip, no_client_ip

    assert settings.AXES_LOCKOUT_PARAMETERS == ["username"]
    assert no_client_ip(request=None) is None
    assert "127.0.0.1" not in client_str_without_ip("anna", "127.0.0.1", "Firefox", "/admin/", None)


def test_a_staff_login_is_locked_after_five_wrong_passwords(client, django_user_model):
    django_user_model.objects.create_user(username="anna", password="richtig-langes-passwort")
    for _attempt in range(5):
        client.post("/admin/login/", {"username": "anna", "password": "falsch"})

    response = client.post(
        "/admin/login/", {"username": "anna", "password": "richtig-langes-passwort"}
    )

    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in response.content.decode()


def test_a_failed_login_leaves_no_row_with_an_ip_address_or_user_agent(client):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    client.post(
        "/admin/login/",
        {"username": "anna", "password": "falsch"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Testbrowser",
    )

    assert not AccessAttempt.objects.exists()
    assert not AccessFailureLog.objects.exists() and not AccessLog.objects.exists()


def test_the_arabic_home_page_links_the_survey_in_arabic(client, demo_site):
    page = client.get("/ar/").content.decode()

    assert 'href="/ar/s/quartier-check/"' in page


def test_news_dates_are_written_the_way_each_language_writes_them(client, demo_site):
    turkish = client.get("/tr/news/").content.decode()
    arabic = client.get("/ar/news/").content.decode()

    months = "Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık"
    assert re.search(rf'<time datetime="[\d-]+">\d{{1,2}} ({months}) \d{{4}}</time>', turkish)
    assert re.search(r'<time datetime="[\d-]+">\d{1,2} \w+، \d{4}</time>', arabic)
