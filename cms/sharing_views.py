"""One dashboard chart on its own: an embeddable page, and its table as CSV or Excel."""

from csp.decorators import csp_replace
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from analytics import downloads
from cms.sharing import shared_chart

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _chart_or_404(request, page_id: int, block_id: str):
    shared = shared_chart(page_id=page_id, block_id=block_id, request=request)
    if shared is None:
        raise Http404(_("There is no such chart."))
    return shared


def _page_address(request, shared) -> str:
    """Return the address of the dashboard the chart sits on, with the chart's filter."""
    address = request.build_absolute_uri(shared.page.get_url(request))
    return f"{address}?{shared.query_string}" if shared.query_string else address


# Only this page may sit in another site's frame; every other page keeps refusing.
@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed_chart(request, page_id: int, block_id: str):
    shared = _chart_or_404(request, page_id, block_id)
    block = next(block for block in shared.page.body if block.id == block_id)
    return render(
        request,
        "cms/embed_chart.html",
        {
            "page": shared.page,
            "chart": shared.chart,
            # A heading staff typed is in the page's language, a question's in the reader's.
            "block_value": block.value,
            "block_id": block_id,
            "source_url": f"{_page_address(request, shared)}#block-{block_id}",
        },
    )


@require_safe
def download_chart_table(request, page_id: int, block_id: str, file_format: str):
    shared = _chart_or_404(request, page_id, block_id)
    chart = shared.chart
    if not chart.table.rows:
        # Results not public yet (or none): say so on a page, never send an empty file.
        return render(
            request,
            "cms/download_unavailable.html",
            {"page": shared.page, "chart": chart, "back_url": shared.page.get_url(request)},
            status=404,
        )
    filename = downloads.download_filename(shared.page.slug, chart.title, extension=file_format)
    if file_format == "csv":
        content = downloads.table_csv(chart.table)
    else:
        source = _("Source: %(source)s, %(url)s (as of %(date)s)") % {
            "source": "PaRT – Caritas Hagen und Diakonie Mark-Ruhr",
            "url": _page_address(request, shared),
            "date": timezone.localdate().isoformat(),
        }
        content = downloads.table_xlsx(chart.table, source=source, note=chart.note)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
