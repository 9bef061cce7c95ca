"""The self-made linking code of linked waves: asked, checked and turned into fingerprints.

A young person answers five questions only they can answer the same way again (two
letters of their mother's first name, the day and month of their birthday, the first
letter of their birth place, how many older siblings they have). Nothing of it is
stored: only keyed hashes (HMAC with `PART_LINKING_KEY`, salted with the wave series),
one for each way of leaving one element out. Two answers whose codes differ in at
most one element share at least one fingerprint, so a typo or a sibling born since
still pairs "before" with "after"; without the key a fingerprint reveals nothing.
"""

import hmac
import unicodedata
from dataclasses import dataclass
from hashlib import sha256

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SKIP = "skip"
FIELD_PREFIX = "link_"


@dataclass(frozen=True)
class Element:
    key: str
    label: object
    hint: object
    letters: int = 0
    low: int = 0
    high: int = 0

    @property
    def name(self) -> str:
        return f"{FIELD_PREFIX}{self.key}"

    @property
    def is_number(self) -> bool:
        return not self.letters


ELEMENTS = [
    Element(
        "mother",
        _("The first two letters of your mother's first name"),
        _("For example “MA” for Maria."),
        letters=2,
    ),
    Element(
        "birth_day", _("The day of your birthday"), _("A number from 1 to 31."), low=1, high=31
    ),
    Element(
        "birth_month", _("The month of your birthday"), _("A number from 1 to 12."), low=1, high=12
    ),
    Element(
        "birth_place",
        _("The first letter of the place where you were born"),
        _("For example “H” for Hagen."),
        letters=1,
    ),
    Element(
        "older_siblings",
        _("How many older brothers and sisters you have"),
        _("A number; 0 if you have none."),
        low=0,
        high=20,
    ),
]


def _letters(text: str) -> str:
    """Return the letters of `text` in capitals, accents and umlauts folded (Ä → A)."""
    folded = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in folded if c.isalpha() and not unicodedata.combining(c)).upper()


def read_elements(post) -> tuple[list[str] | None, dict[str, str], dict[str, object]]:
    """Return the normalised elements (or None), what was typed and errors by field name."""
    typed = {element.name: post.get(element.name, "")[:50] for element in ELEMENTS}
    values, errors = [], {}
    for element in ELEMENTS:
        text = typed[element.name].strip()
        if element.letters:
            letters = _letters(text)
            if len(letters) < element.letters:
                errors[element.name] = (
                    _("Please type two letters.")
                    if element.letters == 2
                    else _("Please type one letter.")
                )
                continue
            values.append(letters[: element.letters])
        else:
            if not text.isdigit() or not element.low <= int(text) <= element.high:
                errors[element.name] = _("Please type a number from %(low)s to %(high)s.") % {
                    "low": element.low,
                    "high": element.high,
                }
                continue
            values.append(str(int(text)))
    return (None if errors else values), typed, errors


def fingerprints(*, series: str, values: list[str]) -> list[str]:
    """Return one keyed hash per left-out element of a linking code, in element order."""
    key = sha256(f"surveys.linking:{settings.PART_LINKING_KEY}".encode()).digest()
    result = []
    for left_out in range(len(values)):
        kept = [value for position, value in enumerate(values) if position != left_out]
        message = "\x1f".join([series, str(left_out), *kept]).encode()
        result.append(hmac.new(key, message, sha256).hexdigest())
    return result
