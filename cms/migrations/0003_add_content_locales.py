from django.conf import settings
from django.db import migrations


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def remove_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).filter(pages=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_add_site_pages_forms_and_topics"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_locales, remove_locales)]
