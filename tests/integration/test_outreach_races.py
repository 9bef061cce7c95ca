"""Paper sheets and code sheets under concurrency on real PostgreSQL, and a real worker."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from surveys.models import AccessCode, CodeBatch, PaperBatch, PaperSheet, Response
from surveys.selectors import questionnaire_structure
from surveys.services.code_batches import (
    BatchNotReady,
    build_code_batch,
    hand_out_code_sheet,
    request_code_batch,
)
from surveys.services.paper import SheetAlreadyEntered, enter_paper_sheet
from surveys.validation import RawAnswer, check
from tests.conftest import need
from tests.factories import WaveFactory
from tests.integration.test_worker import _wait_for, start  # noqa: F401 - a fixture

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _postgres(settings):
    need(
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        "this test needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/part",
    )


def _race(count, action):
    start_line = threading.Barrier(count)
    results, failed = [], []

    def run():
        try:
            start_line.wait()
            results.append(action())
        except Exception as problem:  # noqa: BLE001 - sorted out by the caller
            failed.append(problem)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, failed


def test_one_sheet_typed_on_ten_computers_at_once_is_stored_once(settings):
    _postgres(settings)
    wave = WaveFactory()
    batch = PaperBatch.objects.create(wave=wave, name="Schule", collected_on="2026-11-20")
    structure = questionnaire_structure(questionnaire=wave.questionnaire)
    raw = {"quartier": RawAnswer(values=["altenhagen"]), "wohlfuehlen": RawAnswer(values=["4"])}

    def enter():
        checked = check(structure, raw)
        return enter_paper_sheet(
            batch=batch, sheet_number=12, answers=checked.answers, segments=checked.segments
        )

    results, failed = _race(10, enter)

    assert len(results) == 1 and Response.objects.count() == 1
    assert [type(problem) for problem in failed] == [SheetAlreadyEntered] * 9
    assert PaperSheet.objects.count() == 1


def test_a_code_sheet_clicked_five_times_at_once_is_handed_out_once(settings, tmp_path):
    _postgres(settings)
    settings.PART_CODE_SHEET_ROOT = tmp_path
    settings.CELERY_TASK_ALWAYS_EAGER = False
    wave = WaveFactory(code_policy="required")
    user = get_user_model().objects.create_superuser("leitung", "", "pw")
    batch = CodeBatch.objects.create(
        wave=wave, venue="Schule", count=20, language="en", site_url="http://t", requested_by=user
    )
    build_code_batch(batch=batch)
    batch.refresh_from_db()

    results, failed = _race(5, lambda: hand_out_code_sheet(batch=batch, user=user).read())

    assert len(results) == 1 and results[0].startswith(b"%PDF")
    assert [type(problem) for problem in failed] == [BatchNotReady] * 4
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def sheet_folder(monkeypatch, tmp_path):
    """Point the worker (started after this fixture) and this process at one folder."""
    monkeypatch.setenv("PART_CODE_SHEET_ROOT", str(tmp_path))
    return tmp_path


def test_a_real_worker_makes_the_cards_and_reports_progress_on_the_way(
    sheet_folder,
    start,  # noqa: F811 - the fixture imported above
):
    start("worker")
    wave = WaveFactory(code_policy="required")
    user = get_user_model().objects.create_superuser("leitung", "", "pw")
    batch = request_code_batch(
        wave=wave, venue="Jugendtreff", count=400, language="ar", site_url="http://t", user=user
    )
    seen = set()

    def ready():
        row = CodeBatch.objects.get(pk=batch.pk)
        seen.add(row.cards_done)
        return row.status == CodeBatch.Status.READY

    assert _wait_for(ready, 180)
    assert any(0 < done < 400 for done in seen)
    assert AccessCode.objects.filter(batch=batch).count() == 400
    assert len(list(sheet_folder.glob("*.pdf"))) == 1
