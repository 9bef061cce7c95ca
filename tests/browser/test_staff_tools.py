"""A social worker moderates, exports and watches a wave in the admin, in Chromium."""

import pyreadstat
import pytest
from django.contrib.auth.models import Group, Permission

from analytics.models import Quote, SafeguardingRule
from surveys.models import Question
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
                "export_responses",
                "view_answer",
                "moderate_quotes",
                "mark_safeguarding_concerns",
                "view_field_monitor",
                "add_safeguardingrule",
                "change_safeguardingrule",
                "view_safeguardingrule",
            ]
        )
    )
    user.groups.add(group)
    return user


@pytest.fixture
def staff_page(phone_page, live_server, social_worker, settings, tmp_path):
    settings.PART_EXPORT_ROOT = tmp_path
    phone_page.set_viewport_size(DESKTOP)
    phone_page.goto(f"{live_server.url}/admin/login/")
    phone_page.locator("#id_username").fill("sozialarbeit")
    phone_page.locator("#id_password").fill("geheim-genug-123")
    phone_page.locator("form button[type=submit]").click()
    phone_page.wait_for_url(f"{live_server.url}/admin/")
    return phone_page


@pytest.fixture
def wave_with_free_text():
    wave = WaveFactory(title="Quartier-Check")
    submit(wave, 6, quarter="wehringhausen")
    wish = add_question(
        wave.questionnaire, "wunsch", Question.Kind.LONG_TEXT, "Was fehlt dir?", is_required=False
    )
    answer(ResponseFactory(wave=wave), wish, "Ich bin Lena aus der Pelmkestraße, mehr Licht bitte")
    answer(ResponseFactory(wave=wave), wish, "Ein Bolzplatz wäre cool")
    return wave


def test_a_social_worker_publishes_a_redacted_quote_from_the_queue(
    live_server, staff_page, wave_with_free_text
):
    staff_page.goto(f"{live_server.url}/admin/data/moderation/")
    screenshot(staff_page, "staff-moderation-queue")
    card = staff_page.locator("article").filter(has_text="Pelmkestraße").first
    assert card.get_by_label("Text zum Veröffentlichen").input_value() == (
        "Ich bin [Name] aus der [Ort], mehr Licht bitte"
    )

    card.get_by_role("button", name="Diesen Text veröffentlichen").click()

    staff_page.get_by_text("Das Zitat ist freigegeben").wait_for()
    screenshot(staff_page, "staff-moderation-approved")
    assert Quote.objects.get().text == "Ich bin [Name] aus der [Ort], mehr Licht bitte"


def test_a_social_worker_builds_an_export_and_finds_the_download(
    live_server, staff_page, wave_with_free_text
):
    staff_page.goto(f"{live_server.url}/admin/data/exports/")
    # Each wave is offered with its status and how many answered.
    choice = staff_page.get_by_label("Welche Welle?")
    offered = choice.locator("option", has_text="Quartier-Check (Herbst 2026)").inner_text()
    assert "offen seit" in offered and offered.endswith("8 Antworten")
    choice.select_option(label=offered)
    staff_page.get_by_label("SPSS-Datei (.sav)").check()
    screenshot(staff_page, "staff-export-form")

    staff_page.get_by_role("button", name="Datei erstellen").click()

    staff_page.get_by_role("link", name="Herunterladen").first.wait_for()
    screenshot(staff_page, "staff-export-ready")
    with staff_page.expect_download() as download:
        staff_page.get_by_role("link", name="Herunterladen").first.click()

    frame, _meta = pyreadstat.read_sav(download.value.path())
    assert len(frame) == 8


def test_a_social_worker_sees_the_running_wave_in_the_field_monitor(
    live_server, staff_page, wave_with_free_text
):
    from surveys.services import count_page_sent, count_survey_finished

    for _ in range(9):
        count_page_sent(wave=wave_with_free_text, page=1)
    for _ in range(6):
        count_survey_finished(wave=wave_with_free_text)
    staff_page.goto(f"{live_server.url}/admin/data/monitor/")

    staff_page.get_by_role("heading", name="Quartier-Check (Herbst 2026): 8 Antworten").wait_for()
    staff_page.get_by_text("67 % sind bis zum Ende gekommen").wait_for()
    screenshot(staff_page, "staff-field-monitor")
    staff_page.set_viewport_size({"width": 390, "height": 844})
    screenshot(staff_page, "staff-field-monitor-phone")


def test_a_social_worker_adds_a_safeguarding_rule_for_a_low_score(
    live_server, staff_page, wave_with_free_text
):
    staff_page.goto(f"{live_server.url}/admin/snippets/analytics/safeguardingrule/add/")
    staff_page.get_by_role("combobox", name="Frage").select_option(
        label="Wie geht's dir im Quartier? (v1) – Wie sehr kannst du mitbestimmen?"
    )
    staff_page.get_by_label("Eine Zahl oder Punktzahl bis höchstens zum Schwellenwert").check()
    staff_page.get_by_role("spinbutton", name="Schwellenwert").fill("2")
    screenshot(staff_page, "staff-safeguarding-rule")

    staff_page.get_by_role("button", name="Speichern").click()

    staff_page.wait_for_url(f"{live_server.url}/admin/snippets/analytics/safeguardingrule/")
    assert SafeguardingRule.objects.get().threshold == 2


def test_publishing_text_that_still_names_someone_is_stopped_with_a_clear_message(
    live_server, staff_page, wave_with_free_text
):
    staff_page.goto(f"{live_server.url}/admin/data/moderation/")
    card = staff_page.locator("article").filter(has_text="Pelmkestraße").first
    card.get_by_label("Text zum Veröffentlichen").fill("Ich bin Lena, mehr Licht bitte")
    card.get_by_role("button", name="Diesen Text veröffentlichen").click()
    staff_page.get_by_role("alert").filter(has_text="Du hast den Text geändert").wait_for()
    card = staff_page.locator("article").filter(has_text="Pelmkestraße").first

    card.get_by_role("button", name="Diesen Text veröffentlichen").click()

    staff_page.get_by_role("alert").filter(has_text="bei jedem markierten Wort").wait_for()
    screenshot(staff_page, "staff-moderation-error")
    assert not Quote.objects.exists()


def test_a_moderator_approves_a_quote_puts_it_on_a_dashboard_and_sees_it_there(
    live_server, staff_page, wave_with_free_text, social_worker
):
    from wagtail.models import GroupPagePermission

    from tests.factories import build_site

    _home, dashboard = build_site(wave=wave_with_free_text)
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=social_worker.groups.get(),
            page=dashboard,
            permission=Permission.objects.get(codename=permission),
        )
    staff_page.goto(f"{live_server.url}/admin/data/moderation/")
    card = staff_page.locator("article").filter(has_text="Pelmkestraße").first
    card.get_by_label("Text zum Veröffentlichen").fill("Mehr Licht in der [Ort], bitte")
    card.get_by_role("button", name="Diesen Text veröffentlichen").click()
    # A changed text comes back as a preview of exactly what will be public.
    staff_page.get_by_role("alert").filter(has_text="Du hast den Text geändert").wait_for()
    card = staff_page.locator("article").filter(has_text="Pelmkestraße").first
    card.get_by_role("button", name="Diesen Text veröffentlichen").click()
    staff_page.get_by_text("Das Zitat ist freigegeben").wait_for()

    # The quote block: added to the dashboard in the page editor, as staff compose pages.
    staff_page.goto(f"{live_server.url}/admin/pages/{dashboard.pk}/edit/")
    staff_page.locator("button.c-sf-add-button").last.click()
    staff_page.get_by_role("option", name="Zitate").click()
    staff_page.get_by_role("button", name="Welle auswählen").click()
    staff_page.locator("a[data-chooser-modal-choice]").filter(has_text="Herbst 2026").click()
    staff_page.locator("button[data-w-dropdown-target='toggle']").last.click()
    staff_page.get_by_role("button", name="Veröffentlichen").click()
    staff_page.get_by_text("wurde veröffentlicht").first.wait_for()

    staff_page.goto(f"{live_server.url}{dashboard.url}")
    screenshot(staff_page, "dashboard-with-approved-quote")
    quote = staff_page.locator(".quotes__quote")
    assert quote.inner_text() == "Mehr Licht in der [Ort], bitte"
    assert "Pelmkestraße" not in staff_page.content()
