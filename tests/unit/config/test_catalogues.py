"""Every interface string is translated into every language of the site."""

import contextlib
import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import to_locale

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The code the Makefile's `messages` target reads, and what it leaves out.
CODE = ["analytics", "cms", "config", "surveys", "sitewide", "site"]
IGNORED = ["*/vendor/*"]


def catalogue(language: str, locale_dir=None) -> polib.POFile:
    locale_dir = locale_dir or settings.LOCALE_PATHS[0]
    return polib.pofile(str(locale_dir / to_locale(language) / "LC_MESSAGES" / "django.po"))


def _has_text(entry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _names(entries) -> list[str]:
    return [
        f"{entry.msgctxt} | {entry.msgid}" if entry.msgctxt else entry.msgid for entry in entries
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_of_the_catalogue_is_translated(language):
    entries = [entry for entry in catalogue(language) if not entry.obsolete]

    untranslated = [entry for entry in entries if not _has_text(entry)]

    assert not untranslated, f"{len(untranslated)} of {len(entries)}: {_names(untranslated)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_of_the_catalogue_is_fuzzy(language):
    entries = [entry for entry in catalogue(language) if not entry.obsolete]

    fuzzy = [entry for entry in entries if "fuzzy" in entry.flags]

    assert not fuzzy, f"{len(fuzzy)} of {len(entries)}: {_names(fuzzy)}"


@pytest.fixture(scope="module")
def current_strings(tmp_path_factory):
    """Return every (context, string) makemessages finds in the code today.

    makemessages runs over a copy of the code, so it cannot touch the real catalogues
    (it merges into any `locale` folder it walks past).
    """
    copy = tmp_path_factory.mktemp("code")
    for folder in CODE:
        shutil.copytree(
            settings.BASE_DIR / folder,
            copy / folder,
            ignore=shutil.ignore_patterns("locale", "vendor", "__pycache__"),
        )
    locale_dir = copy / "locale"
    (locale_dir / "de").mkdir(parents=True)
    with override_settings(LOCALE_PATHS=[locale_dir]), contextlib.chdir(copy):
        call_command(
            "makemessages", locale=["de"], keep_pot=True, ignore_patterns=IGNORED, verbosity=0
        )
    pot = polib.pofile(str(locale_dir / "django.pot"))
    return {(entry.msgctxt, entry.msgid) for entry in pot if entry.msgid}


@pytest.mark.parametrize("language", LANGUAGES)
def test_makemessages_would_add_nothing_to_the_catalogue(language, current_strings):
    known = {(entry.msgctxt, entry.msgid) for entry in catalogue(language) if not entry.obsolete}

    missing = sorted(current_strings - known, key=str)

    assert not missing, f"{len(missing)} strings are not in the catalogue: {missing}"
