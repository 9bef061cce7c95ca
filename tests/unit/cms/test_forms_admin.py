"""Staff find each form once in "Formulare", with the entries sent in every language."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from cms.models import MentorSignUpPage

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-forms-admin")]


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("sozialarbeit", "", "geheim")
    client.force_login(user)
    return client


def _mentor_form(language: str) -> MentorSignUpPage:
    return MentorSignUpPage.objects.get(locale=Locale.objects.get(language_code=language))


def test_the_forms_list_shows_each_demo_form_once(demo_site, staff):
    page = staff.get("/admin/forms/").content.decode()

    assert page.count("/admin/forms/submissions/") == 2


def test_entries_sent_in_another_language_are_read_with_the_form(demo_site, staff):
    FormSubmission.objects.create(
        page=_mentor_form("ar"), form_data={"vorname": "Samira", "telefon_oder_e_mail": "x"}
    )
    german = _mentor_form("de")

    page = staff.get(reverse("wagtailforms:list_submissions", args=[german.pk])).content.decode()

    assert "Samira" in page


def test_the_entries_address_of_a_language_copy_leads_to_the_form(demo_site, staff):
    arabic, german = _mentor_form("ar"), _mentor_form("de")

    response = staff.get(reverse("wagtailforms:list_submissions", args=[arabic.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailforms:list_submissions", args=[german.pk])


def test_the_notice_of_an_entry_in_another_language_links_to_the_form(demo_site, client):
    arabic, german = _mentor_form("ar"), _mentor_form("de")
    fields = {"vorname": "Samira", "telefon_oder_e_mail": "x", "wann_hast_du_zeit": "Mo"}

    client.post(arabic.url, {**fields, "consent": "on"})

    assert reverse("wagtailforms:list_submissions", args=[german.pk]) in mail.outbox[0].body


def test_the_admin_menu_works_before_the_first_language_is_set_up(staff):
    Locale.objects.filter(language_code="de").update(language_code="xx")

    assert staff.get("/admin/").status_code == 200
