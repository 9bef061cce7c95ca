"""The quarters of a project: named by news, drawn on quarter maps from staff's GeoJSON."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from analytics.geojson import MAX_BYTES, GeoJSONError, read_outline


class QuarterOutlineForm(WagtailAdminModelForm):
    outline_file = forms.FileField(
        label=_("Outline (GeoJSON file)"),
        required=False,
        help_text=_(
            "A Polygon or MultiPolygon in longitude and latitude (WGS 84), as exported by "
            "the city's open-data portal or geojson.io. Leave empty to keep the current "
            "outline; a quarter without one is named on news but not drawn on maps."
        ),
    )

    def clean_outline_file(self):
        upload = self.cleaned_data.get("outline_file")
        if upload is None:
            return None
        try:
            # One byte more than the reader accepts, so a larger file is refused, not cut.
            self.cleaned_geometry = read_outline(upload.read(MAX_BYTES + 1))
        except GeoJSONError as error:
            raise forms.ValidationError(str(error)) from error
        return upload

    def save(self, commit=True):
        geometry = getattr(self, "cleaned_geometry", None)
        if geometry is not None:
            self.instance.geometry = geometry
        return super().save(commit=commit)


class QuarterOutline(models.Model):
    """One quarter of one project's area: news names it, survey answers match it by code.

    Its outline is optional; a quarter without one is named on news, not drawn on maps.
    """

    area = models.CharField(
        _("area"),
        max_length=100,
        help_text=_("The town or district the quarter belongs to, e.g. “Hagen”."),
    )
    code = models.SlugField(
        _("answer code"),
        max_length=64,
        help_text=_(
            "The code of the quarter's answer in the survey question on where people live, "
            "e.g. “altenhagen”."
        ),
    )
    name = models.CharField(_("name"), max_length=100)
    geometry = models.JSONField(_("outline"), default=dict, editable=False)
    is_simplified = models.BooleanField(
        _("simplified outline"),
        default=False,
        help_text=_("Maps then say that the outline is simplified, not an official boundary."),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the outline comes from and under which licence, or “drawn by hand”."),
    )

    base_form_class = QuarterOutlineForm
    panels = [
        FieldRowPanel([FieldPanel("area"), FieldPanel("name"), FieldPanel("code")]),
        FieldPanel("outline_file"),
        FieldRowPanel([FieldPanel("is_simplified"), FieldPanel("source")]),
    ]

    class Meta:
        verbose_name = _("quarter outline")
        verbose_name_plural = _("quarter outlines")
        ordering = ["area", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "code"], name="one_outline_per_quarter_code")
        ]

    def __str__(self):
        return f"{self.name} ({self.area})"
