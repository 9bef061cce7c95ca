"""Retention rules of the cms app: form entries older than their page allows."""

import datetime

from django.db.models import Q

from cms.models.forms import ConsentFormPage


def expired_form_entries(now: datetime.datetime):
    """Return the form entries whose page's retention period has passed."""
    from wagtail.contrib.forms.models import FormSubmission

    condition = Q()
    for model in ConsentFormPage.__subclasses__():
        for page_id, days in model.objects.values_list("pk", "retention_days"):
            condition |= Q(page_id=page_id, submit_time__lt=now - datetime.timedelta(days=days))
    if not condition:
        return FormSubmission.objects.none()
    return FormSubmission.objects.filter(condition)


# Every app may declare RETENTION_RULES in its own `retention.py`: a label and a function
# from "now" to a queryset of what must go. cms.services.retention finds them by name, so
# an app declaring rules needs no import of cms.
RETENTION_RULES = [("form entries", expired_form_entries)]
