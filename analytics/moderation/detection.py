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
    "jonah",
    "lars",
    "luisa",
    "marlon",
    "mila",
    "nina",
    "ole",
    "pia",
    "sophia",
    "tobias",
    "yannick",
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
    "fatma",
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
    "ayaz",
    "berkay",
    "büşra",
    "busra",
    "cem",
    "ecrin",
    "ela",
    "eymen",
    "furkan",
    "irem",
    "kübra",
    "ömer",
    "omer",
    "selin",
    "serkan",
    "tuana",
    "yağmur",
    "yigit",
    "yiğit",
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
    "abdullah",
    "bilal",
    "hassan",
    "jamal",
    "malak",
    "rania",
    "salma",
    "tarek",
    "zainab",
    # Arabic script, as names are written in Arabic answers
    "محمد",
    "أحمد",
    "احمد",
    "علي",
    "عمر",
    "يوسف",
    "خالد",
    "حسن",
    "حسين",
    "إبراهيم",
    "ابراهيم",
    "كريم",
    "رامي",
    "حمزة",
    "مصطفى",
    "أمير",
    "بلال",
    "طارق",
    "فاطمة",
    "مريم",
    "ليلى",
    "ليلي",
    "نور",
    "سارة",
    "ياسمين",
    "آية",
    "زينب",
    "عائشة",
    "رانيا",
    "سلمى",
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

# Latin letters with the accents of German, Turkish, Polish, Romanian ("ı", "ş", "ł", "ț").
LETTER = r"[A-Za-zÄÖÜäöüßÀ-ÿĀ-ſȘ-ț]"
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE = re.compile(r"(?<![\w])(?:\+\d{2}|0)[\d\s/().-]{6,}\d")
HANDLE = re.compile(
    r"(?:(?<![\w@])@[\w.]{2,30}"
    r"|\b(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tiktok|tik tok|discord|telegram|twitter|x)"
    r"\s*[:=]\s*@?[\w.]{2,30}"
    # A word with an underscore is almost always an account ("lena_k08").
    r"|(?<![\w@])[A-Za-z][\w.]*_[\w.]*[A-Za-z0-9])",
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
# "58089 Hagen": a German postcode with its town is an address.
POSTCODE = re.compile(r"\b\d{5}\s+[A-ZÄÖÜ][\w-]+")
# Arabic answers name streets and schools with a word before the name: "شارع", "مدرسة".
ARABIC_PLACE = re.compile(r"(?:شارع|ساحة)\s+\S+(?:\s+\d+)?")
ARABIC_SCHOOL = re.compile(r"(?:مدرسة|ثانوية)\s+\S+")
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
ARABIC_LETTER = r"[\u0621-\u064A\u0671-\u06D3]"
WORD = re.compile(rf"(?:{LETTER}|{ARABIC_LETTER})+")
# Arabic joins "and" (و) and a few prepositions to the next word: "وأحمد", "لمحمد".
ARABIC_PREFIXES = ("و", "ب", "ل", "ك", "مع")
# Words that may follow a first name without being a surname (checked in lower case).
NOT_SURNAMES = {
    # German
    *[
        "aber",
        "als",
        "am",
        "an",
        "auch",
        "auf",
        "aus",
        "bei",
        "bin",
        "bis",
        "da",
        "dann",
        "das",
        "dass",
        "dem",
        "den",
        "der",
        "des",
        "die",
        "doch",
        "du",
        "ein",
        "eine",
        "einen",
        "er",
        "es",
        "fand",
        "findet",
        "geht",
        "gesagt",
        "gehen",
        "hat",
        "hatte",
        "haben",
        "ich",
        "ihr",
        "im",
        "in",
        "ist",
        "ja",
        "kam",
        "kann",
        "kommt",
        "macht",
        "machen",
        "kommen",
        "spielen",
        "finden",
        "sagen",
        "fragen",
        "helfen",
        "hilft",
        "mag",
        "meint",
        "mit",
        "nach",
        "nicht",
        "noch",
        "nur",
        "oder",
        "ohne",
        "sagt",
        "schon",
        "sein",
        "sich",
        "sie",
        "sind",
        "so",
        "spielt",
        "und",
        "uns",
        "vom",
        "von",
        "war",
        "waren",
        "was",
        "weil",
        "wenn",
        "wie",
        "will",
        "wir",
        "wollen",
        "wohnt",
        "zu",
        "zum",
        "zur",
    ],
    # Turkish
    *[
        "abi",
        "abla",
        "ama",
        "bana",
        "beni",
        "bir",
        "bize",
        "bu",
        "da",
        "de",
        "diye",
        "gibi",
        "hem",
        "hep",
        "ile",
        "için",
        "ise",
        "kardeşim",
        "ki",
        "ve",
        "veya",
        "ya",
        "çok",
        "şey",
    ],
    # English
    *[
        "and",
        "at",
        "but",
        "from",
        "has",
        "he",
        "in",
        "is",
        "of",
        "or",
        "said",
        "she",
        "the",
        "to",
        "was",
        "with",
    ],
    # Arabic
    *[
        "و",
        "في",
        "من",
        "على",
        "مع",
        "إلى",
        "الى",
        "عن",
        "هو",
        "هي",
        "كان",
        "قال",
        "أن",
        "ان",
        "لا",
        "ما",
    ],
}
# Words that stand before a surname.
TITLES = {"frau", "herr", "herrn", "hoca", "hocam", "öğretmen", "lehrer", "lehrerin"}
PLACEHOLDER = re.compile(r"\[[^\]\s]{2,20}\]")


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
    "surname": _("possible surname"),
    "listed": _("name on the staff's list"),
    "beside": _("word beside a redaction"),
}
# What the redacted text shows instead; German, as the quotes are published in German.
PLACEHOLDERS = {
    "email": "E-Mail",
    "phone": "Telefonnummer",
    "handle": "Account",
    "school": "Schule",
    "street": "Ort",
    "name": "Name",
    "surname": "Name",
    "listed": "Name",
    "beside": "Name",
}
# Earlier patterns win where two overlap (an e-mail address holds an "@handle").
PATTERNS = [
    ("email", EMAIL),
    ("phone", PHONE),
    ("handle", HANDLE),
    ("street", POSTCODE),
    ("street", PLACE),
    ("street", ARABIC_PLACE),
    ("school", ARABIC_SCHOOL),
    ("school", SCHOOL),
    ("street", STREET),
]


def _is_first_name(word: str) -> bool:
    word = word.lower()
    if word in FIRST_NAMES:
        return True
    return any(
        word.startswith(prefix) and word[len(prefix) :] in FIRST_NAMES
        for prefix in ARABIC_PREFIXES
        if len(word) > len(prefix) + 1
    )


def _is_arabic(word: str) -> bool:
    return bool(re.match(ARABIC_LETTER, word))


def _could_be_surname(word: str) -> bool:
    """Return whether a word right after a first name may be a family name."""
    if word.lower() in NOT_SURNAMES or word.lower() in COMMON_WORDS or len(word) < 2:
        return False
    if _is_arabic(word):
        # Arabic has no capitals; family names mostly carry the article ("الحسن").
        return word.startswith("ال")
    return word[0].isupper() or word.isalpha()


def _listed_names_pattern(names) -> re.Pattern | None:
    names = sorted({name.strip() for name in names if name.strip()}, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def personal_details(text: str, *, names=()) -> list[Flag]:
    """Return the spans of `text` that look personal, in reading order, never overlapping.

    `names` are the names the staff keep on their list (whole words, any case). Besides
    the patterns, a word right after a first name ("Lena Schmidt"), a capitalised word
    beside a placeholder ("[Name] Schmidt") or after "Frau"/"Herr" is flagged, since a
    surname alone can identify a young person as well as a first name.
    """
    found: list[Flag] = []

    def free(start, end):
        return all(end <= flag.start or start >= flag.end for flag in found)

    def add(kind, start, end):
        if free(start, end):
            found.append(Flag(kind, start, end, text[start:end]))

    listed = _listed_names_pattern(names)
    if listed is not None:
        for match in listed.finditer(text):
            add("listed", match.start(), match.end())
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if match.group().lower() in COMMON_WORDS:
                continue
            add(kind, match.start(), match.end())
    words = list(WORD.finditer(text))
    for match in words:
        if _is_first_name(match.group()):
            add("name", match.start(), match.end())
    # A second pass, so a surname after a name found above is seen.
    # A name from the staff's list may already hold the surname ("Herr Quast").
    name_ends = {
        flag.end
        for flag in found
        if flag.kind == "name" or (flag.kind == "listed" and " " not in flag.text)
    }
    title_ends = {word.end() for word in words if word.group().lower() in TITLES}
    placeholder_ends = {match.end() for match in PLACEHOLDER.finditer(text)}
    placeholder_starts = {match.start() for match in PLACEHOLDER.finditer(text)}
    for position, match in enumerate(words):
        word = match.group()
        gap_before = text[: match.start()]
        after = next(
            (end for end in name_ends | title_ends | placeholder_ends if gap_before[end:] == " "),
            None,
        )
        if after is not None and after in name_ends | title_ends and _could_be_surname(word):
            add("surname", match.start(), match.end())
        elif (
            after is not None
            and word[0].isupper()
            and word.lower() not in NOT_SURNAMES
            or (
                text[match.end() : match.end() + 1] == " "
                and match.end() + 1 in placeholder_starts
                and word[0].isupper()
                and position > 0
                and word.lower() not in NOT_SURNAMES | TITLES
                and not re.search(r"[.!?:]\s*$", gap_before)
            )
        ):
            add("beside", match.start(), match.end())
    return sorted(found, key=lambda flag: flag.start)


def propose_redaction(text: str, *, names=()) -> str:
    """Return `text` with every personal detail replaced by a placeholder like "[Name]".

    Redacting can reveal more (a surname beside a new "[Name]"), so it repeats until
    nothing more is found; a name and its surname become one "[Name]".
    """
    for _round in range(5):
        flags = personal_details(text, names=names)
        if not flags:
            break
        redacted, position = [], 0
        for flag in flags:
            gap = text[position : flag.start]
            if ("".join(redacted) + gap).endswith(f"{flag.placeholder} "):
                redacted.append(gap[:-1])
            else:
                redacted += [gap, flag.placeholder]
            position = flag.end
        redacted.append(text[position:])
        text = "".join(redacted).strip()
    return text


def redact_spans(text: str, flags: list[Flag]) -> str:
    """Return `text` with the given flagged spans replaced by their placeholders."""
    redacted, position = [], 0
    for flag in sorted(flags, key=lambda flag: flag.start):
        redacted += [text[position : flag.start], flag.placeholder]
        position = flag.end
    redacted.append(text[position:])
    return "".join(redacted).strip()
