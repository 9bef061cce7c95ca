from django.urls import path

from cms import sharing_views
from cms.reports.views import public_report

urlpatterns = [
    path("downloads/<int:page_id>/bericht.pdf", public_report, name="dashboard_report"),
    path("embed/<int:page_id>/<str:block_id>/", sharing_views.embed_chart, name="embed_chart"),
    path(
        "downloads/<int:page_id>/<str:block_id>.csv",
        sharing_views.download_chart_table,
        {"file_format": "csv"},
        name="chart_csv",
    ),
    path(
        "downloads/<int:page_id>/<str:block_id>.xlsx",
        sharing_views.download_chart_table,
        {"file_format": "xlsx"},
        name="chart_xlsx",
    ),
]
