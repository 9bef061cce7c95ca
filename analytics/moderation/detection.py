"""Find what looks personal in a free-text answer and propose a redacted text.

This catches the usual cases (names, phone numbers, e-mail addresses, social media
handles, streets and schools of Hagen); it cannot catch everything, which is why a
person always reads the text before it is published.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Common first names of young people in Hagen: frequent German given names and the
# names most frequent in the families of the two quarters (Turkish, Arabic, Kurdish,
# Polish, Romanian, Bulgarian, Greek). Names that are also ordinary German words
# ("Mark", "Rose", "Kai", "Will") are left out to keep false alarms down.
FIRST_NAMES = {
    # German
    "alexander",
    "alina",
    "anna",
    "ben",
    "clara",
    "daniel",
    "david",
    "elias",
    "ella",
    "emil",
    "emilia",
    "emma",
    "felix",
    "finn",
    "hannah",
    "jakob",
    "jan",
    "jana",
    "jonas",
    "julia",
    "julian",
    "justin",
    "kevin",
    "laura",
    "lea",
    "leah",
    "lena",
    "leon",
    "leonie",
    "lina",
    "lisa",
    "louis",
    "luca",
    "lukas",
    "luis",
    "maja",
    "marie",
    "max",
    "maximilian",
    "mia",
    "michelle",
    "moritz",
    "nele",
    "nico",
    "niklas",
    "noah",
    "paul",
    "sarah",
    "sophie",
    "tim",
    "tom",
    "vanessa",
    # Turkish and Kurdish
    "ahmet",
    "ayse",
    "ayşe",
    "berat",
    "burak",
    "can",
    "defne",
    "elif",
    "emir",
    "emre",
    "hasan",
    "hüseyin",
    "kerem",
    "mehmet",
    "melek",
    "merve",
    "murat",
    "mustafa",
    "zeynep",
    "yusuf",
    "baran",
    "rojda",
    "dilan",
    "azad",
    # Arabic
    "ahmad",
    "ahmed",
    "ali",
    "amir",
    "aya",
    "fatima",
    "hamza",
    "hussein",
    "ibrahim",
    "karim",
    "khaled",
    "layla",
    "leila",
    "mariam",
    "maryam",
    "mohamed",
    "mohammed",
    "muhammad",
    "nour",
    "omar",
    "rami",
    "sara",
    "yasmin",
    "youssef",
    # Polish, Romanian, Bulgarian, Greek
    "andrei",
    "bogdan",
    "dimitri",
    "dimitrios",
    "georgi",
    "ioana",
    "ivan",
    "kacper",
    "katarzyna",
    "maria",
    "nikolaos",
    "oliwia",
    "piotr",
    "stefan",
    "wiktoria",
}

# Streets and places of Hagen-Altenhagen and Wehringhausen that the patterns below
# would not catch on their own (no "-straße" ending).
HAGEN_PLACES = [
    "Bodelschwinghplatz",
    "Wilhelmsplatz",
    "Lange Straße",
    "Eugen-Richter-Straße",
    "Altenhagener Brücke",
    "Volmepark",
    "Bohne",
    "Buscheystraße",
    "Minervastraße",
    "Pelmkestraße",
    "Augustastraße",
    "Bismarckstraße",
    "Lindenstraße",
    "Körnerstraße",
    "Altenhagener Straße",
    "Wehringhauser Straße",
    "Alexanderstraße",
    "Boeler Straße",
]

# Schools of Hagen by the names young people use for them.
HAGEN_SCHOOLS = [
    "Ricarda-Huch",
    "Fichte-Gymnasium",
    "Albrecht-Dürer",
    "Theodor-Heuss",
    "Christian-Rohlfs",
    "Rahel-Varnhagen",
    "Cuno-Berufskolleg",
    "Kaufmannsschule",
    "Gesamtschule Eilpe",
    "Gesamtschule Haspe",
    "Gesamtschule Fritz Steinhoff",
    "Realschule Haspe",
    "Hauptschule Remberg",
    "Grundschule Wehringhausen",
]

LETTER = r"[A-Za-zÄÖÜäöüßÀ-ÿ]"
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE = re.compile(r"(?<![\w])(?:\+\d{2}|0)[\d\s/().-]{6,}\d")
HANDLE = re.compile(
    r"(?:(?<![\w@])@[\w.]{2,30}"
    r"|\b(?:insta(?:gram)?|snap(?:chat)?|tiktok|tik tok|discord|telegram|twitter|x)\s*[:=]\s*"
    r"@?[\w.]{2,30})",
    re.IGNORECASE,
)
HOUSE_NUMBER = r"(?:\s+\d+(?:\s?[a-z]\b)?)?"
STREET_END = r"(?:(?:straße|strasse|weg|platz|allee|gasse|ring)\b|str\.)"
STREET = re.compile(
    # "Elberfelder Straße 5" (two words) or "Pelmkestraße" (one word), with a house number.
    rf"(?:\b(?-i:[A-ZÄÖÜ]){LETTER}+er\s+{STREET_END}|\b{LETTER}[\w.-]*{STREET_END}){HOUSE_NUMBER}",
    re.IGNORECASE,
)
SCHOOL = re.compile(
    rf"\b(?:{LETTER}[\w-]*(?:schule|gymnasium|kolleg)\b(?:\s+[A-ZÄÖÜ][\w-]+)?"
    rf"|(?:{'|'.join(re.escape(name) for name in HAGEN_SCHOOLS)})[\w-]*)",
)
PLACE = re.compile(
    rf"(?:{'|'.join(re.escape(place) for place in HAGEN_PLACES)}){HOUSE_NUMBER}", re.IGNORECASE
)
# Words that end like a street or a school but name no particular place.
COMMON_WORDS = {
    "spielplatz",
    "bolzplatz",
    "sportplatz",
    "parkplatz",
    "marktplatz",
    "fußballplatz",
    "fussballplatz",
    "basketballplatz",
    "radweg",
    "fußweg",
    "fussweg",
    "heimweg",
    "schulweg",
    "umweg",
    "ausweg",
    "weg",
    "grundschule",
    "hauptschule",
    "realschule",
    "gesamtschule",
    "berufsschule",
    "förderschule",
    "sekundarschule",
    "gymnasium",
    "berufskolleg",
    "fahrschule",
    "tanzschule",
    "musikschule",
    "hochschule",
    "abendschule",
}
WORD = re.compile(rf"{LETTER}+")


@dataclass(frozen=True)
class Flag:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])

    @property
    def placeholder(self) -> str:
        return f"[{PLACEHOLDERS[self.kind]}]"


LABELS = {
    "email": _("e-mail address"),
    "phone": _("phone number"),
    "handle": _("social media account"),
    "school": _("school"),
    "street": _("street or place"),
    "name": _("first name"),
}
# What the redacted text shows instead; German, as the quotes are published in German.
PLACEHOLDERS = {
    "email": "E-Mail",
    "phone": "Telefonnummer",
    "handle": "Account",
    "school": "Schule",
    "street": "Ort",
    "name": "Name",
}
# Earlier patterns win where two overlap (an e-mail address holds an "@handle").
PATTERNS = [
    ("email", EMAIL),
    ("phone", PHONE),
    ("handle", HANDLE),
    ("street", PLACE),
    ("school", SCHOOL),
    ("street", STREET),
]


def personal_details(text: str) -> list[Flag]:
    """Return the spans of `text` that look personal, in reading order, never overlapping."""
    found: list[Flag] = []

    def free(start, end):
        return all(end <= flag.start or start >= flag.end for flag in found)

    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if match.group().lower() in COMMON_WORDS:
                continue
            if free(match.start(), match.end()):
                found.append(Flag(kind, match.start(), match.end(), match.group()))
    for match in WORD.finditer(text):
        if match.group().lower() in FIRST_NAMES and free(match.start(), match.end()):
            found.append(Flag("name", match.start(), match.end(), match.group()))
    return sorted(found, key=lambda flag: flag.start)


def propose_redaction(text: str) -> str:
    """Return `text` with every personal detail replaced by a placeholder like "[Name]"."""
    redacted, position = [], 0
    for flag in personal_details(text):
        redacted += [text[position : flag.start], flag.placeholder]
        position = flag.end
    redacted.append(text[position:])
    return "".join(redacted).strip()
