"""Admin wiring of the site app: a way back for staff who lost their second factor."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from surveys.permissions import Action, user_can


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if user_can(request_user, Action.MANAGE_STAFF):
        yield ListingButton(
            _("Reset second factor"),
            reverse("two_factor_reset", args=[user.pk]),
            priority=50,
        )
