"""A young person answers the demo survey on a phone in each of the nine languages.

Every page shows only the chosen language: no string of the German catalogue and no
German wording of the questionnaire appears on a page in another language, and axe
finds no violation of WCAG 2.1 AA on any page.
"""

import re

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from tests.browser.conftest import PHONE, screenshot

# The walks only add answers to the demo survey, so one seeded demo on one test process
# serves the whole module (demo_server in tests/browser/conftest.py).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-every-language"),
]

SURVEY = "/s/quartier-check/"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
GERMAN = {"de", "de-x-ls"}
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _catalogue(language: str) -> polib.POFile:
    path = settings.LOCALE_PATHS[0] / to_locale(language) / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path))


def _texts(entry) -> list[str]:
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]")


def german_strings(language: str) -> dict[str, re.Pattern]:
    """Return the German texts that must not appear on a page in `language`, as patterns.

    Texts the language writes the same way (place names, "PaRT", language names) are
    left out: they are that language's own text too. A placeholder ("Seite %(step)s
    von %(count)s") matches whatever was put in its place.
    """
    from surveys.models import Questionnaire
    from surveys.translation import wording

    own = {text for entry in _catalogue(language) for text in _texts(entry) if text}
    german = {
        text
        for entry in _catalogue("de")
        if not entry.obsolete
        for text in _texts(entry)
        if text and text != entry.msgid
    }
    questionnaire = Questionnaire.objects.get(key="quartier-check", version=1)
    objects = [questionnaire, *questionnaire.pages.all()]
    for question in questionnaire.questions.all():
        objects += [question, *question.options.all()]
    for obj in objects:
        for field in obj.translatable_fields:
            text = getattr(obj, field)
            if text and text != wording(obj, field, language):
                german.add(text)
    names = {name for _code, name in settings.LANGUAGES}
    patterns = {}
    for text in german - own - names:
        parts = PLACEHOLDER.split(text.replace("%%", "%"))
        if sum(len(part.strip()) for part in parts) >= 4:
            body = r"\S{1,30}".join(re.escape(part) for part in parts)
            patterns[text] = re.compile(rf"(?<![\w-]){body}(?![\w-])")
    return patterns


def german_on(text: str, patterns: dict[str, re.Pattern]) -> list[str]:
    # Language names are each language's own words ("Leichte Sprache" in every menu).
    for _code, name in settings.LANGUAGES:
        text = text.replace(name, " ")
    return sorted(german for german, pattern in patterns.items() if pattern.search(text))


def _answer_this_page(page) -> None:
    """Tick the first answer of every question on the page (enough to go on)."""
    seen = set()
    for radio in page.locator('input[type="radio"]:not([value="_declined"])').all():
        name = radio.get_attribute("name")
        if name not in seen:
            seen.add(name)
            radio.check()
    for box in page.locator('input[type="checkbox"]').all():
        name = box.get_attribute("name")
        if name not in seen and not name.endswith("__declined"):
            seen.add(name)
            box.check()


def walk(page, base_url: str, language: str, visit) -> bool:
    """Answer the demo survey in `language`, calling `visit(page, name)` on every page.

    Return False if the survey is not offered in `language` (the runner sent the
    reader to another language).
    """
    prefix = "" if language == "de" else f"/{language}"
    page.goto(f"{base_url}{prefix}{SURVEY}")
    if page.locator("html").get_attribute("lang") != language:
        return False
    for step in range(1, 10):
        visit(page, f"page {step}")
        if not page.locator('button[name="action"][value="next"]').count():
            return True
        _answer_this_page(page)
        page.locator('button[name="action"][value="next"]').click()
        page.wait_for_load_state()
        if "/done/" in page.url:
            visit(page, "thank-you page")
            return True
    raise AssertionError(f"the survey in {language} never ended")


def _phone(browser, javascript=True):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without"])
def test_no_page_of_the_survey_in_another_language_shows_german(demo_server, browser, javascript):
    found = {}
    for language in sorted(set(LANGUAGES) - GERMAN):
        strings = german_strings(language)
        page = _phone(browser, javascript)

        def visit(page, name, language=language, strings=strings):
            german = german_on(page.locator("body").inner_text(), strings)
            if german:
                found[f"{language}, {name}"] = german

        if not walk(page, demo_server.url, language, visit):
            found[language] = f"not offered: the runner sent the reader to {page.url}"
        page.context.close()

    assert not found, found


def test_axe_finds_no_violation_on_any_page_of_the_survey_in_any_language(demo_server, browser):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for language in LANGUAGES:
        page = _phone(browser)

        def visit(page, name, language=language):
            violations = axe.run(page, options=WCAG_21_AA).response["violations"]
            if violations:
                found[f"{language}, {name}"] = [
                    (violation["id"], [node["target"] for node in violation["nodes"]])
                    for violation in violations
                ]
            screenshot(page, f"survey-{language}-{name.replace(' ', '-')}")

        if not walk(page, demo_server.url, language, visit):
            found[language] = f"not offered: the runner sent the reader to {page.url}"
        page.context.close()

    assert not found, found
