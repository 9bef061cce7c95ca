"""Staff see which interface strings still wait for a native speaker's review."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from cms.selectors import catalogue_path, catalogue_reviews

pytestmark = pytest.mark.django_db

CATALOGUE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Next"
msgstr "Weiter"

# needs native review
msgid "Back"
msgstr "Geri"

#, fuzzy
msgid "Send answers"
msgstr "Yanıtları gönder"

msgid "Language"
msgstr ""
"""


@pytest.fixture
def locale_dir(tmp_path):
    for code, _name in settings.LANGUAGES:
        path = catalogue_path(language=code, locale_dir=tmp_path)
        path.parent.mkdir(parents=True)
        path.write_text(CATALOGUE, encoding="utf-8")
    return tmp_path


def test_an_entry_marked_for_native_review_is_counted_as_waiting(locale_dir):
    turkish = next(
        review for review in catalogue_reviews(locale_dir=locale_dir) if review.code == "tr"
    )

    assert ("Back", "Geri") in turkish.waiting


def test_a_fuzzy_entry_is_counted_as_waiting(locale_dir):
    turkish = next(
        review for review in catalogue_reviews(locale_dir=locale_dir) if review.code == "tr"
    )

    assert ("Send answers", "Yanıtları gönder") in turkish.waiting


def test_an_untranslated_entry_is_listed_apart_and_a_checked_one_counts_as_reviewed(locale_dir):
    turkish = next(
        review for review in catalogue_reviews(locale_dir=locale_dir) if review.code == "tr"
    )

    assert turkish.untranslated == ["Language"]
    assert turkish.done_count == 1


def staff_with_admin_access(django_user_model):
    user = django_user_model.objects.create_user(username="redaktion", password="pw")
    group = Group.objects.create(name="Übersetzungsprüfung")
    group.permissions.set(Permission.objects.filter(codename="access_admin"))
    user.groups.add(group)
    return user


def test_staff_see_per_language_how_many_strings_wait_for_review(client, django_user_model):
    client.force_login(staff_with_admin_access(django_user_model))
    arabic = next(review for review in catalogue_reviews() if review.code == "ar")

    page = client.get("/admin/reports/translations/").content.decode()

    row = page.split('id="review-ar"')[1].split("</tr>")[0]
    assert f"<td>{len(arabic.waiting)}</td><td>{len(arabic.untranslated)}</td>" in row


def test_the_report_is_in_the_reports_menu(client, django_user_model):
    client.force_login(staff_with_admin_access(django_user_model))

    page = client.get("/admin/").content.decode()

    assert "/admin/reports/translations/" in page


def test_the_report_is_not_reachable_without_an_admin_login(client):
    response = client.get("/admin/reports/translations/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
