"""Printed reports: staff ask for one and watch it being built; anyone downloads a public one."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from analytics.views.base import StaffPage
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


class ReportsView(StaffPage):
    page_title = _("Printed reports")
    header_icon = "doc-full"
    template_name = "cms/admin/reports.html"
    action = Action.BUILD_REPORTS

    def get_context_data(self, form=None, **kwargs):
        reports = list(selectors.recent_reports())
        return super().get_context_data(
            form=form or ReportForm(),
            reports=reports,
            is_building=any(
                report.status in (Report.Status.QUEUED, Report.Status.RUNNING) for report in reports
            ),
            **kwargs,
        )

    def post(self, request):
        form = ReportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        report = services.request_report(
            user=request.user, language=form.cleaned_data["language"], **form.subject_object()
        )
        messages.success(
            request,
            _("The report of “%(report)s” is being built. It appears in the list below.")
            % {"report": report},
        )
        return redirect("cms_reports")


def _filename(report: Report) -> str:
    subject = report.dashboard.slug if report.dashboard_id else report.wave.slug
    day = timezone.localdate(report.finished_at or report.requested_at).isoformat()
    return f"{subject}-bericht-{report.language}-{day}.pdf"


@staff_action(Action.BUILD_REPORTS)
def download_report(request, pk):
    """Hand a finished report to staff allowed to build reports."""
    report = get_object_or_404(Report.objects.select_related("dashboard", "wave"), pk=pk)
    path = selectors.report_file_path(report=report)
    if path is None:
        raise Http404
    services.record_download(report=report, user=request.user)
    return FileResponse(path.open("rb"), as_attachment=True, filename=_filename(report))


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
    path = selectors.report_file_path(report=report)
    return FileResponse(path.open("rb"), as_attachment=True, filename=_filename(report))
