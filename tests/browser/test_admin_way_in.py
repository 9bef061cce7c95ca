"""A social worker finds her way in the admin: what waits, and a wave's questionnaire version."""

import pytest
from django.contrib.auth.models import Group, Permission

from surveys.models import Question, Wave
from surveys.services.questionnaires import create_new_version
from tests.browser.conftest import screenshot
from tests.factories import ResponseFactory, WaveFactory, add_question, answer, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def social_worker(django_user_model):
    user = django_user_model.objects.create_user(
        username="sozialarbeit", password="geheim-genug-123", first_name="Sam"
    )
    group = Group.objects.create(name="Team Quartier")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_answer",
                "moderate_quotes",
                "view_field_monitor",
                "view_wave",
                "change_wave",
                "view_questionnaire",
                "change_questionnaire",
            ]
        )
    )
    user.groups.add(group)
    return user


@pytest.fixture
def staff_page(phone_page, live_server, social_worker):
    phone_page.set_viewport_size(DESKTOP)
    phone_page.goto(f"{live_server.url}/admin/login/")
    phone_page.locator("#id_username").fill("sozialarbeit")
    phone_page.locator("#id_password").fill("geheim-genug-123")
    phone_page.locator("form button[type=submit]").click()
    phone_page.wait_for_url(f"{live_server.url}/admin/")
    return phone_page


def test_a_social_worker_goes_from_the_admin_home_to_the_waiting_free_texts(
    live_server, social_worker, phone_page
):
    wave = WaveFactory(title="Quartier-Check")
    submit(wave, 3)
    wish = add_question(wave.questionnaire, "wunsch", Question.Kind.LONG_TEXT, "Was fehlt dir?")
    answer(ResponseFactory(wave=wave), wish, "Ein Bolzplatz wäre cool")
    answer(ResponseFactory(wave=wave), wish, "Mehr Licht im Park")
    phone_page.set_viewport_size(DESKTOP)
    phone_page.goto(f"{live_server.url}/admin/login/")
    phone_page.locator("#id_username").fill("sozialarbeit")
    phone_page.locator("#id_password").fill("geheim-genug-123")
    phone_page.locator("form button[type=submit]").click()

    phone_page.get_by_text("2 Freitext-Antworten warten auf eine Entscheidung.").wait_for()
    phone_page.get_by_role("cell", name="Quartier-Check (Herbst 2026) · offen seit").wait_for()
    screenshot(phone_page, "staff-admin-home")
    phone_page.get_by_role("link", name="Freitexte prüfen").last.click()

    phone_page.get_by_role("heading", name="2 Antworten warten auf eine Entscheidung").wait_for()


def test_a_social_worker_switches_a_wave_to_a_new_version_with_visible_buttons(
    live_server, staff_page
):
    wave = WaveFactory(title="Quartier-Check")
    submit(wave)
    new = create_new_version(questionnaire=wave.questionnaire)
    staff_page.goto(f"{live_server.url}/admin/snippets/surveys/wave/")

    staff_page.get_by_role("link", name="Version wechseln").click()
    staff_page.get_by_label("Version 2 vom").check()
    screenshot(staff_page, "staff-switch-version")
    staff_page.get_by_role("button", name="Welle auf diese Version umstellen").click()

    staff_page.get_by_text("stellt ab jetzt die Fragen von Version 2").wait_for()
    assert Wave.objects.get(pk=wave.pk).questionnaire == new
