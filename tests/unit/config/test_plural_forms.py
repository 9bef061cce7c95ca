"""Every catalogue picks the right plural form for its language."""

import gettext
import re

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

# For each count, the CLDR category the language's grammar needs, as the index of the
# form gettext's usual rule for that language gives it (Polish and Ukrainian may carry a
# fourth form for fractions, as Django's own catalogues do; integers never reach it).
EXPECTED = {
    "de": {1: 0, 2: 1, 0: 1},
    "de-x-ls": {1: 0, 2: 1, 0: 1},
    "en": {1: 0, 2: 1, 0: 1},
    "tr": {1: 0, 2: 1, 5: 1},
    "ar": {0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 11: 4, 99: 4, 100: 5, 102: 5},
    "ro": {1: 0, 0: 1, 2: 1, 19: 1, 20: 2, 101: 1, 120: 2},
    "bg": {1: 0, 2: 1, 0: 1},
    "pl": {1: 0, 2: 1, 4: 1, 5: 2, 12: 2, 22: 1, 25: 2, 0: 2},
    "uk": {1: 0, 21: 0, 2: 1, 24: 1, 5: 2, 11: 2, 0: 2},
}
FORM_COUNTS = {"ar": {6}, "ro": {3}, "pl": {3, 4}, "uk": {3, 4}}


def plural_header(language: str) -> str:
    path = settings.LOCALE_PATHS[0] / to_locale(language) / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path)).metadata["Plural-Forms"]


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_catalogue_has_as_many_plural_forms_as_its_language(language):
    count = int(re.search(r"nplurals\s*=\s*(\d+)", plural_header(language)).group(1))

    assert count in FORM_COUNTS.get(language, {2})


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_catalogue_picks_the_right_form_for_each_count(language):
    rule = gettext.c2py(re.search(r"plural\s*=\s*(.+?);?\s*$", plural_header(language)).group(1))

    assert {count: rule(count) for count in EXPECTED[language]} == EXPECTED[language]
