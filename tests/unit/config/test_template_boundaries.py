"""Templates load only tag libraries their app may use: cms → analytics → surveys → sitewide.

A survey page (the runner and everything it extends or includes, base.html too) must
not need a tag library of cms or analytics, just as surveys' Python may not import them.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.loader import get_template

LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
USES = re.compile(r"{%\s*(?:extends|include)\s+[\"']([^\"']+)[\"']")
PROJECT_APPS = {"cms", "analytics", "surveys", "sitewide"}
# The apps whose tag libraries an app's templates may load.
MAY_LOAD = {
    "surveys": {"surveys", "sitewide"},
    "analytics": {"analytics", "surveys", "sitewide"},
}


def _library_owners() -> dict[str, str]:
    libraries = engines["django"].engine.template_libraries
    return {name: _owner(library) for name, library in libraries.items()}


def _owner(library) -> str:
    functions = [*library.tags.values(), *library.filters.values()]
    return functions[0].__module__.split(".")[0] if functions else ""


def _with_what_it_uses(path: Path) -> list[Path]:
    """Return the template and every template it extends or includes, recursively."""
    seen, waiting = [], [path]
    while waiting:
        current = waiting.pop()
        if current in seen:
            continue
        seen.append(current)
        for name in USES.findall(current.read_text(encoding="utf-8")):
            waiting.append(Path(get_template(name).origin.name))
    return seen


@pytest.mark.parametrize("app", sorted(MAY_LOAD))
def test_templates_load_tags_only_from_apps_below_their_own(app):
    owners = _library_owners()
    templates = sorted((settings.BASE_DIR / app / "templates").rglob("*.html"))
    wrong = set()
    for template in templates:
        for used in _with_what_it_uses(template):
            for loaded in LOAD.findall(used.read_text(encoding="utf-8")):
                for name in loaded.split():
                    owner = owners.get(name, "")
                    if owner in PROJECT_APPS and owner not in MAY_LOAD[app]:
                        wrong.add(f"{template.name} → {used.name} loads {name} ({owner})")

    assert templates
    assert not sorted(wrong)


def test_the_runner_and_base_template_take_their_tags_from_the_shared_place():
    runner = _with_what_it_uses(settings.BASE_DIR / "surveys/templates/surveys/runner.html")

    assert "base.html" in [path.name for path in runner]
    assert _library_owners()["site_tags"] == "sitewide"
