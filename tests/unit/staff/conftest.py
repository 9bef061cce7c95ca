import pytest
from django.contrib.auth.models import Group, Permission


@pytest.fixture(autouse=True)
def _export_root(settings, tmp_path):
    settings.PART_EXPORT_ROOT = tmp_path / "exports"


def _staff_user(django_user_model, username, *permissions):
    user = django_user_model.objects.create_user(username=username, password="pw")
    group = Group.objects.create(name=f"group of {username}")
    codenames = ["access_admin", *permissions]
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def analyst(django_user_model):
    return _staff_user(django_user_model, "analyse", "export_responses")


@pytest.fixture
def moderator(django_user_model):
    return _staff_user(
        django_user_model,
        "moderation",
        "view_answer",
        "moderate_quotes",
        "mark_safeguarding_concerns",
    )


@pytest.fixture
def editor(django_user_model):
    """A staff member with admin access but no right to exports or moderation."""
    return _staff_user(django_user_model, "redaktion")


@pytest.fixture
def monitor_viewer(django_user_model):
    """A staff member who may see the field monitor's exact counts."""
    return _staff_user(django_user_model, "feldarbeit", "view_field_monitor")


@pytest.fixture
def auditor(django_user_model):
    return _staff_user(django_user_model, "revision", "view_audit_log")
