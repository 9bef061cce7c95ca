"""The project's addresses plus one trivial view, served by the benchmarks' gunicorn.

`bench_dashboard` compares a dashboard with this view through the same middleware, in
the same gunicorn and the same run, so the ratio says what the page itself costs.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from config.urls import handler500
from config.urls import urlpatterns as project_urlpatterns

TRIVIAL_PATH = "/bench/trivial/"


@require_safe
def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(TRIVIAL_PATH.strip("/") + "/", trivial), *project_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
