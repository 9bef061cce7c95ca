"""Published figures in the reader's language: one place for every page that shows them.

A snapshot stores the questionnaire's German wording (question texts, answer labels,
scale names, group labels), as the API and the open data publish it. A page shown in
another language reads the snapshot through `localised_snapshot`, which replaces that
wording with the questionnaire version's own translation, found by question key, option
code and scale key; a text without a translation stays German. The figures themselves
are never touched.

A wave's title and label are staff's own German names, not the questionnaire's. In a
right-to-left language they are isolated (Unicode's left-to-right isolate), so a sentence
such as "Frühjahr 2026 → Herbst 2026" keeps its order inside Arabic; the PDF report
and the chart downloads drop the marks again.
"""

import copy
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_info

from analytics.models import Snapshot
from analytics.snapshot_schema import reworded
from surveys.models import Questionnaire, Wave
from surveys.selectors import questionnaire_structure
from surveys.typesetting import isolate

# Wordings by (questionnaire id, changed_at, language): an edit of the questionnaire, its
# questions or options changes `changed_at`. Scales are edited on their own, so their
# names are read anew each time.
_wordings: dict[tuple, "Wording"] = {}
WORDING_CACHE_SIZE = 64


@dataclass(frozen=True)
class Wording:
    """The translated texts of one questionnaire version in one language."""

    question_texts: Mapping[str, str]
    # question key → option code → label
    option_labels: Mapping[str, Mapping[str, str]]
    scale_names: Mapping[str, str]
    # dimension → option code → label, from the questions that feed each breakdown
    segment_labels: Mapping[str, Mapping[str, str]]
    # German label → label, for the ends of a range, which store no option code
    labels_by_german: Mapping[str, str]


def shows_stored_wording(language: str | None) -> bool:
    """Return whether `language` reads the stored (German) wording as it is."""
    return not language or language == settings.LANGUAGE_CODE


def questionnaire_wording(*, questionnaire: Questionnaire, language: str) -> Wording:
    """Return the wording of a questionnaire version in `language`, cached per edit."""
    stamp = (questionnaire.pk, questionnaire.changed_at, language)
    found = _wordings.get(stamp)
    if found is None:
        found = _read_wording(questionnaire, language)
        if len(_wordings) >= WORDING_CACHE_SIZE:
            _wordings.clear()
        _wordings[stamp] = found
    return found


def _read_wording(questionnaire: Questionnaire, language: str) -> Wording:
    structure = questionnaire_structure(questionnaire=questionnaire)
    question_texts, option_labels, segment_labels, by_german = {}, {}, {}, {}
    for question in structure.questions:
        question_texts[question.key] = question.translated("text", language)
        labels = {}
        for option in structure.options.get(question.pk, []):
            labels[option.value] = option.translated("label", language)
            by_german.setdefault(option.label, labels[option.value])
        option_labels[question.key] = labels
        if question.segment and labels:
            segment_labels.setdefault(question.segment, labels)
    return Wording(question_texts, option_labels, {}, segment_labels, by_german)


def _scale_names(*, questionnaire: Questionnaire, language: str) -> dict[str, str]:
    scales = questionnaire.scales.only("key", "name", "translations")
    return {scale.key: scale.translated("name", language) for scale in scales}


def localised_snapshot(
    snapshot: Snapshot | None, *, language: str | None = None, wave: Wave | None = None
) -> Snapshot | None:
    """Return `snapshot` with its wording in `language` (the active one by default).

    The copy is for display only: it is never saved. German, or a snapshot whose
    questionnaire version is gone, comes back as it is.
    """
    language = language or get_language()
    if snapshot is None or shows_stored_wording(language):
        return snapshot
    questionnaire = _questionnaire_of(snapshot, wave)
    if questionnaire is None:
        return snapshot
    wording = questionnaire_wording(questionnaire=questionnaire, language=language)
    wording = dataclasses.replace(
        wording, scale_names=_scale_names(questionnaire=questionnaire, language=language)
    )
    localised = copy.copy(snapshot)
    # Set where Snapshot.figures caches its parse, so the copy reads the new wording.
    localised.__dict__["figures"] = reworded(
        snapshot.figures,
        wording,
        isolate=isolate if get_language_info(language)["bidi"] else None,
    )
    localised.language = language
    return localised


def _questionnaire_of(snapshot: Snapshot, wave: Wave | None) -> Questionnaire | None:
    wave = wave if wave is not None and wave.pk == snapshot.wave_id else snapshot.wave
    figures = snapshot.figures
    questionnaire = wave.questionnaire
    if figures.questionnaire_version in (None, questionnaire.version):
        return questionnaire
    return Questionnaire.objects.filter(
        key=figures.questionnaire_key, version=figures.questionnaire_version
    ).first()
