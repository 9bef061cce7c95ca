"""Staff order code cards (made by a task, downloaded once) and QR posters; PDFs render."""

import datetime
import re
import shutil
import subprocess
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import ModelLogEntry

from surveys import codes
from surveys.models import AccessCode, CodeBatch, Wave
from tests.conftest import need
from tests.factories import WaveFactory, answers_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sheet_folder(settings, tmp_path):
    settings.PART_CODE_SHEET_ROOT = tmp_path / "code-sheets"


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def _order_cards(staff, wave, callbacks, count=12, language="tr", **extra):
    data = {"wave": wave.pk, "venue": "Jugendtreff Altenhagen", "count": count}
    with callbacks(execute=True):
        return staff.post("/admin/surveys/codes/", {**data, "language": language, **extra})


def _download(staff, batch):
    return staff.post(f"/admin/surveys/codes/{batch.pk}/download/")


def _pdf_of(response) -> bytes:
    return b"".join(response.streaming_content)


def _render(pdf: bytes, tmp_path, name: str, resolution: int = 60) -> list:
    """Render every page of `pdf` to PNG with poppler and return the files."""
    need(
        shutil.which("pdftoppm") is not None, "this test needs pdftoppm (apt install poppler-utils)"
    )
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", str(source), str(tmp_path / name)], check=True
    )
    return sorted(tmp_path.glob(f"{name}-*.png"))


def test_ordering_cards_makes_a_batch_of_hashed_codes_for_the_venue(
    staff, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    response = _order_cards(staff, wave, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    batch = CodeBatch.objects.get()
    assert batch.status == CodeBatch.Status.READY
    assert AccessCode.objects.filter(wave=wave, venue="Jugendtreff Altenhagen").count() == 12


def test_the_sheet_is_downloaded_once_then_its_file_is_gone(
    staff, settings, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    _order_cards(staff, wave, django_capture_on_commit_callbacks)
    batch = CodeBatch.objects.get()

    first = _download(staff, batch)
    second = _download(staff, batch)

    assert first["Content-Type"] == "application/pdf" and _pdf_of(first).startswith(b"%PDF")
    assert second.status_code == 302
    assert not any(settings.PART_CODE_SHEET_ROOT.iterdir())


def test_a_second_download_says_the_sheet_is_handed_out_only_once(
    staff, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    _order_cards(staff, wave, django_capture_on_commit_callbacks)
    batch = CodeBatch.objects.get()
    _pdf_of(_download(staff, batch))

    page = staff.post(f"/admin/surveys/codes/{batch.pk}/download/", follow=True)

    assert "nur einmal ausgegeben" in page.content.decode()


def test_the_download_is_written_to_the_audit_log(staff, django_capture_on_commit_callbacks):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED, slug="herbst-2026")
    _order_cards(staff, wave, django_capture_on_commit_callbacks)
    _pdf_of(_download(staff, CodeBatch.objects.get()))

    page = staff.get("/admin/data/audit/").content.decode()

    assert ModelLogEntry.objects.filter(action="part.codes_downloaded").count() == 1
    assert "Bogen mit 12 Code-Karten für die Welle herbst-2026" in page


def test_the_card_sheet_is_never_cached(staff, django_capture_on_commit_callbacks):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    _order_cards(staff, wave, django_capture_on_commit_callbacks)

    response = _download(staff, CodeBatch.objects.get())

    assert "no-store" in response["Cache-Control"]


def test_every_code_on_the_sheet_is_one_stored_fingerprint(
    staff, tmp_path, django_capture_on_commit_callbacks
):
    need(shutil.which("pdftotext") is not None, "this test needs pdftotext (poppler-utils)")
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    _order_cards(staff, wave, django_capture_on_commit_callbacks, count=3)
    source = tmp_path / "sheet.pdf"
    source.write_bytes(_pdf_of(_download(staff, CodeBatch.objects.get())))

    text = subprocess.run(
        ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout

    printed = {word for word in text.split() if len(word) == 14 and word.count("-") == 2}
    assert {codes.digest(codes.normalise(code)) for code in printed} == set(
        AccessCode.objects.values_list("digest", flat=True)
    )


def test_a_failed_batch_says_so_and_leaves_no_code_behind(
    staff, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    with mock.patch("surveys.printouts._draw_qr", side_effect=OSError("disk full")):
        _order_cards(staff, wave, django_capture_on_commit_callbacks)

    page = staff.get("/admin/surveys/codes/").content.decode()

    assert CodeBatch.objects.get().status == CodeBatch.Status.FAILED
    assert AccessCode.objects.count() == 0
    assert "keine Codes erzeugt" in page


def test_the_page_shows_progress_and_refreshes_itself_while_cards_are_made(staff):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    CodeBatch.objects.create(
        wave=wave, venue="Schule", count=200, language="en", site_url="http://t", cards_done=50
    )

    page = staff.get("/admin/surveys/codes/").content.decode()
    progress = staff.get("/admin/surveys/codes/progress/").json()

    assert 'value="25"' in page and 'http-equiv="refresh"' in page
    assert progress["batches"][0] | {"id": 0} == {
        "id": 0,
        "status": "queued",
        "done": 50,
        "total": 200,
    }


def test_a_run_of_the_task_twice_makes_one_set_of_codes(staff, django_capture_on_commit_callbacks):
    from surveys.tasks import build_code_batch

    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    _order_cards(staff, wave, django_capture_on_commit_callbacks, count=5)

    build_code_batch(CodeBatch.objects.get().pk)

    assert AccessCode.objects.count() == 5


def test_a_sheet_of_twelve_cards_renders_as_two_a4_pages(
    staff, tmp_path, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    _order_cards(staff, wave, django_capture_on_commit_callbacks)

    pages = _render(_pdf_of(_download(staff, CodeBatch.objects.get())), tmp_path, "sheet")

    assert len(pages) == 2
    assert all(page.stat().st_size > 10_000 for page in pages)


def test_a_card_sheet_with_arabic_renders_with_joined_right_to_left_letters(
    staff, tmp_path, settings, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED, title="Quartier-Check Herbst")
    _order_cards(staff, wave, django_capture_on_commit_callbacks, count=4, language="ar")
    pdf = _pdf_of(_download(staff, CodeBatch.objects.get()))
    need(shutil.which("pdftotext") is not None, "this test needs pdftotext (poppler-utils)")
    source = tmp_path / "arabic.pdf"
    source.write_bytes(pdf)

    pages = _render(pdf, tmp_path, "arabic-sheet", resolution=110)
    text = subprocess.run(
        ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout

    assert len(pages) == 1
    # Joined forms (Arabic Presentation Forms-B), not the bare letters reportlab would draw.
    assert any("\ufe70" <= character <= "\ufeff" for character in text)
    keep = getattr(settings, "PART_KEEP_RENDERED", None)
    if keep:
        shutil.copy(pages[0], keep / "card-sheet-arabic.png")


def test_the_card_form_offers_a_wave_open_to_anyone_and_leaves_out_a_closed_one(staff):
    open_to_anyone = WaveFactory(label="Herbst 2026", code_policy=Wave.CodePolicy.OPEN)
    closed = WaveFactory(
        label="Frühjahr 2026",
        code_policy=Wave.CodePolicy.REQUIRED,
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )

    page = staff.get("/admin/surveys/codes/").content.decode()

    assert f'<option value="{open_to_anyone.pk}">' in page
    assert f'<option value="{closed.pk}">' not in page


def test_ordering_cards_for_a_wave_open_to_anyone_makes_it_accept_codes(
    staff, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.OPEN)

    response = _order_cards(staff, wave, django_capture_on_commit_callbacks)

    wave.refresh_from_db()
    assert response.status_code == 302
    assert wave.code_policy == Wave.CodePolicy.OPTIONAL
    assert AccessCode.objects.filter(wave=wave).count() == 12


def test_a_code_from_cards_of_a_wave_once_open_to_anyone_is_spent(
    staff, django_capture_on_commit_callbacks
):
    need(shutil.which("pdftotext") is not None, "this test needs pdftotext (poppler-utils)")
    wave = WaveFactory(code_policy=Wave.CodePolicy.OPEN)
    _order_cards(staff, wave, django_capture_on_commit_callbacks, count=1)
    text = subprocess.run(
        ["pdftotext", "-", "-"],
        input=_pdf_of(_download(staff, CodeBatch.objects.get())),
        check=True,
        capture_output=True,
    ).stdout.decode()
    code = next(word for word in text.split() if len(word) == 14 and word.count("-") == 2)
    staff.logout()

    page = staff.get(f"/s/{wave.slug}/?code={code}").content.decode()
    data = answers_for(wave)
    data["state"] = re.search(r'name="state" value="([^"]+)"', page).group(1)
    staff.post(f"/s/{wave.slug}/", data)

    assert AccessCode.objects.get().is_spent


def test_cards_cannot_be_ordered_for_a_closed_wave(staff, django_capture_on_commit_callbacks):
    wave = WaveFactory(
        code_policy=Wave.CodePolicy.REQUIRED,
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )

    response = _order_cards(staff, wave, django_capture_on_commit_callbacks)

    assert response.status_code == 400 and AccessCode.objects.count() == 0
    assert "gültige Auswahl" in response.content.decode()


def test_ordering_cards_for_a_wave_open_to_anyone_is_in_the_audit_log(
    staff, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.OPEN)

    _order_cards(staff, wave, django_capture_on_commit_callbacks)

    assert ModelLogEntry.objects.filter(action="part.wave_accepts_codes").count() == 1


def test_too_many_cards_at_once_are_refused_with_a_message(
    staff, django_capture_on_commit_callbacks
):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    response = _order_cards(staff, wave, django_capture_on_commit_callbacks, count=5001)

    assert AccessCode.objects.count() == 0 and CodeBatch.objects.count() == 0
    assert "kleiner oder gleich 5000" in response.content.decode()


def test_a_validity_day_in_the_past_is_refused(staff, django_capture_on_commit_callbacks):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    response = _order_cards(
        staff, wave, django_capture_on_commit_callbacks, expires_on="2020-01-31"
    )

    assert CodeBatch.objects.count() == 0
    assert "Dieser Tag ist vorbei" in response.content.decode()


def test_staff_without_the_right_to_make_codes_are_refused(
    client, django_user_model, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="ehrenamt", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)

    _order_cards(client, wave, django_capture_on_commit_callbacks)

    assert AccessCode.objects.count() == 0 and CodeBatch.objects.count() == 0


def test_an_a3_poster_renders_as_one_page(staff, tmp_path, settings):
    wave = WaveFactory()
    data = {"wave": wave.pk, "venue": "Bahnhof Wehringhausen", "size": "A3", "language": "ar"}

    pages = _render(staff.post("/admin/surveys/posters/", data).content, tmp_path, "poster")

    assert len(pages) == 1
    keep = getattr(settings, "PART_KEEP_RENDERED", None)
    if keep:
        shutil.copy(pages[0], keep / "poster-a3-arabic.png")


@pytest.mark.parametrize("address", ["/admin/surveys/codes/", "/admin/surveys/posters/"])
def test_the_printout_forms_carry_the_csrf_token_a_browser_must_send(staff, address):
    assert "csrfmiddlewaretoken" in staff.get(address).content.decode()


def test_a_sheet_nobody_downloads_is_purged_with_its_codes(
    staff, settings, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    from cms.services.retention import purge_expired

    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    _order_cards(staff, wave, django_capture_on_commit_callbacks, count=3)
    _order_cards(staff, wave, django_capture_on_commit_callbacks, count=2)
    old, recent = CodeBatch.objects.order_by("pk")
    CodeBatch.objects.filter(pk=old.pk).update(
        requested_at=timezone.now() - datetime.timedelta(days=15)
    )

    with django_capture_on_commit_callbacks(execute=True):
        counts = purge_expired()

    assert counts["surveys: unclaimed code sheets"] == 1
    assert list(CodeBatch.objects.all()) == [recent]
    assert AccessCode.objects.count() == 2
    assert [path.name for path in settings.PART_CODE_SHEET_ROOT.iterdir()] == [recent.file_name]


def _print_paper(staff, wave, **extra):
    data = {"wave": wave.pk, "first_sheet": 41, "count": 2, "language": "de", **extra}
    return staff.post("/admin/surveys/paper/print/", data)


def test_the_paper_questionnaire_prints_a_sheet_number_on_every_page(staff, tmp_path):
    from tests.factories import three_page_wave

    need(shutil.which("pdftotext") is not None, "this test needs pdftotext (poppler-utils)")
    response = _print_paper(staff, three_page_wave())
    source = tmp_path / "paper.pdf"
    source.write_bytes(response.content)

    text = subprocess.run(
        ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]

    assert response["Content-Type"] == "application/pdf"
    assert [("Bogen-Nr. 41" in page, "Bogen-Nr. 42" in page) for page in pages].count(
        (True, False)
    ) == len(pages) // 2
    assert all("Bogen-Nr. 4" in page and "Seite" in page for page in pages)


def test_the_paper_questionnaire_numbers_questions_and_answers_as_the_entry_form(staff, tmp_path):
    from tests.factories import three_page_wave

    need(shutil.which("pdftotext") is not None, "this test needs pdftotext (poppler-utils)")
    source = tmp_path / "paper.pdf"
    source.write_bytes(_print_paper(staff, three_page_wave(), count=1).content)

    text = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout

    assert "3.2 Ich fühle mich sicher." in text
    assert "Im Jugendzentrum" in text and "möchte ich nicht sagen" in text


def test_the_paper_questionnaire_renders_to_readable_pages(staff, tmp_path, settings):
    from tests.factories import three_page_wave

    pages = _render(
        _print_paper(staff, three_page_wave(), count=1, language="ar").content,
        tmp_path,
        "paper",
        resolution=80,
    )

    assert len(pages) >= 1
    assert all(page.stat().st_size > 10_000 for page in pages)
    keep = getattr(settings, "PART_KEEP_RENDERED", None)
    if keep:
        for page in pages:
            shutil.copy(page, keep / f"paper-questionnaire-{page.name}")


def test_more_paper_sheets_than_allowed_at_once_are_refused_with_a_message(staff):
    from tests.factories import three_page_wave

    response = _print_paper(staff, three_page_wave(), count=10_000)

    assert response.status_code == 400
    assert "count" in response.context["form"].errors


def test_the_paper_entry_page_links_to_the_printable_questionnaire_of_its_wave(staff):
    from surveys.models import PaperBatch

    wave = WaveFactory()
    batch = PaperBatch.objects.create(wave=wave, name="Ferien", collected_on="2026-07-01")

    page = staff.get(f"/admin/surveys/paper/{batch.pk}/").content.decode()

    assert f"/admin/surveys/paper/print/?wave={wave.pk}" in page
