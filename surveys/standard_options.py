"""Answer options every questionnaire shares, with their wording in every site language.

Breakdown questions use the same codes in every questionnaire, so dashboards can put
waves side by side. Each entry is (code, {language: label}, score); "de" is the
original. The wording other than German and English is machine-made and still needs
review by native speakers (the admin lets staff correct it per questionnaire).
"""

from surveys.models import Question, Segment


def _labels(de, en, ls, tr, ar, ro, bg, pl, uk) -> dict[str, str]:
    return {
        "de": de,
        "en": en,
        "de-x-ls": ls,
        "tr": tr,
        "ar": ar,
        "ro": ro,
        "bg": bg,
        "pl": pl,
        "uk": uk,
    }


QUARTER = [
    (
        "altenhagen",
        _labels(
            "Altenhagen",
            "Altenhagen",
            "Altenhagen",
            "Altenhagen",
            "ألتنهاغن",
            "Altenhagen",
            "Алтенхаген",
            "Altenhagen",
            "Альтенгаген",
        ),
        None,
    ),
    (
        "wehringhausen",
        _labels(
            "Wehringhausen",
            "Wehringhausen",
            "Wehringhausen",
            "Wehringhausen",
            "فيرينغهاوزن",
            "Wehringhausen",
            "Веринхаузен",
            "Wehringhausen",
            "Верінггаузен",
        ),
        None,
    ),
    (
        "hagen",
        _labels(
            "Woanders in Hagen",
            "Elsewhere in Hagen",
            "Woanders in Hagen",
            "Hagen'de başka bir yerde",
            "في مكان آخر في هاغن",
            "În altă parte în Hagen",
            "На друго място в Хаген",
            "Gdzie indziej w Hagen",
            "В іншому місці в Гагені",
        ),
        None,
    ),
    (
        "ausserhalb",
        _labels(
            "Außerhalb von Hagen",
            "Outside Hagen",
            "Nicht in Hagen",
            "Hagen dışında",
            "خارج هاغن",
            "În afara orașului Hagen",
            "Извън Хаген",
            "Poza Hagen",
            "За межами Гагена",
        ),
        None,
    ),
]
AGE_BAND = [
    (
        "10-13",
        _labels(
            "10 bis 13 Jahre",
            "10 to 13 years",
            "10 bis 13 Jahre",
            "10 ile 13 yaş arası",
            "من 10 إلى 13 سنة",
            "Între 10 și 13 ani",
            "От 10 до 13 години",
            "Od 10 do 13 lat",
            "Від 10 до 13 років",
        ),
        None,
    ),
    (
        "14-17",
        _labels(
            "14 bis 17 Jahre",
            "14 to 17 years",
            "14 bis 17 Jahre",
            "14 ile 17 yaş arası",
            "من 14 إلى 17 سنة",
            "Între 14 și 17 ani",
            "От 14 до 17 години",
            "Od 14 do 17 lat",
            "Від 14 до 17 років",
        ),
        None,
    ),
    (
        "18-21",
        _labels(
            "18 bis 21 Jahre",
            "18 to 21 years",
            "18 bis 21 Jahre",
            "18 ile 21 yaş arası",
            "من 18 إلى 21 سنة",
            "Între 18 și 21 de ani",
            "От 18 до 21 години",
            "Od 18 do 21 lat",
            "Від 18 до 21 року",
        ),
        None,
    ),
    (
        "22-27",
        _labels(
            "22 bis 27 Jahre",
            "22 to 27 years",
            "22 bis 27 Jahre",
            "22 ile 27 yaş arası",
            "من 22 إلى 27 سنة",
            "Între 22 și 27 de ani",
            "От 22 до 27 години",
            "Od 22 do 27 lat",
            "Від 22 до 27 років",
        ),
        None,
    ),
]
# "Prefer not to say" is the question's own decline choice, counted apart.
GENDER = [
    (
        "weiblich",
        _labels(
            "Mädchen / Frau",
            "Girl / woman",
            "Mädchen / Frau",
            "Kız / kadın",
            "فتاة / امرأة",
            "Fată / femeie",
            "Момиче / жена",
            "Dziewczyna / kobieta",
            "Дівчина / жінка",
        ),
        None,
    ),
    (
        "maennlich",
        _labels(
            "Junge / Mann",
            "Boy / man",
            "Junge / Mann",
            "Erkek çocuk / erkek",
            "فتى / رجل",
            "Băiat / bărbat",
            "Момче / мъж",
            "Chłopak / mężczyzna",
            "Хлопець / чоловік",
        ),
        None,
    ),
    (
        "divers",
        _labels(
            "Divers / nicht-binär",
            "Diverse / non-binary",
            "Divers: nicht Mädchen und nicht Junge",
            "Diğer / ikili olmayan (non-binary)",
            "متنوع / غير ثنائي الجنس",
            "Divers / non-binar",
            "Друго / небинарна личност",
            "Inna / osoba niebinarna",
            "Інша / небінарна особа",
        ),
        None,
    ),
    (
        "selbst",
        _labels(
            "Ich beschreibe mich selbst: …",
            "I describe myself: …",
            "Ich sage es mit meinen Worten: …",
            "Kendimi kendi sözlerimle tanımlıyorum: …",
            "أصف نفسي بكلماتي: …",
            "Mă descriu cu cuvintele mele: …",
            "Описвам се с мои думи: …",
            "Opiszę siebie własnymi słowami: …",
            "Опишу себе своїми словами: …",
        ),
        None,
    ),
]
HOME_LANGUAGE = [
    (
        "deutsch",
        _labels(
            "Deutsch",
            "German",
            "Deutsch",
            "Almanca",
            "الألمانية",
            "Germană",
            "Немски",
            "Niemiecki",
            "Німецька",
        ),
        None,
    ),
    (
        "tuerkisch",
        _labels(
            "Türkisch",
            "Turkish",
            "Türkisch",
            "Türkçe",
            "التركية",
            "Turcă",
            "Турски",
            "Turecki",
            "Турецька",
        ),
        None,
    ),
    (
        "arabisch",
        _labels(
            "Arabisch",
            "Arabic",
            "Arabisch",
            "Arapça",
            "العربية",
            "Arabă",
            "Арабски",
            "Arabski",
            "Арабська",
        ),
        None,
    ),
    (
        "bulgarisch",
        _labels(
            "Bulgarisch",
            "Bulgarian",
            "Bulgarisch",
            "Bulgarca",
            "البلغارية",
            "Bulgară",
            "Български",
            "Bułgarski",
            "Болгарська",
        ),
        None,
    ),
    (
        "rumaenisch",
        _labels(
            "Rumänisch",
            "Romanian",
            "Rumänisch",
            "Rumence",
            "الرومانية",
            "Română",
            "Румънски",
            "Rumuński",
            "Румунська",
        ),
        None,
    ),
    (
        "polnisch",
        _labels(
            "Polnisch",
            "Polish",
            "Polnisch",
            "Lehçe",
            "البولندية",
            "Poloneză",
            "Полски",
            "Polski",
            "Польська",
        ),
        None,
    ),
    (
        "ukrainisch",
        _labels(
            "Ukrainisch",
            "Ukrainian",
            "Ukrainisch",
            "Ukraynaca",
            "الأوكرانية",
            "Ucraineană",
            "Украински",
            "Ukraiński",
            "Українська",
        ),
        None,
    ),
    (
        "russisch",
        _labels(
            "Russisch",
            "Russian",
            "Russisch",
            "Rusça",
            "الروسية",
            "Rusă",
            "Руски",
            "Rosyjski",
            "Російська",
        ),
        None,
    ),
    (
        "andere",
        _labels(
            "Eine andere Sprache: …",
            "Another language: …",
            "Eine andere Sprache: …",
            "Başka bir dil: …",
            "لغة أخرى: …",
            "Altă limbă: …",
            "Друг език: …",
            "Inny język: …",
            "Інша мова: …",
        ),
        None,
    ),
]
# 1 = strongly disagree … 5 = strongly agree in every language: the order and the
# meaning of each point must stay the same, or answers in two languages do not compare.
AGREEMENT = [
    (
        "1",
        _labels(
            "Stimme gar nicht zu",
            "Strongly disagree",
            "Stimmt gar nicht",
            "Hiç katılmıyorum",
            "لا أوافق إطلاقًا",
            "Nu sunt deloc de acord",
            "Изобщо не съм съгласен/на",
            "Zupełnie się nie zgadzam",
            "Зовсім не погоджуюся",
        ),
        1,
    ),
    (
        "2",
        _labels(
            "Stimme eher nicht zu",
            "Disagree",
            "Stimmt eher nicht",
            "Pek katılmıyorum",
            "لا أوافق إلى حدٍّ ما",
            "Mai degrabă nu sunt de acord",
            "По-скоро не съм съгласен/на",
            "Raczej się nie zgadzam",
            "Скоріше не погоджуюся",
        ),
        2,
    ),
    (
        "3",
        _labels(
            "Teils, teils",
            "Partly",
            "Stimmt zum Teil",
            "Kısmen",
            "جزئيًا",
            "Parțial",
            "Отчасти",
            "Częściowo",
            "Частково",
        ),
        3,
    ),
    (
        "4",
        _labels(
            "Stimme eher zu",
            "Agree",
            "Stimmt eher",
            "Çoğunlukla katılıyorum",
            "أوافق إلى حدٍّ ما",
            "Mai degrabă sunt de acord",
            "По-скоро съм съгласен/на",
            "Raczej się zgadzam",
            "Скоріше погоджуюся",
        ),
        4,
    ),
    (
        "5",
        _labels(
            "Stimme voll zu",
            "Strongly agree",
            "Stimmt genau",
            "Tamamen katılıyorum",
            "أوافق تمامًا",
            "Sunt total de acord",
            "Напълно съм съгласен/на",
            "Całkowicie się zgadzam",
            "Повністю погоджуюся",
        ),
        5,
    ),
]
YES_NO = [
    ("ja", _labels("Ja", "Yes", "Ja", "Evet", "نعم", "Da", "Да", "Tak", "Так"), 1),
    ("nein", _labels("Nein", "No", "Nein", "Hayır", "لا", "Nu", "Не", "Nie", "Ні"), 0),
]
# Codes whose option opens a text box ("self-described", "another language").
ASKS_FOR_TEXT = {"selbst", "andere"}

BY_SEGMENT = {
    Segment.QUARTER: QUARTER,
    Segment.AGE_BAND: AGE_BAND,
    Segment.GENDER: GENDER,
    Segment.HOME_LANGUAGE: HOME_LANGUAGE,
}
BY_KIND = {Question.Kind.AGREEMENT: AGREEMENT, Question.Kind.YES_NO: YES_NO}


def standard_options_for(question: Question) -> list[tuple]:
    """Return the standard options of a question, or [] when it has none."""
    if question.segment in BY_SEGMENT:
        return BY_SEGMENT[question.segment]
    return BY_KIND.get(question.kind, [])


def label_translations(labels: dict[str, str]) -> dict[str, dict[str, str]]:
    """Return an option's `translations` from its labels (every language but German)."""
    return {language: {"label": text} for language, text in labels.items() if language != "de"}
