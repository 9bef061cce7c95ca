"""Template tags that let a visitor share, embed, download and print a dashboard."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from analytics.charts.pictures import chart_picture
from cms.reports.selectors import public_report
from cms.sharing import chart_of_block, waves_with_open_data

register = template.Library()


@register.simple_tag
def chart_svg(chart):
    """Return the chart as a static SVG picture for print and for visitors without scripts."""
    svg = chart_picture(chart)
    if not svg:
        return ""
    # chart_picture escapes every text it places in the markup.
    return format_html('<div class="chart__static">{}</div>', mark_safe(svg))  # noqa: S308


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request else path


def _with_query(path: str, query_string: str) -> str:
    return f"{path}?{query_string}" if query_string else path


@register.inclusion_tag("cms/includes/chart_tools.html", takes_context=True)
def chart_tools(context, block):
    """Render the download, share and embed links under one chart block, filter included."""
    page, request = context.get("page"), context.get("request")
    chart = chart_of_block(block, context=context) if page else None
    if chart is None or page is None or not page.pk:
        return {"chart": None}
    chosen = context.get("dashboard_filter")
    query = chosen.query_string if chosen is not None else ""
    arguments = {"page_id": page.pk, "block_id": block.id}
    embed_url = _absolute(request, _with_query(reverse("embed_chart", kwargs=arguments), query))
    page_url = _with_query(page.get_url(request), query)
    return {
        "chart": chart,
        "block_id": block.id,
        "has_table": bool(chart.table.rows),
        "csv_url": _with_query(reverse("chart_csv", kwargs=arguments), query),
        "xlsx_url": _with_query(reverse("chart_xlsx", kwargs=arguments), query),
        "embed_url": embed_url,
        "share_url": _absolute(request, f"{page_url}#block-{block.id}"),
    }


@register.inclusion_tag("cms/includes/dashboard_share.html", takes_context=True)
def dashboard_share(context):
    """Render the page's share link, its open-data packages and a print button."""
    page, request = context.get("page"), context.get("request")
    waves = waves_with_open_data(page) if page and page.pk else []
    report = public_report(page_id=page.pk, language=get_language()) if page and page.pk else None
    return {
        "report_url": reverse("dashboard_report", kwargs={"page_id": page.pk}) if report else "",
        "page_url": _absolute(request, page.get_url(request)) if page and page.pk else "",
        "packages": [
            {
                "wave": wave,
                "url": reverse("analytics_api:open-data", kwargs={"slug": wave.slug}),
                "licence": wave.get_licence_display(),
                # As text, not a link: public pages link to no other host.
                "licence_address": wave.licence_url.removeprefix("https://").rstrip("/"),
            }
            for wave in waves
        ],
    }


def _first_summary(page, context) -> str:
    for block in page.body:
        chart = chart_of_block(block, context=context)
        if chart and chart.table.rows:
            return chart.summary
    return ""


@register.inclusion_tag("cms/includes/share_meta.html", takes_context=True)
def share_meta(context, title="", description=""):
    """Render the description, OpenGraph and Twitter card tags of a dashboard or a chart."""
    page, request = context.get("page"), context.get("request")
    if page is not None and not description:
        description = (
            page.search_description or getattr(page, "intro", "") or _first_summary(page, context)
        )
    return {
        "title": title or (page.seo_title or page.title if page else ""),
        "description": " ".join(str(description).split())[:300],
        "url": request.build_absolute_uri() if request else "",
        "language": getattr(request, "LANGUAGE_CODE", "de"),
    }
