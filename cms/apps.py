from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from cms.roles import grant_after_migrate

        post_migrate.connect(grant_after_migrate, sender=self, dispatch_uid="cms.roles")
        connect_page_cache()


def connect_page_cache():
    """Renew the cached dashboards when what they show changes (cms/dashboard_cache.py)."""
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from analytics.signals import results_published
    from cms import dashboard_cache
    from surveys.models import Wave

    # Local functions: connected with weak=False, or they would be collected at once.
    # After commit, so a page rendered in between cannot be stored under the new token
    # with the old content.
    def renew_wave(sender, wave_id=None, instance=None, **kwargs):
        wave_ids = [wave_id or instance.pk]
        transaction.on_commit(
            lambda: dashboard_cache.renew_wave_tokens(wave_ids=wave_ids), robust=True
        )

    def renew_pages(sender, **kwargs):
        transaction.on_commit(dashboard_cache.renew_pages_generation, robust=True)

    results_published.connect(renew_wave, weak=False, dispatch_uid="cms.page_cache.results")
    post_save.connect(renew_wave, sender=Wave, weak=False, dispatch_uid="cms.page_cache.wave")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(renew_pages, weak=False, dispatch_uid=f"cms.page_cache.{id(signal)}")
    post_delete.connect(renew_pages, sender=Page, weak=False, dispatch_uid="cms.page_cache.page")
    for model in (PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                renew_pages,
                sender=model,
                weak=False,
                dispatch_uid=f"cms.page_cache.{model.__name__}",
            )
