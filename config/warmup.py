"""Do once at start what the first visitor would otherwise wait for (issue #18, item 9).

A fresh web process loads the address table, builds its reverse lookup once per
language, reads the translation catalogues of all nine languages and compiles the
site's templates lazily, on the first request that needs them: on the demo that made
the first `/dashboards/` take seconds. `warm_up()` runs from the WSGI module, so each
gunicorn worker (and `runserver`) pays it while starting, before it takes a request.
"""

import logging
import time

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger("config.warmup")

# The shell and the public pages a visitor opens first.
TEMPLATES = [
    "base.html",
    "cms/home_page.html",
    "cms/dashboard_index_page.html",
    "cms/dashboard_page.html",
    "cms/news_index_page.html",
    "cms/news_page.html",
    "cms/standard_page.html",
]


def warm_up() -> float:
    """Load the addresses, catalogues and templates of every language; return the seconds."""
    started = time.perf_counter()
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            # Each language has its own reverse table (addresses have language prefixes).
            resolver.reverse_dict  # noqa: B018 - reading it builds it
    for name in TEMPLATES:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            logger.warning("Template %s to warm up does not exist.", name)
    seconds = time.perf_counter() - started
    logger.info("Warmed up in %.2f s.", seconds)
    return seconds
