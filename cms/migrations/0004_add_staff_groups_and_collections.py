"""Create the staff roles and one media collection per partner organisation.

Permissions are named by app label and codename. A later app whose staff need its
models adds them to these groups in its own migration.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redaktion"
SURVEY_STAFF = "Umfrage-Team"
MODERATORS = "Moderation"
ANALYSTS = "Auswertung"
ADMINISTRATORS = "Administration"
ORGANISATIONS = ["Caritas Hagen", "Diakonie Mark-Ruhr"]

ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
ROLES = {
    EDITORS: ADMIN_ACCESS
    + [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("taggit", "add_tag"),
        ("taggit", "view_tag"),
    ],
    SURVEY_STAFF: ADMIN_ACCESS
    + [
        ("surveys", f"{action}_{model}")
        for model in ("questionnaire", "question", "option", "scale", "scaleitem", "wave")
        for action in ("add", "change", "view")
    ]
    # Paper answers from outreach work are entered as responses.
    + [("surveys", "add_response"), ("surveys", "add_answer"), ("surveys", "view_response")],
    MODERATORS: ADMIN_ACCESS
    + [("surveys", "view_answer"), ("surveys", "change_answer"), ("surveys", "view_response")],
    ANALYSTS: ADMIN_ACCESS
    + [("analytics", "view_snapshot"), ("surveys", "view_wave"), ("surveys", "view_questionnaire")],
}
# Page permissions on the whole tree for editors; organisations get their own pages
# (seed_demo, or staff in the admin, grant them on each organisation's page).
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "view_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _create_all_permissions(apps):
    # On a fresh database permissions appear only after the last migration; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def add_groups(apps, schema_editor):
    _create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    # Wagtail's installer makes "Editors" and "Moderators"; ours replace them, so staff
    # meet one set of roles. A default group someone already uses is left alone.
    if not Group.objects.filter(name=EDITORS).exists():
        Group.objects.filter(name="Editors", user__isnull=True).update(name=EDITORS)
    Group.objects.filter(name="Moderators", user__isnull=True).delete()
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [_permission(apps, app, code) for app, code in codenames]
        group.permissions.add(*[permission for permission in permissions if permission])
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(*Permission.objects.all())

    root_collection = Collection.objects.filter(depth=1).first()
    root_page = Page.objects.filter(depth=1).first()
    editors = Group.objects.get(name=EDITORS)
    if root_page is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = _permission(apps, "wagtailcore", codename)
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission
            )
    if root_collection is None:
        return
    for app, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root_collection, permission=_permission(apps, app, codename)
        )
    for name in ORGANISATIONS:
        collection = Collection.objects.filter(name=name, depth=2).first()
        if collection is None:
            # Collections form a tree stored by materialised path (treebeard), as Wagtail's
            # own migrations add them.
            last = Collection.objects.filter(depth=2).order_by("-path").first()
            step = int(last.path[-4:], 36) + 1 if last else 1
            path = root_collection.path + _path_step(step)
            collection = Collection.objects.create(name=name, depth=2, path=path, numchild=0)
            root_collection.numchild = Collection.objects.filter(depth=2).count()
            root_collection.save(update_fields=["numchild"])
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(_permission(apps, "wagtailadmin", "access_admin"))
        for app, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(apps, app, codename)
            )


def _path_step(number):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = alphabet[remainder] + digits
    return digits.rjust(4, "0")


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    Group.objects.filter(
        name__in=[*ROLES, ADMINISTRATORS, *ORGANISATIONS]
    ).delete()
    Collection.objects.filter(name__in=ORGANISATIONS, depth=2, numchild=0).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_add_content_locales"),
        ("surveys", "0002_add_answer_kinds_and_scales"),
        ("analytics", "0001_add_snapshot"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(add_groups, remove_groups)]
