import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

ROLES = ["Redaktion", "Umfrage-Team", "Moderation", "Auswertung", "Administration"]


@pytest.mark.parametrize("role", ROLES)
def test_each_staff_role_is_a_group_that_may_open_the_admin(role):
    group = Group.objects.get(name=role)

    assert group.permissions.filter(codename="access_admin").exists()


def test_survey_staff_may_open_a_wave_but_not_edit_pages(django_user_model):
    user = django_user_model.objects.create_user(username="umfrage", password="x")
    user.groups.add(Group.objects.get(name="Umfrage-Team"))

    assert user.has_perm("surveys.change_wave")
    assert not user.has_perm("wagtailcore.change_page")


def test_each_organisation_has_its_own_media_collection():
    names = set(Collection.objects.filter(depth=2).values_list("name", flat=True))

    assert {"Caritas Hagen", "Diakonie Mark-Ruhr"} <= names
