"""Staff type in paper questionnaires: same checks as the runner, one sheet once."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import ModelLogEntry

from surveys.models import Answer, PaperBatch, PaperSheet, Response, Wave
from tests.factories import WaveFactory, three_page_wave

pytestmark = pytest.mark.django_db
FILLED_IN = timezone.localdate() - datetime.timedelta(days=3)


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def _batch(staff, wave, **extra):
    data = {
        "wave": wave.pk,
        "name": "Jugendtreff Altenhagen, Ferien",
        "collected_on": FILLED_IN.isoformat(),
        "language": "de",
        **extra,
    }
    return staff.post("/admin/surveys/paper/", data)


def _sheet(staff, batch, number, **answers):
    return staff.post(f"/admin/surveys/paper/{batch.pk}/", {"_sheet": str(number), **answers})


def test_starting_a_batch_opens_the_entry_form_and_is_audit_logged(staff):
    wave = WaveFactory(slug="herbst-2026")

    response = _batch(staff, wave)

    batch = PaperBatch.objects.get()
    assert response["Location"] == f"/admin/surveys/paper/{batch.pk}/"
    entry = ModelLogEntry.objects.get(action="part.paper_batch_created")
    assert entry.data == {"wave": "herbst-2026", "batch": "Jugendtreff Altenhagen, Ferien"}


def test_the_form_shows_every_question_with_option_numbers_and_focuses_the_sheet_number(staff):
    wave = three_page_wave()
    _batch(staff, wave)

    page = staff.get(f"/admin/surveys/paper/{PaperBatch.objects.get().pk}/").content.decode()

    assert 'id="paper-sheet"' in page and page.index("autofocus") > page.index('id="paper-sheet"')
    assert "Nutzt du den Spielplatz?" in page and "Ich fühle mich sicher." in page
    assert "1 = Im Park" in page and 'inputmode="numeric"' in page


def test_a_typed_sheet_is_stored_through_the_submit_service_as_paper_of_its_batch(staff):
    wave = WaveFactory()
    _batch(staff, wave)
    batch = PaperBatch.objects.get()

    response = _sheet(staff, batch, 1, quartier="2", wohlfuehlen="4", mitbestimmen="7")

    stored = Response.objects.get()
    assert response["Location"].endswith("?next=2")
    assert (stored.channel, stored.paper_batch, stored.day) == ("paper", batch, FILLED_IN)
    assert stored.quarter == "wehringhausen"
    assert Answer.objects.get(response=stored, question__key="mitbestimmen").number == 7


def test_a_stored_sheet_queues_the_snapshot_refresh(staff, django_capture_on_commit_callbacks):
    from analytics.models import Snapshot

    wave = WaveFactory()
    _batch(staff, wave)

    with django_capture_on_commit_callbacks(execute=True):
        _sheet(staff, PaperBatch.objects.get(), 1, quartier="1", wohlfuehlen="5")

    assert Snapshot.objects.filter(wave=wave).exists()


def test_a_sheet_typed_twice_is_refused_with_its_values_kept_and_nothing_stored(staff):
    wave = WaveFactory()
    _batch(staff, wave)
    batch = PaperBatch.objects.get()
    _sheet(staff, batch, 7, quartier="1", wohlfuehlen="5")

    again = _sheet(staff, batch, 7, quartier="3", wohlfuehlen="2")

    page = again.content.decode()
    assert again.status_code == 400 and "Bogen 7 dieser Welle wurde schon eingegeben" in page
    assert 'name="quartier" value="3"' in page
    assert Response.objects.count() == 1 and PaperSheet.objects.count() == 1


def test_an_invalid_answer_shows_an_error_summary_and_writes_nothing(staff):
    wave = WaveFactory()
    _batch(staff, wave)

    response = _sheet(staff, PaperBatch.objects.get(), 1, quartier="9", mitbestimmen="12")

    page = response.content.decode()
    assert response.status_code == 400 and "Es wurde nichts gespeichert" in page
    # An empty question is "not answered" on paper, never an error.
    assert 'href="#q-quartier"' in page and 'href="#q-wohlfuehlen"' not in page
    assert 'href="#q-mitbestimmen"' in page and 'name="mitbestimmen" value="12"' in page
    assert Response.objects.count() == 0 and PaperSheet.objects.count() == 0


def test_a_missing_sheet_number_is_refused(staff):
    wave = WaveFactory()
    _batch(staff, wave)

    response = _sheet(staff, PaperBatch.objects.get(), "", quartier="1", wohlfuehlen="5")

    assert response.status_code == 400 and "Nummer ein, die auf dem Bogen steht" in (
        response.content.decode()
    )
    assert Response.objects.count() == 0


def test_several_options_and_prefer_not_to_say_are_typed_as_digits_and_x(staff):
    wave = three_page_wave()
    _batch(staff, wave)
    batch = PaperBatch.objects.get()

    response = _sheet(
        staff,
        batch,
        1,
        quartier="1",
        alter="x",
        gefuehl_1="1",
        gefuehl_2="5",
        gefuehl_3="3",
        treffpunkte="1 2",
    )

    assert response.status_code == 302
    stored = Response.objects.get()
    chosen = set(
        Answer.objects.filter(response=stored, question__key="treffpunkte").values_list(
            "option__value", flat=True
        )
    )
    assert chosen == {"park", "jugendzentrum"}
    assert Answer.objects.get(response=stored, question__key="alter").declined


def test_a_wave_that_requires_codes_takes_paper_sheets_without_one(staff):
    wave = WaveFactory(code_policy=Wave.CodePolicy.REQUIRED)
    _batch(staff, wave)

    _sheet(staff, PaperBatch.objects.get(), 1, quartier="1", wohlfuehlen="5")

    assert Response.objects.filter(channel="paper").count() == 1


def test_a_batch_filled_in_in_the_future_is_refused(staff):
    wave = WaveFactory()

    response = _batch(staff, wave, collected_on="2999-01-01")

    assert response.status_code == 400 and PaperBatch.objects.count() == 0


def test_a_sheet_with_blanks_is_stored_without_inventing_answers(staff):
    wave = three_page_wave()
    Question = wave.questionnaire.questions.model
    Question.objects.filter(questionnaire=wave.questionnaire).update(is_required=True)
    _batch(staff, wave)

    response = _sheet(staff, PaperBatch.objects.get(), 1, quartier="1")

    assert response.status_code == 302
    stored = Response.objects.get()
    assert list(Answer.objects.filter(response=stored).values_list("question__key", flat=True)) == [
        "quartier"
    ]


def test_a_blank_required_question_is_still_refused_online(client):
    from surveys.selectors import questionnaire_structure
    from surveys.validation import RawAnswer, check

    wave = three_page_wave()
    wave.questionnaire.questions.filter(key="alter").update(is_required=True)
    structure = questionnaire_structure(questionnaire=wave.questionnaire)

    checked = check(structure, {"quartier": RawAnswer(values=["altenhagen"])})

    assert "alter" in checked.errors


def test_x_on_a_grid_row_is_stored_as_prefer_not_to_say(staff):
    wave = three_page_wave()
    _batch(staff, wave)

    response = _sheet(staff, PaperBatch.objects.get(), 1, quartier="1", gefuehl_2="x")

    assert response.status_code == 302
    assert Answer.objects.get(question__key="gefuehl_2").declined


def test_x_on_a_question_that_offers_no_decline_online_is_accepted_on_paper(staff):
    wave = three_page_wave()
    _batch(staff, wave)

    _sheet(staff, PaperBatch.objects.get(), 1, quartier="X", treffpunkte="x")

    assert Answer.objects.filter(declined=True).count() == 2


def test_the_entry_page_explains_the_code_for_prefer_not_to_say_and_blanks(staff):
    wave = three_page_wave()
    _batch(staff, wave)

    page = staff.get(f"/admin/surveys/paper/{PaperBatch.objects.get().pk}/").content.decode()

    assert "„x“ für „möchte ich nicht sagen“" in page
    assert "leer" in page and "nur online" in page


def test_a_sheet_number_typed_in_another_batch_of_the_wave_is_refused_and_writes_nothing(staff):
    wave = three_page_wave()
    _batch(staff, wave)
    _batch(staff, wave, name="Schulhof")
    first, second = PaperBatch.objects.order_by("pk")
    _sheet(staff, first, 7, quartier="1")

    response = _sheet(staff, second, 7, quartier="2")

    assert response.status_code == 400
    assert "Bogen 7 dieser Welle wurde schon eingegeben" in response.content.decode()
    assert Response.objects.count() == 1 and PaperSheet.objects.count() == 1
