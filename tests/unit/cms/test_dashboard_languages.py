"""Dashboards in the reader's language: the questionnaire's own wording, staff text marked."""

import pytest

from analytics.localisation import localised_snapshot
from analytics.selectors import published_snapshot
from analytics.services import refresh_snapshot
from cms.models import DashboardPage
from surveys.models import Option, Scale
from tests.factories import (
    WaveFactory,
    add_responses,
    build_site,
    full_questionnaire,
    translate_everywhere,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]

ARABIC = "/ar/dashboards/quartier-check/"
GERMAN = "/dashboards/quartier-check/"


@pytest.fixture
def wave():
    questionnaire = translate_everywhere(full_questionnaire())
    scale = Scale.objects.get(questionnaire=questionnaire, key="selbstwirksamkeit")
    scale.translations = {"ar": {"name": "الكفاءة الذاتية"}}
    scale.save()
    # Staff have not worded this answer in Arabic yet: it stays German.
    untranslated = Option.objects.get(question__questionnaire=questionnaire, value="ausserhalb")
    untranslated.translations = {}
    untranslated.save()
    wave = WaveFactory(questionnaire=questionnaire, title="Quartier-Check", label="Herbst 2026")
    add_responses(wave, 9, answers={"se1": "5", "mitbestimmen": 4}, quarter="altenhagen")
    add_responses(wave, 8, answers={"se1": "2", "mitbestimmen": 8}, quarter="wehringhausen")
    add_responses(wave, 6, answers={"se1": "4", "mitbestimmen": 6}, quarter="ausserhalb")
    refresh_snapshot(wave=wave)
    return wave


@pytest.fixture
def dashboard(wave):
    _, dashboard = build_site(wave=wave)
    dashboard.intro = "Vorführdaten: Die Antworten sind erfunden."
    dashboard.body = [
        ("chart", {"wave": wave, "question": "quartier", "heading": ""}),
        ("chart", {"wave": wave, "question": "se1", "heading": "Was die Befragten sagen"}),
        ("chart", {"wave": wave, "question": "scale:selbstwirksamkeit", "heading": ""}),
        ("key_figures", {"wave": wave, "heading": ""}),
    ]
    dashboard.save_revision().publish()
    return DashboardPage.objects.get(pk=dashboard.pk)


def test_an_arabic_dashboard_shows_the_arabic_answer_labels(client, dashboard):
    page = client.get(ARABIC).content.decode()

    assert "Altenhagen (ar)" in page
    assert "Stimme gar nicht zu (ar)" in page


def test_an_arabic_dashboard_shows_the_arabic_question_and_scale_as_chart_titles(client, dashboard):
    page = client.get(ARABIC).content.decode()

    assert "Frage quartier (ar)" in page
    assert "الكفاءة الذاتية" in page


def test_an_arabic_dashboard_offers_the_arabic_group_labels_in_its_filter(client, dashboard):
    page = client.get(ARABIC).content.decode()

    assert '<option value="wehringhausen">Wehringhausen (ar)</option>' in page


def test_an_answer_without_arabic_wording_stays_german_on_an_arabic_dashboard(client, dashboard):
    page = client.get(ARABIC).content.decode()

    assert "Außerhalb von Hagen" in page
    assert "Außerhalb von Hagen (ar)" not in page


def test_a_german_dashboard_keeps_the_german_labels(client, dashboard):
    page = client.get(GERMAN).content.decode()

    assert "Altenhagen" in page
    assert "(ar)" not in page


def test_an_arabic_filtered_dashboard_names_the_group_in_arabic(client, dashboard):
    page = client.get(ARABIC, {"quartier": "altenhagen"}).content.decode()

    assert "<strong><bdi>Altenhagen (ar)</bdi></strong>" in page


def test_the_chart_download_of_an_arabic_dashboard_has_the_arabic_labels(client, dashboard):
    block = dashboard.body[0]

    table = client.get(f"/ar/downloads/{dashboard.pk}/{block.id}.csv").content.decode()

    assert "Wehringhausen (ar)" in table


def test_an_arabic_page_is_cached_apart_from_the_german_one(client, dashboard):
    client.get(GERMAN)
    german = client.get(GERMAN)

    first = client.get(ARABIC)
    second = client.get(ARABIC)

    assert german["X-Cache"] == "hit"
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert "Altenhagen (ar)" in second.content.decode()
    assert "Altenhagen (ar)" not in german.content.decode()


def test_the_stored_snapshot_and_its_counts_stay_as_published(wave):
    snapshot = published_snapshot(wave=wave)

    arabic = localised_snapshot(snapshot, language="ar", wave=wave)

    assert arabic.figures.question("quartier").options[0].label == "Altenhagen (ar)"
    assert [cell.count for cell in arabic.figures.question("quartier").options] == [
        cell.count for cell in snapshot.figures.question("quartier").options
    ]
    assert published_snapshot(wave=wave).data["questions"][0]["options"][0]["label"] == (
        "Altenhagen"
    )


def test_the_public_api_keeps_the_german_labels_whatever_language_the_browser_asks(client, wave):
    response = client.get(f"/api/v1/waves/{wave.slug}/results/", HTTP_ACCEPT_LANGUAGE="ar")

    assert "Altenhagen (ar)" not in response.content.decode()
    assert "Altenhagen" in response.content.decode()


@pytest.fixture
def story(dashboard, wave):
    dashboard.body = [
        ("text", "<p>Worum es geht: erfundene Zahlen.</p>"),
        (
            "you_said_we_did",
            {
                "heading": "",
                "you_said": "Viele wünschen sich mehr Orte draußen.",
                "wave": wave,
                "question": "se1",
                "answers": "1, 2",
                "we_did": "Zwei Bänke am Wilhelmsplatz.",
                "page": None,
                "link_text": "",
            },
        ),
        *[(block.block_type, block.value) for block in dashboard.body],
    ]
    dashboard.save_revision().publish()
    return dashboard


def test_the_title_and_intro_of_a_german_dashboard_are_marked_german_on_an_arabic_page(
    client, dashboard
):
    page = client.get(ARABIC).content.decode()

    assert '<h1 lang="de" dir="ltr">Quartier-Check</h1>' in page
    assert '<p class="lead" lang="de" dir="ltr">Vorführdaten' in page


def test_a_chart_heading_typed_by_staff_is_marked_german_on_an_arabic_page(client, dashboard):
    page = client.get(ARABIC).content.decode()

    assert 'class="chart__title" lang="de" dir="ltr">Was die Befragten sagen</h2>' in page


def test_a_chart_titled_by_its_question_takes_the_direction_of_its_wording(client, dashboard):
    page = client.get(ARABIC).content.decode()

    assert 'class="chart__title" dir="auto">Frage quartier (ar)</h2>' in page


def test_staff_text_and_the_wave_of_a_figure_are_marked_german_on_an_arabic_page(client, story):
    page = client.get(ARABIC).content.decode()

    assert f'id="block-{story.body[0].id}" lang="de" dir="ltr">' in page
    said = "Viele wünschen sich mehr Orte draußen."
    assert f'<span class="you-said__text" lang="de" dir="ltr">{said}</span>' in page
    source = "\u2066Quartier-Check\u2069 \u2066Herbst 2026\u2069"
    assert f'<bdi lang="de" dir="ltr">{source}</bdi>' in page


def test_the_waves_offered_by_the_filter_are_marked_german_on_an_arabic_page(
    client, dashboard, wave
):
    page = client.get(ARABIC).content.decode()

    assert f'<option value="{wave.slug}" lang="de" dir="ltr">' in page


def test_a_german_dashboard_marks_no_text_as_another_language(client, story):
    page = client.get(GERMAN).content.decode()

    assert "<h1>Quartier-Check</h1>" in page
    assert 'lang="de"' not in page.split("<main", 1)[1]


def test_a_wave_name_keeps_its_order_inside_an_arabic_sentence(client, dashboard):
    page = client.get(ARABIC).content.decode()

    assert "\u2066Herbst 2026\u2069" in page


def test_a_german_page_puts_no_direction_marks_around_wave_names(client, dashboard):
    page = client.get(GERMAN).content.decode()

    assert "\u2066" not in page


def test_a_chart_download_holds_no_direction_marks():
    from analytics.charts.model import Table
    from analytics.downloads import table_csv

    table = Table(
        caption="\u2066Herbst 2026\u2069",
        headings=["الموجة", "الأشخاص"],
        rows=[["\u2066Herbst 2026\u2069", "12"]],
    )

    assert "Herbst 2026,12" in table_csv(table).decode("utf-8-sig")


def test_a_figure_quotes_the_arabic_answers_with_arabic_quotation_marks(client, story):
    page = client.get(ARABIC).content.decode()

    assert "«Stimme gar nicht zu (ar)» أو «Eher nicht (ar)»" in page


def test_an_arabic_embed_shows_arabic_labels_under_the_german_heading_staff_typed(
    client, dashboard
):
    block = dashboard.body[1]

    page = client.get(f"/ar/embed/{dashboard.pk}/{block.id}/").content.decode()

    assert 'class="chart__title" lang="de" dir="ltr">Was die Befragten sagen</h1>' in page
    assert "Stimme gar nicht zu (ar)" in page


def test_a_scale_worded_anew_in_arabic_shows_its_new_name(wave):
    snapshot = published_snapshot(wave=wave)
    localised_snapshot(snapshot, language="ar", wave=wave)
    scale = Scale.objects.get(questionnaire=wave.questionnaire, key="selbstwirksamkeit")
    scale.translations = {"ar": {"name": "الثقة بالنفس"}}
    scale.save()

    arabic = localised_snapshot(snapshot, language="ar", wave=wave)

    assert arabic.figures.scale("selbstwirksamkeit").text == "الثقة بالنفس"
