"""The public read-only API: waves, questionnaires and results, as any client calls it."""

import datetime
import gzip

import pytest
from django.core.management import call_command
from django.utils import timezone

from analytics.services import refresh_snapshot
from surveys.models import Wave
from tests.factories import WaveFactory, submit

# Counting and layout are checked on true counts; perturbation and the publication
# cadence have their own tests (test_publication.py, test_differencing_attack.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("unperturbed", "publish_every_refresh"),
]


def _published(**fields) -> Wave:
    wave = WaveFactory(**fields)
    submit(wave, 8, quarter="altenhagen", feeling="3")
    submit(wave, 9, quarter="altenhagen", feeling="4")
    submit(wave, 2, quarter="wehringhausen", feeling="2")
    refresh_snapshot(wave=wave)
    return wave


def test_the_wave_list_shows_opened_waves_and_whether_results_are_public(client):
    WaveFactory(slug="offen", results_policy=Wave.ResultsPolicy.AFTER_CLOSE)
    WaveFactory(slug="spaeter", opens_at=timezone.now() + datetime.timedelta(days=3))

    response = client.get("/api/v1/waves/")

    assert response.status_code == 200
    assert [(w["slug"], w["results_are_public"]) for w in response.json()] == [("offen", False)]


def test_the_questionnaire_shows_public_texts_and_options_in_the_asked_language(client):
    wave = WaveFactory(slug="check")
    option = wave.questionnaire.questions.get(key="quartier").options.get(value="altenhagen")
    option.translations = {"en": {"label": "Altenhagen (EN)"}}
    option.save()

    response = client.get("/api/v1/waves/check/questionnaire/?language=en")

    question = response.json()["questions"][0]
    assert question["key"] == "quartier"
    assert question["options"][0]["label"] == "Altenhagen (EN)"


def test_the_questionnaire_leaves_out_staff_only_rules_and_notes(client):
    WaveFactory(slug="check")

    question = client.get("/api/v1/waves/check/questionnaire/").json()["questions"][0]

    assert not {"condition_question", "translations", "sort_order"} & set(question)


def test_an_unknown_language_is_a_clear_400(client):
    WaveFactory(slug="check")

    response = client.get("/api/v1/waves/check/questionnaire/?language=xx")

    assert response.status_code == 400 and "language" in response.json()


def test_results_show_the_published_snapshot_with_small_cells_withheld(client):
    _published(slug="check")

    body = client.get("/api/v1/waves/check/results/").json()

    options = {o["value"]: o["count"] for o in body["questions"][1]["options"]}
    assert body["response_count"] == 19
    assert options["4"] == 9 and options["2"] is None


def test_results_never_show_the_raw_count_behind_a_suppressed_total(client):
    wave = WaveFactory(slug="klein")
    submit(wave, 3)
    refresh_snapshot(wave=wave)

    body = client.get("/api/v1/waves/klein/results/").json()

    assert body["response_count"] is None and body["status"] == "too_few"
    assert "last_response_id" not in body


def test_results_hidden_until_closing_are_a_404_with_a_reason(client):
    _published(
        slug="geheim",
        results_policy=Wave.ResultsPolicy.AFTER_CLOSE,
        closes_at=timezone.now() + datetime.timedelta(days=2),
    )

    response = client.get("/api/v1/waves/geheim/results/")

    assert response.status_code == 404
    assert "werden veröffentlicht, wenn sie am" in response.json()["detail"]


def test_a_wave_without_a_snapshot_is_a_404_with_a_clear_message(client):
    WaveFactory(slug="neu")

    response = client.get("/api/v1/waves/neu/results/")

    assert response.status_code == 404
    assert response.json()["detail"] == "Für diese Welle sind noch keine Ergebnisse veröffentlicht."


def test_results_can_be_narrowed_to_named_questions(client):
    _published(slug="check")

    body = client.get("/api/v1/waves/check/results/?question=wohlfuehlen").json()

    assert [question["key"] for question in body["questions"]] == ["wohlfuehlen"]


@pytest.mark.parametrize(
    "query", ["question=gibtsnicht", "question=%25%25", "question=", "sort=1", "language=de"]
)
def test_malformed_query_parameters_are_a_400_not_a_500(client, query):
    _published(slug="check")

    response = client.get(f"/api/v1/waves/check/results/?{query}")

    assert response.status_code == 400 and response.json()


def test_results_carry_an_etag_and_a_repeat_with_it_gets_304(client):
    _published(slug="check")
    first = client.get("/api/v1/waves/check/results/")

    again = client.get("/api/v1/waves/check/results/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert "max-age" in first["Cache-Control"]
    assert again.status_code == 304 and not again.content


def test_a_new_snapshot_version_changes_the_etag(client):
    wave = _published(slug="check")
    first = client.get("/api/v1/waves/check/results/")
    submit(wave, 5)
    refresh_snapshot(wave=wave)

    again = client.get("/api/v1/waves/check/results/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200 and again["ETag"] != first["ETag"]


def test_results_are_compressed_once_for_every_client_that_accepts_gzip(client, monkeypatch):
    import django.middleware.gzip

    from analytics.api import views

    _published(slug="check")
    plain = client.get("/api/v1/waves/check/results/")
    compressions = []
    for module in (views.gzip, django.middleware.gzip):
        name = "compress" if module is views.gzip else "compress_string"
        original = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda *a, _o=original, **k: compressions.append(1) or _o(*a, **k)
        )

    answers = [
        client.get("/api/v1/waves/check/results/", HTTP_ACCEPT_ENCODING="gzip, br")
        for _ in range(3)
    ]

    # Three answers, one compression: the cached answer is sent as it was compressed.
    assert len(compressions) == 1
    assert all(answer["Content-Encoding"] == "gzip" for answer in answers)
    assert gzip.decompress(answers[2].content) == plain.content


def test_a_compressed_answer_repeated_with_its_etag_gets_304(client):
    _published(slug="check")
    first = client.get("/api/v1/waves/check/results/", HTTP_ACCEPT_ENCODING="gzip")

    again = client.get(
        "/api/v1/waves/check/results/",
        HTTP_ACCEPT_ENCODING="gzip",
        HTTP_IF_NONE_MATCH=first["ETag"],
    )

    assert first["Content-Encoding"] == "gzip" and "Accept-Encoding" in first["Vary"]
    assert again.status_code == 304


def test_any_site_may_read_the_public_api_from_a_browser(client):
    _published(slug="check")

    response = client.get("/api/v1/waves/check/results/", HTTP_ORIGIN="https://example.org")

    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_public_api_takes_no_writes(client):
    _published(slug="check")

    response = client.post("/api/v1/waves/check/results/", {}, content_type="application/json")

    assert response.status_code == 405


def test_the_schema_documents_every_public_endpoint(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    paths = set(response.json()["paths"])
    assert {
        "/api/v1/waves/",
        "/api/v1/waves/{slug}/questionnaire/",
        "/api/v1/waves/{slug}/results/",
        "/api/v1/responses/",
    } <= paths


def test_the_docs_page_loads_swagger_ui_from_our_own_static_files(client):
    response = client.get("/api/v1/docs/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_the_schema_builds_and_validates_without_a_warning(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))

    assert "/api/v1/waves/{slug}/results/" in (tmp_path / "s.yml").read_text()
