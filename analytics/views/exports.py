"""The export page: ask for a file, watch it being built, download it."""

from pathlib import PurePath

from django import forms
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from analytics.exports import selectors, services
from analytics.models import Export
from analytics.views.file_jobs import FileJobsPage, job_file_response
from surveys.models import Wave
from surveys.permissions import Action, staff_action


class WaveChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, wave):
        count = wave.response_count
        return ngettext(
            "%(wave)s – %(count)s response", "%(wave)s – %(count)s responses", count
        ) % {
            "wave": wave.admin_title,
            "count": count,
        }


class ExportForm(forms.Form):
    wave = WaveChoiceField(
        label=_("Which wave?"),
        queryset=Wave.objects.none(),
        empty_label=_("Choose a wave"),
        error_messages={"required": _("Please choose the wave to export.")},
    )
    format = forms.ChoiceField(
        label=_("Which file?"),
        choices=Export.Format.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "The data files hold one row per response. The codebook explains every column "
            "and its codes: hand it out with the data."
        ),
        error_messages={"required": _("Please choose which file you need.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = Wave.objects.annotate(response_count=Count("responses"))

    def clean(self):
        cleaned = super().clean()
        wave, format = cleaned.get("wave"), cleaned.get("format")
        if wave and format in services.DATA_FORMATS and wave.response_count == 0:
            self.add_error(
                "wave",
                _(
                    "This wave has no responses yet, so there is no data to export. "
                    "Its codebook can be exported already."
                ),
            )
        return cleaned


class ExportsView(FileJobsPage):
    page_title = _("Export data")
    header_icon = "download"
    template_name = "analytics/admin/exports.html"
    action = Action.EXPORT
    kind = "export"
    form_class = ExportForm
    url_name = "analytics_exports"

    def recent_jobs(self):
        return selectors.recent_exports()

    def request_job(self, form):
        return services.request_export(
            wave=form.cleaned_data["wave"],
            format=form.cleaned_data["format"],
            user=self.request.user,
        )

    def requested_message(self, job):
        return _("The export “%(export)s” is being built. It appears in the list below.") % {
            "export": job
        }


@staff_action(Action.EXPORT)
def download_export(request, pk):
    """Hand a finished export file to staff allowed to export; nobody else."""
    export = get_object_or_404(Export.objects.select_related("wave"), pk=pk)
    day = timezone.localdate(export.requested_at).isoformat()
    kind = "codebook" if export.format.startswith("codebook") else "antworten"
    suffix = PurePath(export.file_name).suffix
    return job_file_response(
        export,
        filename=f"{export.wave.slug}-{kind}-{day}{suffix}",
        on_download=lambda: services.record_download(export=export, user=request.user),
    )
