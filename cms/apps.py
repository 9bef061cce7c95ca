from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from cms.roles import grant_after_migrate

        post_migrate.connect(grant_after_migrate, sender=self, dispatch_uid="cms.roles")
