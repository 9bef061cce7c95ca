"""The dashboard page cache: warm pages without the database, never stale, never shared."""

import datetime
import gzip

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from analytics.services import refresh_snapshot
from cms.models import DashboardPage
from surveys.models import Wave
from tests.factories import WaveFactory, add_responses, build_site, full_questionnaire

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


def _dashboard(**wave_fields):
    wave = WaveFactory(questionnaire=full_questionnaire(), label="Herbst 2026", **wave_fields)
    add_responses(wave, 9, answers={"mitbestimmen": 4}, quarter="altenhagen")
    add_responses(wave, 8, answers={"mitbestimmen": 8}, quarter="wehringhausen")
    refresh_snapshot(wave=wave)
    _, dashboard = build_site(wave=wave)
    dashboard.body = [
        ("chart", {"wave": wave, "question": "mitbestimmen", "heading": "Mitbestimmen"}),
    ]
    dashboard.save_revision().publish()
    return wave, DashboardPage.objects.get(pk=dashboard.pk)


# The discard port: nothing listens there, so every connection is refused at once.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "config.cache.FailOpenRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
ALL = "Im Durchschnitt gaben die 17 Personen, die geantwortet haben"
WEHRINGHAUSEN = "Im Durchschnitt gaben die 8 Personen der Gruppe „Wehringhausen“ 8,0 an."


def test_a_warm_dashboard_is_answered_from_the_cache_without_a_database_query(
    client, django_assert_num_queries
):
    _, dashboard = _dashboard()
    first = client.get(dashboard.url)

    with django_assert_num_queries(0):
        second = client.get(dashboard.url)

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Language"] == "de"


def test_a_warm_filtered_dashboard_is_answered_without_a_database_query_too(
    client, django_assert_num_queries
):
    _, dashboard = _dashboard()
    client.get(dashboard.url, {"quartier": "wehringhausen"})

    with django_assert_num_queries(0):
        response = client.get(dashboard.url, {"quartier": "wehringhausen"})

    assert WEHRINGHAUSEN in response.content.decode()


def test_a_new_publication_shows_on_the_page_at_once(client, django_capture_on_commit_callbacks):
    wave, dashboard = _dashboard()
    client.get(dashboard.url)
    add_responses(wave, 6, answers={"mitbestimmen": 6}, quarter="wehringhausen")
    with django_capture_on_commit_callbacks(execute=True):
        refresh_snapshot(wave=wave)

    response = client.get(dashboard.url)

    assert response["X-Cache"] == "miss"
    assert "Im Durchschnitt gaben die 23 Personen" in response.content.decode()


def test_results_that_wait_for_the_wave_to_close_show_once_it_has_closed(client, monkeypatch):
    _, dashboard = _dashboard(
        results_policy=Wave.ResultsPolicy.AFTER_CLOSE,
        closes_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert ALL not in client.get(dashboard.url).content.decode()
    later = timezone.now() + datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)

    response = client.get(dashboard.url)

    assert ALL in response.content.decode()


def test_a_filtered_page_and_the_whole_page_never_take_each_others_place(client):
    _, dashboard = _dashboard()

    filtered = client.get(dashboard.url, {"quartier": "wehringhausen"}).content.decode()
    whole = client.get(dashboard.url).content.decode()
    filtered_again = client.get(dashboard.url, {"quartier": "wehringhausen"})
    whole_again = client.get(dashboard.url)

    assert WEHRINGHAUSEN in filtered and ALL not in filtered
    assert ALL in whole and WEHRINGHAUSEN not in whole
    assert filtered_again["X-Cache"] == "hit" and filtered_again.content.decode() == filtered
    assert whole_again["X-Cache"] == "hit" and whole_again.content.decode() == whole


def test_other_languages_are_cached_apart(client):
    _, dashboard = _dashboard()
    client.get(dashboard.url)

    english = client.get(f"/en{dashboard.url}")

    assert english["X-Cache"] == "miss"
    assert english["Content-Language"] == "en"


def test_an_address_with_other_parameters_is_neither_read_from_nor_kept_in_the_cache(client):
    _, dashboard = _dashboard()
    client.get(dashboard.url, {"quartier": "wehringhausen"})

    first = client.get(dashboard.url, {"quartier": "wehringhausen", "utm_source": "x"})
    second = client.get(dashboard.url, {"quartier": "wehringhausen", "utm_source": "x"})

    assert "X-Cache" not in first and "X-Cache" not in second


def test_a_logged_in_staff_member_never_gets_a_cached_page(client):
    _, dashboard = _dashboard()
    client.get(dashboard.url)
    client.force_login(get_user_model().objects.create_superuser("redaktion", "", "geheim"))

    response = client.get(dashboard.url)

    assert response.status_code == 200 and "X-Cache" not in response


def test_a_logged_in_staff_member_never_leaves_a_page_in_the_cache(client):
    _, dashboard = _dashboard()
    client.force_login(get_user_model().objects.create_superuser("redaktion", "", "geheim"))
    client.get(dashboard.url)
    client.get(dashboard.url)
    client.logout()
    client.cookies.clear()

    assert client.get(dashboard.url)["X-Cache"] == "miss"


def test_a_preview_of_a_draft_shows_the_draft_and_is_never_cached_for_visitors(client):
    _, dashboard = _dashboard()
    # The preview's own address: the site's host, as Wagtail's dummy request has it.
    client.get(dashboard.url, HTTP_HOST="localhost")
    draft = dashboard.get_latest_revision_as_object()
    draft.title = "Entwurf, noch geheim"

    preview = draft.make_preview_request()
    visit = client.get(dashboard.url, HTTP_HOST="localhost")

    assert "Entwurf, noch geheim" in preview.content.decode()
    assert "Entwurf, noch geheim" not in visit.content.decode()


def test_a_published_edit_shows_at_once(client, django_capture_on_commit_callbacks):
    _, dashboard = _dashboard()
    client.get(dashboard.url)
    dashboard.title = "Quartier-Check 2026"
    with django_capture_on_commit_callbacks(execute=True):
        dashboard.save_revision().publish()

    response = client.get(dashboard.url)

    assert response["X-Cache"] == "miss"
    assert "<h1>Quartier-Check 2026</h1>" in response.content.decode()


def test_an_unpublished_dashboard_is_gone_at_once(client, django_capture_on_commit_callbacks):
    _, dashboard = _dashboard()
    client.get(dashboard.url)

    with django_capture_on_commit_callbacks(execute=True):
        dashboard.unpublish()

    assert client.get(dashboard.url).status_code == 404


def test_with_redis_down_the_dashboard_is_rendered_every_time(client, settings):
    from config.cache import outage

    _, dashboard = _dashboard()
    settings.CACHES = UNREACHABLE_REDIS
    settings.PART_CACHE_RETRY_SECONDS = 0
    outage.succeeded()
    try:
        responses = [client.get(dashboard.url) for _ in range(2)]
    finally:
        outage.succeeded()

    assert [response.status_code for response in responses] == [200, 200]
    assert all(ALL in response.content.decode() for response in responses)


def test_a_cached_page_goes_out_gzipped_to_a_browser_that_accepts_it(client):
    _, dashboard = _dashboard()
    first = client.get(dashboard.url)

    second = client.get(dashboard.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert second["X-Cache"] == "hit" and second["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in second["Vary"]
    assert gzip.decompress(second.content) == first.content
    assert int(second["Content-Length"]) == len(second.content) < len(first.content) / 3
