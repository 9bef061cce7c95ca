"""The key-figures and quote blocks as a visitor sees them on a dashboard."""

import datetime

import pytest
from django.utils import timezone

from analytics.models import Quote
from analytics.services import refresh_snapshot
from surveys.models import Wave
from tests.factories import WaveFactory, build_site, submit

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


def _dashboard(wave, *blocks):
    _, dashboard = build_site(wave=wave)
    dashboard.body = list(blocks)
    dashboard.save()
    return dashboard


def test_key_figures_show_the_reach_and_the_counts_by_quarter(client):
    wave = WaveFactory()
    submit(wave, 9, quarter="altenhagen")
    submit(wave, 7, quarter="wehringhausen")
    refresh_snapshot(wave=wave)
    dashboard = _dashboard(wave, ("key_figures", {"wave": wave, "heading": ""}))

    page = client.get(dashboard.url).content.decode()

    assert "<strong>16</strong> junge Menschen haben geantwortet." in page
    assert '<dt dir="auto">Altenhagen</dt>' in page and "<dd>9</dd>" in page


def test_key_figures_show_a_small_group_as_not_shown_never_its_number(client):
    wave = WaveFactory()
    submit(wave, 9, quarter="altenhagen")
    submit(wave, 8, quarter="wehringhausen")
    submit(wave, 2, quarter="hagen")
    refresh_snapshot(wave=wave)
    dashboard = _dashboard(wave, ("key_figures", {"wave": wave, "heading": ""}))

    page = client.get(dashboard.url).content.decode()

    assert '<dt dir="auto">Woanders in Hagen</dt>' in page
    assert "<dd>nicht gezeigt, um eine kleine Gruppe zu schützen</dd>" in page
    assert "<dd>2</dd>" not in page


def test_key_figures_of_a_wave_with_hidden_results_say_so_plainly(client):
    wave = WaveFactory(
        results_policy=Wave.ResultsPolicy.AFTER_CLOSE,
        closes_at=timezone.now() + datetime.timedelta(days=2),
    )
    submit(wave, 9)
    refresh_snapshot(wave=wave)
    dashboard = _dashboard(wave, ("key_figures", {"wave": wave, "heading": ""}))

    response = client.get(dashboard.url)

    assert response.status_code == 200
    assert "Die Zahlen dieser Umfrage sind noch nicht veröffentlicht." in response.content.decode()


def test_the_quote_block_shows_approved_quotes_only(client):
    wave = WaveFactory()
    submit(wave, 6)
    refresh_snapshot(wave=wave)
    Quote.objects.create(
        wave=wave, question_key="wunsch", status=Quote.Status.APPROVED, text="Mehr Bänke im Park"
    )
    Quote.objects.create(
        wave=wave, question_key="wunsch", status=Quote.Status.REJECTED, text="Nicht öffentlich"
    )
    dashboard = _dashboard(wave, ("quote", {"wave": wave, "question": "", "heading": ""}))

    page = client.get(dashboard.url).content.decode()

    assert "Mehr Bänke im Park" in page and "Nicht öffentlich" not in page


def test_the_quote_block_can_be_narrowed_to_one_question(client):
    wave = WaveFactory()
    submit(wave, 6)
    refresh_snapshot(wave=wave)
    for key, text in (("wunsch", "Mehr Bänke im Park"), ("sorge", "Zu wenig Licht")):
        Quote.objects.create(wave=wave, question_key=key, status=Quote.Status.APPROVED, text=text)
    dashboard = _dashboard(wave, ("quote", {"wave": wave, "question": "sorge", "heading": ""}))

    page = client.get(dashboard.url).content.decode()

    assert "Zu wenig Licht" in page and "Mehr Bänke im Park" not in page


def test_the_quote_block_without_approved_quotes_says_so_in_a_sentence(client):
    wave = WaveFactory()
    submit(wave, 6)
    dashboard = _dashboard(wave, ("quote", {"wave": wave, "question": "", "heading": ""}))

    response = client.get(dashboard.url)

    assert response.status_code == 200
    assert "Hier wurden noch keine Antworten zur Veröffentlichung freigegeben." in (
        response.content.decode()
    )


def test_the_quote_block_reads_the_response_count_from_the_snapshot_not_the_responses(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    wave = WaveFactory()
    submit(wave, 6)
    refresh_snapshot(wave=wave)
    Quote.objects.create(
        wave=wave, question_key="wunsch", status=Quote.Status.APPROVED, text="Mehr Bänke im Park"
    )
    dashboard = _dashboard(wave, ("quote", {"wave": wave, "question": "", "heading": ""}))

    with CaptureQueriesContext(connection) as queries:
        page = client.get(dashboard.url).content.decode()

    assert "Mehr Bänke im Park" in page
    assert not any("surveys_response" in query["sql"] for query in queries.captured_queries)


def test_quotes_wait_until_the_snapshot_counts_k_responses(
    client, django_capture_on_commit_callbacks
):
    wave = WaveFactory()
    submit(wave, 3)
    refresh_snapshot(wave=wave)
    submit(wave, 3)  # Not in a snapshot yet.
    Quote.objects.create(
        wave=wave, question_key="wunsch", status=Quote.Status.APPROVED, text="Mehr Bänke im Park"
    )
    dashboard = _dashboard(wave, ("quote", {"wave": wave, "question": "", "heading": ""}))

    assert "Mehr Bänke im Park" not in client.get(dashboard.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        refresh_snapshot(wave=wave)
    assert "Mehr Bänke im Park" in client.get(dashboard.url).content.decode()
