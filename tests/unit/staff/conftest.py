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
    return _staff_user(django_user_model, "moderation", "moderate_quotes")


@pytest.fixture
def field_staff(django_user_model):
    """A staff member who runs the field work and may see the field monitor."""
    return _staff_user(django_user_model, "feldarbeit", "view_field_monitor")


@pytest.fixture
def editor(django_user_model):
    """A staff member with admin access but no right to exports or moderation."""
    return _staff_user(django_user_model, "redaktion")
