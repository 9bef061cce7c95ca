import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from cms.models import MentorSignUpFormField, MentorSignUpPage
from tests.factories import build_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentor_page():
    home, _ = build_site()
    page = MentorSignUpPage(
        title="Mentor*in werden",
        slug="mentoring",
        consent_text="Ich bin einverstanden, dass meine Angaben 180 Tage gespeichert werden.",
        retention_days=180,
        to_address="projektleitung@example.invalid",
        from_address="noreply@example.invalid",
        subject="Neuer Eintrag",
    )
    page.form_fields.add(
        MentorSignUpFormField(label="Vorname", field_type="singleline", required=True)
    )
    page.form_fields.add(
        MentorSignUpFormField(label="Telefon oder E-Mail", field_type="singleline", required=True)
    )
    home.add_child(instance=page)
    return page


def _entry(page, *, days_old):
    submission = FormSubmission.objects.create(
        page=page, form_data={"vorname": "Alex", "telefon_oder_e_mail": "0151 000"}
    )
    FormSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=days_old)
    )
    return submission


def test_a_sign_up_without_consent_is_explained_and_stores_nothing(client, mentor_page):
    response = client.post("/mentoring/", {"vorname": "Alex", "telefon_oder_e_mail": "0151 000"})

    assert "Bitte kreuz das Kästchen an" in response.content.decode()
    assert FormSubmission.objects.count() == 0


def test_a_sign_up_with_consent_is_stored(client, mentor_page):
    client.post(
        "/mentoring/", {"vorname": "Alex", "telefon_oder_e_mail": "0151 000", "consent": "on"}
    )

    assert FormSubmission.objects.get().get_data()["vorname"] == "Alex"


def test_staff_are_told_of_a_sign_up_without_its_personal_data_in_the_mail(client, mentor_page):
    client.post(
        "/mentoring/", {"vorname": "Alex", "telefon_oder_e_mail": "0151 000", "consent": "on"}
    )

    assert mail.outbox[0].to == ["projektleitung@example.invalid"]
    assert "Alex" not in mail.outbox[0].body and "0151" not in mail.outbox[0].body


def test_the_form_states_when_entries_are_deleted(client, mentor_page):
    page = client.get("/mentoring/").content.decode()

    assert "spätestens nach 180 Tagen" in page


def test_purge_expired_deletes_entries_past_their_retention_period(mentor_page):
    _entry(mentor_page, days_old=181)
    kept = _entry(mentor_page, days_old=10)

    call_command("purge_expired", verbosity=0)

    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_dry_run_counts_expired_entries_and_deletes_nothing(mentor_page, capsys):
    _entry(mentor_page, days_old=200)

    call_command("purge_expired", "--dry-run")

    assert "cms: form entries: would delete 1" in capsys.readouterr().out
    assert FormSubmission.objects.count() == 1


def test_purge_expired_logs_how_many_entries_it_deleted(mentor_page, caplog):
    _entry(mentor_page, days_old=365)

    with caplog.at_level("INFO", logger="part.retention"):
        call_command("purge_expired", verbosity=0)

    assert "deleted 1 expired entries of cms: form entries" in caplog.text


def test_celery_beat_runs_purge_expired_every_day(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["purge-expired"]

    assert schedule["task"] == "cms.tasks.purge_expired"
    assert schedule["schedule"].hour == {3}
