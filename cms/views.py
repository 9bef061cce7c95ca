"""Site search: Wagtail's database backend over the visitor's language tree."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms import selectors

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("query", "").strip()
    error = ""
    results = None
    status = 200
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Please search with at most %(count)d characters.") % {"count": MAX_QUERY_LENGTH}
        status = 400
    elif query:
        pages = selectors.search_pages(query=query)
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cms/search.html",
        {
            "query": query if not error else "",
            "error": error,
            "results": results,
            "max_length": MAX_QUERY_LENGTH,
        },
        status=status,
    )
