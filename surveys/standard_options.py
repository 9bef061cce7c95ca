"""Answer options every questionnaire shares, in German with their English wording.

Breakdown questions use the same codes in every questionnaire, so dashboards can put
waves side by side. Each entry is (code, German label, English label, score).
"""

from surveys.models import Question, Segment

QUARTER = [
    ("altenhagen", "Altenhagen", "Altenhagen", None),
    ("wehringhausen", "Wehringhausen", "Wehringhausen", None),
    ("hagen", "Woanders in Hagen", "Elsewhere in Hagen", None),
    ("ausserhalb", "Außerhalb von Hagen", "Outside Hagen", None),
]
AGE_BAND = [
    ("10-13", "10 bis 13 Jahre", "10 to 13 years", None),
    ("14-17", "14 bis 17 Jahre", "14 to 17 years", None),
    ("18-21", "18 bis 21 Jahre", "18 to 21 years", None),
    ("22-27", "22 bis 27 Jahre", "22 to 27 years", None),
]
# "Prefer not to say" is the question's own decline choice, counted apart.
GENDER = [
    ("weiblich", "Mädchen / Frau", "Girl / woman", None),
    ("maennlich", "Junge / Mann", "Boy / man", None),
    ("divers", "Divers / nicht-binär", "Diverse / non-binary", None),
    ("selbst", "Ich beschreibe mich selbst: …", "I describe myself: …", None),
]
HOME_LANGUAGE = [
    ("deutsch", "Deutsch", "German", None),
    ("tuerkisch", "Türkisch", "Turkish", None),
    ("arabisch", "Arabisch", "Arabic", None),
    ("bulgarisch", "Bulgarisch", "Bulgarian", None),
    ("rumaenisch", "Rumänisch", "Romanian", None),
    ("polnisch", "Polnisch", "Polish", None),
    ("ukrainisch", "Ukrainisch", "Ukrainian", None),
    ("russisch", "Russisch", "Russian", None),
    ("andere", "Eine andere Sprache: …", "Another language: …", None),
]
AGREEMENT = [
    ("1", "Stimme gar nicht zu", "Strongly disagree", 1),
    ("2", "Stimme eher nicht zu", "Disagree", 2),
    ("3", "Teils, teils", "Partly", 3),
    ("4", "Stimme eher zu", "Agree", 4),
    ("5", "Stimme voll zu", "Strongly agree", 5),
]
YES_NO = [
    ("ja", "Ja", "Yes", 1),
    ("nein", "Nein", "No", 0),
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
