"""Each seeded role can do its work in the admin, and is refused (403) everything else."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

from analytics.models import Export, Quote
from surveys.models import CodeBatch, PaperBatch, Question
from surveys.permissions import Action
from surveys.services.tablets import enrol_tablet
from tests.factories import ResponseFactory, WaveFactory, add_question, answer

pytestmark = pytest.mark.django_db

A = Action
ROLE_ACTIONS = {
    "Redaktion": set(),
    "Umfrage-Team": {A.EDIT_QUESTIONNAIRES, A.OPEN_CLOSE_WAVES, A.PRINT_CODES, A.ENTER_PAPER},
    "Moderation": {A.VIEW_ANSWERS, A.MODERATE, A.MARK_SAFEGUARDING, A.HANDLE_SAFEGUARDING},
    "Auswertung": {A.EXPORT, A.VIEW_MONITOR},
    "Administration": set(Action),
    "Caritas Hagen": set(),
}


@pytest.fixture
def admin_data(django_user_model):
    wave = WaveFactory(slug="herbst")
    question = add_question(wave.questionnaire, "wunsch", Question.Kind.LONG_TEXT, "Was fehlt?")
    waiting = answer(ResponseFactory(wave=wave), question, "Mehr Licht")[0]
    concern = answer(ResponseFactory(wave=wave), question, "Mir geht es schlecht")[0]
    published = answer(ResponseFactory(wave=wave), question, "Mehr Bänke")[0]
    quote = Quote.objects.create(
        answer=published,
        wave=wave,
        question_key="wunsch",
        status=Quote.Status.APPROVED,
        text="Mehr Bänke",
    )
    owner = django_user_model.objects.create_user(username="owner", password="pw")
    code_batch = CodeBatch.objects.create(
        wave=wave, venue="Treff", language="en", count=10, site_url="/", requested_by=owner
    )
    paper_batch = PaperBatch.objects.create(
        wave=wave, name="Ferien", collected_on=wave.opens_at.date(), language="de"
    )
    export = Export.objects.create(wave=wave, format="csv", requested_by=owner)
    return {
        "wave": wave,
        "questionnaire": wave.questionnaire,
        "waiting": waiting,
        "concern": concern,
        "quote": quote,
        "code_batch": code_batch,
        "paper_batch": paper_batch,
        "export": export,
        "owner": owner,
        "tablet": enrol_tablet(wave=wave, name="Tablet 1", user=owner)[0],
    }


def decision(answer_pk, action):
    prefix = f"answer-{answer_pk}"
    return {f"{prefix}-action": action, f"{prefix}-text": "Mehr Licht"}


def admin_requests(data):
    """Every staff address and POST action: (method, address, form data, action needed)."""
    questionnaire, wave = data["questionnaire"].pk, data["wave"].pk
    paper, codes = data["paper_batch"].pk, data["code_batch"].pk
    waiting, concern = data["waiting"].pk, data["concern"].pk
    return [
        ("get", f"/admin/surveys/preview/{questionnaire}/", {}, A.EDIT_QUESTIONNAIRES),
        ("get", f"/admin/surveys/new-version/{questionnaire}/", {}, A.EDIT_QUESTIONNAIRES),
        ("post", f"/admin/surveys/new-version/{questionnaire}/", {}, A.EDIT_QUESTIONNAIRES),
        ("get", "/admin/surveys/instruments/", {}, A.EDIT_QUESTIONNAIRES),
        ("get", f"/admin/surveys/waves/{wave}/version/", {}, A.EDIT_QUESTIONNAIRES),
        ("post", f"/admin/surveys/waves/{wave}/version/", {}, A.EDIT_QUESTIONNAIRES),
        ("get", f"/admin/surveys/versions/{questionnaire}/remove/", {}, A.EDIT_QUESTIONNAIRES),
        ("post", f"/admin/surveys/versions/{questionnaire}/remove/", {}, A.EDIT_QUESTIONNAIRES),
        ("post", "/admin/surveys/instruments/", {}, A.EDIT_QUESTIONNAIRES),
        ("get", f"/admin/surveys/waves/{wave}/close/", {}, A.OPEN_CLOSE_WAVES),
        ("post", f"/admin/surveys/waves/{wave}/close/", {}, A.OPEN_CLOSE_WAVES),
        ("get", f"/admin/surveys/waves/{wave}/open/", {}, A.OPEN_CLOSE_WAVES),
        ("post", f"/admin/surveys/waves/{wave}/open/", {}, A.OPEN_CLOSE_WAVES),
        ("get", "/admin/surveys/codes/", {}, A.PRINT_CODES),
        ("post", "/admin/surveys/codes/", {}, A.PRINT_CODES),
        ("get", "/admin/surveys/codes/progress/", {}, A.PRINT_CODES),
        ("post", f"/admin/surveys/codes/{codes}/download/", {}, A.PRINT_CODES),
        ("get", "/admin/surveys/codes/by-venue/", {}, A.PRINT_CODES),
        ("get", "/admin/surveys/posters/", {}, A.PRINT_CODES),
        ("post", "/admin/surveys/posters/", {}, A.PRINT_CODES),
        ("get", "/admin/surveys/paper/", {}, A.ENTER_PAPER),
        ("post", "/admin/surveys/paper/", {}, A.ENTER_PAPER),
        ("get", f"/admin/surveys/paper/{paper}/", {}, A.ENTER_PAPER),
        ("post", f"/admin/surveys/paper/{paper}/", {}, A.ENTER_PAPER),
        ("get", "/admin/surveys/tablets/", {}, A.ENTER_PAPER),
        ("post", "/admin/surveys/tablets/", {}, A.ENTER_PAPER),
        ("post", f"/admin/surveys/tablets/{data['tablet'].pk}/revoke/", {}, A.ENTER_PAPER),
        ("get", "/admin/data/moderation/", {}, A.VIEW_ANSWERS),
        ("post", f"/admin/data/moderation/{waiting}/", decision(waiting, "reject"), A.MODERATE),
        (
            "post",
            f"/admin/data/moderation/{concern}/",
            decision(concern, "safeguarding"),
            A.MARK_SAFEGUARDING,
        ),
        ("post", f"/admin/data/quotes/{data['quote'].pk}/withdraw/", {}, A.MODERATE),
        ("get", "/admin/data/exports/", {}, A.EXPORT),
        ("post", "/admin/data/exports/", {}, A.EXPORT),
        ("get", f"/admin/data/exports/{data['export'].pk}/download/", {}, A.EXPORT),
        ("get", "/admin/data/monitor/", {}, A.VIEW_MONITOR),
        ("get", "/admin/data/audit/", {}, A.VIEW_AUDIT_LOG),
        ("get", f"/admin/2fa/reset/{data['owner'].pk}/", {}, A.MANAGE_STAFF),
        ("post", f"/admin/2fa/reset/{data['owner'].pk}/", {}, A.MANAGE_STAFF),
    ]


@pytest.mark.parametrize("role", ROLE_ACTIONS)
def test_each_role_may_do_its_work_and_is_refused_the_rest_with_a_403(
    client, django_user_model, admin_data, role
):
    user = django_user_model.objects.create_user(username="staff", password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)

    wrong = []
    for method, address, form, action in admin_requests(admin_data):
        status = getattr(client, method)(address, form).status_code
        is_allowed = action in ROLE_ACTIONS[role]
        if (status == 403) == is_allowed:
            wrong.append(f"{method.upper()} {address}: {status}")

    assert wrong == []


def test_a_refusal_names_what_the_account_may_not_do(client, django_user_model, admin_data):
    user = django_user_model.objects.create_user(username="caritas", password="pw")
    user.groups.add(Group.objects.get(name="Caritas Hagen"))
    client.force_login(user)

    response = client.post(f"/admin/surveys/waves/{admin_data['wave'].pk}/close/")

    assert response.status_code == 403
    assert "Wellen öffnen und schließen" in response.content.decode()


def test_a_refused_wave_closing_leaves_the_wave_open(client, django_user_model, admin_data):
    user = django_user_model.objects.create_user(username="redaktion", password="pw")
    user.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(user)

    client.post(f"/admin/surveys/waves/{admin_data['wave'].pk}/close/")

    admin_data["wave"].refresh_from_db()
    assert admin_data["wave"].is_open()


def test_administration_gets_a_permission_that_a_later_migration_adds():
    permission = Permission.objects.create(
        codename="brand_new_action",
        name="Can do something new",
        content_type=ContentType.objects.get_for_model(Export),
    )

    call_command("migrate", verbosity=0)

    assert Group.objects.get(name="Administration").permissions.filter(pk=permission.pk).exists()


def test_seeded_roles_are_granted_again_after_a_migrate_if_someone_removed_them():
    moderation = Group.objects.get(name="Moderation")
    moderation.permissions.clear()

    call_command("migrate", verbosity=0)

    assert moderation.permissions.filter(codename="moderate_quotes").exists()


def test_the_administration_role_is_not_a_superuser_role(django_user_model):
    user = django_user_model.objects.create_user(username="admin", password="pw")
    user.groups.add(Group.objects.get(name="Administration"))

    assert not user.is_superuser
    assert user.has_perm("auth.change_user")


OUR_APPS = ("surveys.", "analytics.", "cms.")
# Admin addresses any signed-in staff member needs: logging in with the second factor.
# Every staff member may set up a second factor, and read which interface strings wait
# for a native speaker (catalogue entries only, nothing a young person wrote).
OPEN_TO_ALL_STAFF = {"two_factor_setup", "two_factor_verify", "cms_translation_review"}
# Wagtail's wave chooser, which we give a status column: whoever builds a dashboard picks
# its waves there, as Wagtail lets every staff member choose a snippet.
OPEN_TO_ALL_STAFF_ROUTES = {
    "admin/snippets/choose/surveys/wave/",
    "admin/snippets/choose/surveys/wave/results/",
}
# Wagtail's wave delete view, which we extend so a wave's unclaimed code sheets go with
# it; Wagtail checks its delete permission (tests/unit/surveys/test_code_sheet_cleanup.py).
CHECKED_BY_WAGTAIL_ROUTES = {"admin/snippets/surveys/wave/delete/<int:pk>/"}


def _admin_views(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _admin_views(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("admin/"):
            yield route, pattern


def _is_checked(callback) -> bool:
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return getattr(view_class, "action", None) is not None
    return bool(getattr(callback, "staff_actions", ()))


def test_every_admin_view_of_ours_checks_a_staff_permission():
    unchecked = [
        route
        for route, pattern in _admin_views(get_resolver().url_patterns)
        if getattr(pattern.callback, "__module__", "").startswith(OUR_APPS)
        and pattern.name not in OPEN_TO_ALL_STAFF
        and route not in OPEN_TO_ALL_STAFF_ROUTES
        and route not in CHECKED_BY_WAGTAIL_ROUTES
        and not _is_checked(pattern.callback)
    ]

    assert unchecked == []


def test_the_url_walk_finds_the_staff_views_it_checks():
    routes = [route for route, _pattern in _admin_views(get_resolver().url_patterns)]

    assert "admin/surveys/waves/<int:pk>/close/" in routes
    assert "admin/data/exports/" in routes


@pytest.mark.parametrize(
    "role, shown, hidden",
    [
        ("Moderation", "/admin/data/moderation/", "/admin/data/exports/"),
        ("Auswertung", "/admin/data/exports/", "/admin/data/moderation/"),
        ("Umfrage-Team", "/admin/surveys/posters/", "/admin/data/exports/"),
        ("Redaktion", "/admin/pages/", "/admin/surveys/tablets/"),
    ],
)
def test_the_menu_shows_a_role_the_tools_it_may_use_and_no_others(
    client, django_user_model, role, shown, hidden
):
    user = django_user_model.objects.create_user(username="staff", password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)

    page = client.get("/admin/").content.decode()

    assert shown in page
    assert hidden not in page
