"""The staff roles, granted their permissions again after every migrate.

A role is a group whose permissions follow from what its members come to do
(surveys/permissions.py names the staff actions). Granting runs on `post_migrate`
(wired in cms/apps.py), so a permission added by a later migration reaches its role,
and "Administration" holds every permission there is, without a data migration each
time. Permissions someone granted by hand are left alone; nothing is taken away.
"""

from django.contrib.auth.management import create_permissions
from django.db import connection, transaction

EDITORS = "Redaktion"
SURVEY_STAFF = "Umfrage-Team"
MODERATORS = "Moderation"
ANALYSTS = "Auswertung"
ADMINISTRATORS = "Administration"
ORGANISATIONS = ["Caritas Hagen", "Diakonie Mark-Ruhr"]

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


def _model_permissions(app: str, models: tuple[str, ...], actions: tuple[str, ...]) -> list[str]:
    return [f"{app}.{action}_{model}" for model in models for action in actions]


ROLES = {
    # News, pages and dashboards (page rights on the whole tree are granted below), and
    # the quarter outlines that dashboard maps draw.
    EDITORS: ADMIN_ACCESS
    + MEDIA
    + ["taggit.add_tag", "taggit.view_tag"]
    + _model_permissions("cms", ("quarteroutline",), ("add", "change", "delete", "view")),
    # Questionnaires, waves, code cards, posters, paper answers and tablets.
    SURVEY_STAFF: ADMIN_ACCESS
    + _model_permissions(
        "surveys",
        ("questionnaire", "surveypage", "question", "option", "scale", "scaleitem", "wave"),
        ("add", "change", "view"),
    )
    + _model_permissions("surveys", ("accesscode", "codebatch", "paperbatch"), ("add", "view"))
    + [
        "surveys.open_close_wave",
        "surveys.print_codes_and_posters",
        "surveys.enter_paper_answers",
        "surveys.add_response",
        "surveys.add_answer",
    ],
    # Read free text, decide on quotes, raise safeguarding concerns.
    MODERATORS: ADMIN_ACCESS
    + [
        "surveys.view_answer",
        "surveys.view_response",
        "analytics.moderate_quotes",
        "analytics.mark_safeguarding_concerns",
        "analytics.handle_safeguarding",
        "analytics.view_quote",
        "analytics.view_safeguardingrule",
    ],
    # Exports and the field monitor.
    ANALYSTS: ADMIN_ACCESS
    + [
        "analytics.export_responses",
        "analytics.view_export",
        "analytics.view_field_monitor",
        "analytics.view_snapshot",
        "cms.build_reports",
        "surveys.view_wave",
        "surveys.view_questionnaire",
    ],
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "view_page"]


def _permissions(names: list[str]):
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def _tables_ready() -> bool:
    tables = set(connection.introspection.table_names())
    return {"auth_group", "wagtailcore_collection", "wagtailcore_grouppagepermission"} <= tables


@transaction.atomic
def grant_role_permissions() -> None:
    """Create the roles and organisation groups if missing and grant what each needs."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for name, permissions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(permissions))
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(*Permission.objects.all())

    editors = Group.objects.get(name=EDITORS)
    root_page = Page.get_first_root_node()
    if root_page is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is None:
        return
    media = list(_permissions(MEDIA))
    for permission in media:
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root_collection, permission=permission
        )
    for name in ORGANISATIONS:
        # Page rights on each organisation's own page are granted where the page is
        # made (seed_demo, or staff in the admin).
        collection = root_collection.get_children().filter(name=name).first()
        if collection is None:
            collection = root_collection.add_child(name=name)
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(ADMIN_ACCESS))
        for permission in media:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def grant_after_migrate(sender, **kwargs) -> None:
    """Grant role permissions once every app has migrated (`post_migrate` receiver)."""
    if _tables_ready():
        grant_role_permissions()
