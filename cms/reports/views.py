"""Printed reports: staff ask for one and watch it being built; anyone downloads a public one."""

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from analytics.views.file_jobs import FileJobsPage, job_file_response
from cms.models import DashboardPage, Report
from cms.reports import selectors, services
from cms.sharing import live_dashboard
from surveys.models import Wave
from surveys.permissions import Action, staff_action


class ReportForm(forms.Form):
    subject = forms.ChoiceField(
        label=_("Report of what?"),
        help_text=_(
            "A dashboard's report follows the page, chart by chart. A wave's report shows "
            "every published result of that survey."
        ),
        error_messages={"required": _("Please choose a dashboard or a wave.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        error_messages={"required": _("Please choose the language of the report.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dashboards = [
            (f"dashboard:{page.pk}", page.title) for page in DashboardPage.objects.order_by("title")
        ]
        waves = [(f"wave:{wave.pk}", str(wave)) for wave in Wave.objects.order_by("-opens_at")]
        self.fields["subject"].choices = [
            ("", _("Choose a dashboard or a wave")),
            (_("Dashboards"), dashboards),
            (_("Waves"), waves),
        ]

    def subject_object(self) -> dict:
        kind, pk = self.cleaned_data["subject"].split(":")
        if kind == "dashboard":
            return {"dashboard": DashboardPage.objects.get(pk=pk)}
        return {"wave": Wave.objects.get(pk=pk)}


class ReportsView(FileJobsPage):
    page_title = _("Printed reports")
    header_icon = "doc-full"
    template_name = "cms/admin/reports.html"
    action = Action.BUILD_REPORTS
    kind = "report"
    form_class = ReportForm
    url_name = "cms_reports"

    def recent_jobs(self):
        return selectors.recent_reports()

    def request_job(self, form):
        return services.request_report(
            user=self.request.user, language=form.cleaned_data["language"], **form.subject_object()
        )

    def requested_message(self, job):
        return _("The report of “%(report)s” is being built. It appears in the list below.") % {
            "report": job
        }


def _filename(report: Report) -> str:
    subject = report.dashboard.slug if report.dashboard_id else report.wave.slug
    day = timezone.localdate(report.finished_at or report.requested_at).isoformat()
    return f"{subject}-bericht-{report.language}-{day}.pdf"


@staff_action(Action.BUILD_REPORTS)
def download_report(request, pk):
    """Hand a finished report to staff allowed to build reports."""
    report = get_object_or_404(Report.objects.select_related("dashboard", "wave"), pk=pk)
    return job_file_response(
        report,
        filename=_filename(report),
        on_download=lambda: services.record_download(report=report, user=request.user),
    )


def public_report(request, page_id):
    """Hand anyone the newest public report of a live public dashboard."""
    report = selectors.public_report(page_id=page_id, language=get_language())
    if report is None:
        page = live_dashboard(page_id=page_id)
        if page is None:
            raise Http404
        return render(
            request,
            "cms/report_unavailable.html",
            {"page": page, "back_url": page.get_url(request)},
            status=404,
        )
    return job_file_response(report, filename=_filename(report))
