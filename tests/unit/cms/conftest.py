import pytest
from django.core.management import call_command


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """Seed the demo once for a module (it takes seconds), and remove it by hand after."""
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        from taggit.models import Tag
        from wagtail.images import get_image_model
        from wagtail.models import Page, Site

        from analytics.models import Snapshot
        from cms.models import QuarterOutline
        from surveys.models import Questionnaire, Response, Wave

        Site.objects.all().delete()
        Page.objects.filter(depth__gt=1).delete()
        QuarterOutline.objects.all().delete()  # after the news that name them
        get_image_model().objects.all().delete()
        Tag.objects.all().delete()
        Snapshot.objects.all().delete()
        Response.objects.all().delete()
        Wave.objects.all().delete()
        Questionnaire.objects.all().delete()
