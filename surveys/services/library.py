"""The instrument library: scales written for this project, and licensed-scale templates.

Each instrument is a JSON file in `surveys/instruments/`. Templates of licensed
instruments carry the structure only (items, reversals, scoring) and empty wording,
which staff fill in with the text their organisation holds a licence for.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from wagtail.log_actions import log

from surveys import selectors
from surveys.models import Question, Questionnaire, Scale, ScaleItem
from surveys.services.questionnaires import QuestionnaireFrozen, complete_questionnaire

INSTRUMENT_LOADED = "part.instrument_loaded"
LIBRARY = Path(__file__).resolve().parents[1] / "instruments"


class InstrumentAlreadyThere(Exception):
    """The questionnaire already has questions with the instrument's keys."""


@dataclass
class Instrument:
    key: str
    data: dict

    @property
    def is_template(self) -> bool:
        return bool(self.data.get("is_template"))

    def name(self, language: str = "de") -> str:
        return self.data["name"].get(language) or self.data["name"]["de"]

    def about(self, language: str = "de") -> str:
        return self.data["about"].get(language) or self.data["about"]["de"]


def instruments() -> list[Instrument]:
    """Return every instrument of the library, the project's own first."""
    found = [
        Instrument(path.stem, json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(LIBRARY.glob("*.json"))
    ]
    return sorted(found, key=lambda instrument: (instrument.is_template, instrument.key))


def instrument(key: str) -> Instrument:
    for candidate in instruments():
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def _translations(entry: dict, field: str) -> dict:
    """Return a model's `translations` from an entry's wording in each language but German."""
    others = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    return {
        language: {field: text} for language, text in entry.items() if language in others and text
    }


def _texts(entry: dict) -> tuple[str, dict]:
    return entry.get("de", ""), _translations(entry, "text")


@transaction.atomic
def load_instrument(*, key: str, questionnaire: Questionnaire | None = None, user=None) -> Scale:
    """Add an instrument as a new page of `questionnaire` (or of a new one) with its scale."""
    chosen = instrument(key)
    data = chosen.data
    if questionnaire is None:
        newest = selectors.latest_version(key=key)
        questionnaire = Questionnaire.objects.create(
            key=key,
            version=(newest.version + 1) if newest else 1,
            title=chosen.name("de"),
            translations=_translations(data["name"], "title"),
        )
    elif selectors.is_frozen(questionnaire=questionnaire):
        raise QuestionnaireFrozen
    keys = {key} | {item["key"] for item in data["items"]}
    taken = set(questionnaire.questions.filter(key__in=keys).values_list("key", flat=True))
    if taken or questionnaire.scales.filter(key=key).exists():
        raise InstrumentAlreadyThere(sorted(taken) or [key])
    existing = questionnaire.questions.aggregate(page=Max("page"), order=Max("sort_order"))
    page = (existing["page"] or 0) + 1
    order = existing["order"] or 0
    prompt, prompt_translations = _texts(data["prompt"])
    Question.objects.create(
        questionnaire=questionnaire,
        key=key,
        kind=Question.Kind.MATRIX,
        page=page,
        sort_order=order + 1,
        text=prompt,
        translations=prompt_translations,
    )
    rows = []
    for position, item in enumerate(data["items"], start=2):
        text, translations = _texts(item)
        rows.append(
            Question.objects.create(
                questionnaire=questionnaire,
                key=item["key"],
                kind=Question.Kind.MATRIX_ROW,
                page=page,
                sort_order=order + position,
                text=text,
                translations=translations,
            )
        )
    complete_questionnaire(questionnaire=questionnaire)
    scale = Scale.objects.create(
        questionnaire=questionnaire,
        key=key,
        name=chosen.name("de"),
        translations=_translations(data["name"], "name"),
        scoring=data["scoring"],
        min_answered=data["min_answered"],
        lookup=data.get("lookup", {}),
    )
    ScaleItem.objects.bulk_create(
        ScaleItem(
            scale=scale,
            question=row,
            is_reversed=bool(item.get("reversed")),
            subscale=item.get("subscale", ""),
        )
        for row, item in zip(rows, data["items"], strict=True)
    )
    log(
        instance=questionnaire,
        action=INSTRUMENT_LOADED,
        user=user,
        data={"instrument": key, "questionnaire": questionnaire.key},
    )
    return scale
