"""factory_boy factories, and the three-question questionnaire of the walking skeleton."""

import datetime
import uuid

import factory
from django.test import Client
from django.utils import timezone

from demo.synthetic import DECLINED as DECLINED
from demo.synthetic import answer_rows
from surveys.models import Option, Question, Questionnaire, Wave

QUARTERS = [
    ("altenhagen", "Altenhagen"),
    ("wehringhausen", "Wehringhausen"),
    ("hagen", "Woanders in Hagen"),
    ("ausserhalb", "Außerhalb von Hagen"),
]
AGREEMENT = [
    ("1", "Stimme gar nicht zu"),
    ("2", "Eher nicht"),
    ("3", "Teils"),
    ("4", "Eher"),
    ("5", "Voll"),
]


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Questionnaire
        skip_postgeneration_save = True

    key = factory.Sequence(lambda number: f"fragebogen-{number}")
    title = "Wie geht's dir im Quartier?"

    @factory.post_generation
    def with_questions(obj, create, extracted, **kwargs):
        if extracted is False:
            return
        quarter = Question.objects.create(
            questionnaire=obj,
            key="quartier",
            sort_order=1,
            kind=Question.Kind.SINGLE_CHOICE,
            text="Wo wohnst du?",
            segment="quarter",
        )
        for position, (value, label) in enumerate(QUARTERS):
            Option.objects.create(question=quarter, sort_order=position, value=value, label=label)
        agreement = Question.objects.create(
            questionnaire=obj,
            key="wohlfuehlen",
            sort_order=2,
            kind=Question.Kind.AGREEMENT,
            text="Ich fühle mich in meinem Quartier wohl.",
        )
        for position, (value, label) in enumerate(AGREEMENT):
            Option.objects.create(
                question=agreement, sort_order=position, value=value, label=label, score=int(value)
            )
        Question.objects.create(
            questionnaire=obj,
            key="mitbestimmen",
            sort_order=3,
            kind=Question.Kind.SCALE_0_10,
            text="Wie sehr kannst du mitbestimmen?",
            is_required=False,
        )

    @factory.post_generation
    def translated(obj, create, extracted, **kwargs):
        if extracted is not False:
            translate_everywhere(obj)


def translate_everywhere(questionnaire: Questionnaire) -> Questionnaire:
    """Give every text of `questionnaire` wording in every language that lacks it.

    The made-up wording is the German with the language code after it, so a test sees
    which language it got; wording already there (standard options) is kept.
    """
    from django.conf import settings

    objects = [questionnaire, *questionnaire.pages.all()]
    for question in questionnaire.questions.all():
        objects += [question, *question.options.all()]
    for obj in objects:
        translations = dict(obj.translations or {})
        for code, _name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            worded = dict(translations.get(code, {}))
            for field in obj.translatable_fields:
                german = getattr(obj, field)
                if german and not worded.get(field):
                    worded[field] = f"{german} ({code})"
            translations[code] = worded
        type(obj).objects.filter(pk=obj.pk).update(translations=translations)
        obj.translations = translations
    return questionnaire


class WaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wave

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    slug = factory.Sequence(lambda number: f"welle-{number}")
    title = "Quartier-Check"
    label = "Herbst 2026"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = None


def runner_state(wave: Wave, *, page: int = 1, **answers) -> str:
    """Return the signed state a fresh runner form carries, with `answers` already given."""
    from surveys.forms import RunnerState
    from surveys.validation import RawAnswer

    state = RunnerState.start(wave=wave, first_page=page)
    for key, values in answers.items():
        state.answers[key] = RawAnswer(values=values if isinstance(values, list) else [values])
    return state.sign()


def answers_for(wave: Wave, *, quarter="altenhagen", feeling="4", say=None) -> dict:
    """Return runner form data for one response (the one-page walking-skeleton survey)."""
    data = {"state": runner_state(wave), "quartier": quarter, "wohlfuehlen": feeling}
    if say is not None:
        data["mitbestimmen"] = str(say)
    return data


def submit(wave: Wave, count: int = 1, **answers) -> None:
    """Store responses through the checks and the service, as the runner does."""
    from surveys.selectors import questionnaire_structure
    from surveys.services import submit_response
    from surveys.validation import RawAnswer, check

    structure = questionnaire_structure(questionnaire=wave.questionnaire)
    for _ in range(count):
        data = answers_for(wave, **answers)
        raw = {key: RawAnswer(values=[value]) for key, value in data.items() if key != "state"}
        checked = check(structure, raw)
        assert not checked.errors, checked.errors
        submit_response(
            wave=wave, answers=checked.answers, segments=checked.segments, language="de"
        )


def build_site(*, wave: Wave | None = None):
    """Create the home page, a news index with one item and a dashboard of `wave`."""
    from wagtail.models import Locale, Page, Site

    from cms.models import (
        DashboardIndexPage,
        DashboardPage,
        HomePage,
        NewsIndexPage,
        NewsPage,
        QuarterOutline,
    )

    root = Page.get_first_root_node()
    if root is None:
        # An earlier transactional test flushed the tables, migration data included.
        Locale.objects.get_or_create(language_code="de")
        # A transactional test ran before and flushed the rows Wagtail's migrations made.
        from django.conf import settings
        from wagtail.models import Locale

        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    for placeholder in root.get_children():
        placeholder.delete()
    home = root.add_child(instance=HomePage(title="Deine Stimme im Quartier", slug="home"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    news = home.add_child(
        instance=NewsIndexPage(title="Neuigkeiten", slug="news", show_in_menus=True)
    )
    news.add_child(
        instance=NewsPage(
            title="Streetwork am Bodelschwinghplatz",
            slug="streetwork",
            date=datetime.date(2026, 11, 3),
            quarter=QuarterOutline.objects.get_or_create(
                area="Hagen", code="altenhagen", defaults={"name": "Altenhagen"}
            )[0],
            intro="Das Streetwork-Team ist jetzt dienstags unterwegs.",
            body="<p>Komm vorbei!</p>",
        )
    )
    results = home.add_child(
        instance=DashboardIndexPage(title="Ergebnisse", slug="dashboards", show_in_menus=True)
    )
    dashboard = None
    if wave is not None:
        dashboard = results.add_child(
            instance=DashboardPage(
                title="Quartier-Check",
                slug="quartier-check",
                body=[
                    ("chart", {"wave": wave, "question": "wohlfuehlen", "heading": ""}),
                    ("chart", {"wave": wave, "question": "mitbestimmen", "heading": ""}),
                ],
            )
        )
    return home, dashboard


def add_question(
    questionnaire: Questionnaire, key: str, kind: str, text: str = "", *, options=None, **fields
) -> Question:
    """Add a question at the end of `questionnaire`, with `options` as (code, label) pairs."""
    position = questionnaire.questions.count() + 1
    question = Question.objects.create(
        questionnaire=questionnaire,
        key=key,
        kind=kind,
        sort_order=position,
        text=text or f"Frage {key}?",
        **fields,
    )
    for index, (value, label) in enumerate(options or []):
        Option.objects.create(
            question=question,
            sort_order=index,
            value=value,
            label=label,
            score=int(value) if value.isdigit() else None,
            asks_for_text=value == "andere",
        )
    return question


def three_page_wave(**wave_fields) -> Wave:
    """Return an open wave of a three-page questionnaire: segments, a matrix, a rule.

    Page 1 asks where you live and your age band; page 2 holds a matrix of three
    agreement rows and a multiple-choice question with "other: …"; page 3 is shown
    only to people from Wehringhausen.
    """
    from surveys.models import Kind, SurveyPage
    from surveys.services.questionnaires import complete_questionnaire

    questionnaire = QuestionnaireFactory(with_questions=False, title="Dein Quartier")
    add_question(
        questionnaire, "quartier", Kind.SINGLE_CHOICE, segment="quarter", text="Wo wohnst du?"
    )
    add_question(
        questionnaire,
        "alter",
        Kind.SINGLE_CHOICE,
        segment="age_band",
        allows_decline=True,
        text="Wie alt bist du?",
    )
    add_question(questionnaire, "gefuehl", Kind.MATRIX, page=2, text="Wie sehr stimmst du zu?")
    for number, text in enumerate(
        ["Ich weiß, an wen ich mich wenden kann.", "Ich fühle mich sicher.", "Ich bin gern hier."],
        start=1,
    ):
        add_question(questionnaire, f"gefuehl_{number}", Kind.MATRIX_ROW, page=2, text=text)
    add_question(
        questionnaire,
        "treffpunkte",
        Kind.MULTIPLE_CHOICE,
        page=2,
        text="Wo triffst du Freunde?",
        min_choices=1,
        max_choices=2,
        options=[("park", "Im Park"), ("jugendzentrum", "Im Jugendzentrum"), ("andere", "Andere")],
    )
    SurveyPage.objects.create(
        questionnaire=questionnaire,
        number=3,
        title="Wehringhausen",
        condition_question="quartier",
        condition_operator="equals",
        condition_value="wehringhausen",
    )
    add_question(questionnaire, "spielplatz", Kind.YES_NO, page=3, text="Nutzt du den Spielplatz?")
    add_question(
        questionnaire,
        "wunsch",
        Kind.LONG_TEXT,
        page=3,
        is_required=False,
        max_length=100,
        text="Was wünschst du dir?",
    )
    complete_questionnaire(questionnaire=questionnaire)
    translate_everywhere(questionnaire)
    return WaveFactory(questionnaire=questionnaire, **wave_fields)


# Analytics: responses stored straight in the database, and a questionnaire that has
# every kind of question, segment and a scored scale.

AGE_BANDS = [("10-13", "10 bis 13"), ("14-17", "14 bis 17"), ("18-21", "18 bis 21")]
GENDERS = [("w", "weiblich"), ("m", "männlich"), ("d", "divers")]
LEISURE = [("sport", "Sport"), ("musik", "Musik"), ("treff", "Jugendtreff"), ("online", "Online")]


def full_questionnaire(*, key: str = "panel", version: int = 1):
    """Create a questionnaire with segments, every answer kind and a scale with subscales."""
    from surveys.models import Scale, ScaleItem

    questionnaire = QuestionnaireFactory(key=key, version=version, with_questions=False)

    def question(qkey, kind, options=(), **extra):
        item = Question.objects.create(
            questionnaire=questionnaire,
            key=qkey,
            sort_order=Question.objects.filter(questionnaire=questionnaire).count(),
            kind=kind,
            text=f"Frage {qkey}",
            **extra,
        )
        for position, (value, label, *score) in enumerate(options):
            Option.objects.create(
                question=item,
                sort_order=position,
                value=value,
                label=label,
                score=score[0] if score else None,
            )
        return item

    kinds = Question.Kind
    question("quartier", kinds.SINGLE_CHOICE, QUARTERS, segment="quarter")
    question("alter", kinds.SINGLE_CHOICE, AGE_BANDS, segment="age_band")
    question("geschlecht", kinds.SINGLE_CHOICE, GENDERS, segment="gender", allows_decline=True)
    question("freizeit", kinds.MULTIPLE_CHOICE, LEISURE, is_required=False)
    items = [
        question(f"se{number}", kinds.AGREEMENT, [(v, label, int(v)) for v, label in AGREEMENT])
        for number in range(1, 5)
    ]
    question("mitbestimmen", kinds.SCALE_0_10, is_required=False)
    question("stunden", kinds.NUMBER, is_required=False, allows_decline=True)
    question("wunsch", kinds.SHORT_TEXT, is_required=False)
    scale = Scale.objects.create(
        questionnaire=questionnaire,
        key="selbstwirksamkeit",
        name="Selbstwirksamkeit",
        scoring=Scale.Scoring.MEAN,
        min_answered=3,
    )
    for position, item in enumerate(items):
        ScaleItem.objects.create(
            scale=scale,
            question=item,
            is_reversed=position == 3,
            subscale="handeln" if position < 2 else "zutrauen",
        )
    return questionnaire


def add_responses(wave: Wave, count: int = 1, *, answers: dict | None = None, **segments):
    """Store `count` responses with `answers` (question key → option value, list of
    values, number, text or DECLINED) straight in the database; return the last one."""
    from surveys.models import Answer, Response

    questions = {q.key: q for q in wave.questionnaire.questions.prefetch_related("options")}
    answers = dict(answers or {})
    fields = {}
    for question in questions.values():
        if question.segment and question.segment in segments:
            answers.setdefault(question.key, segments[question.segment])
    for question_key, value in answers.items():
        question = questions[question_key]
        if question.segment and isinstance(value, str):
            fields[question.segment] = value
    response = None
    for _ in range(count):
        response = Response.objects.create(
            wave=wave,
            questionnaire=wave.questionnaire,
            language="de",
            day=timezone.localdate(),
            **fields,
        )
        Answer.objects.bulk_create(answer_rows(response, questions, answers))
    return response


# Staff data tools (exports, moderation, monitor) ------------------------------


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "surveys.Response"

    wave = factory.SubFactory(WaveFactory)
    questionnaire = factory.LazyAttribute(lambda response: response.wave.questionnaire)
    language = "de"
    day = factory.LazyFunction(timezone.localdate)


def answer(response, question, value=None, *, declined=False):
    """Store one answer as the runner does: options by code, numbers, text, or declined."""
    from surveys.models import Answer

    if declined:
        return [Answer.objects.create(response=response, question=question, declined=True)]
    if question.has_options:
        codes = value if isinstance(value, list | tuple) else [value]
        return [
            Answer.objects.create(
                response=response, question=question, option=question.options.get(value=code)
            )
            for code in codes
        ]
    if question.is_free_text:
        return [Answer.objects.create(response=response, question=question, text=value)]
    return [Answer.objects.create(response=response, question=question, number=value)]


def send_answer(wave, token=None):
    """Post one answer to `wave` (the factory's questions) through the API."""
    body = {
        "id": str(token or uuid.uuid4()),
        "wave": wave.slug,
        "language": "de",
        "answers": {"quartier": "wehringhausen", "wohlfuehlen": "4"},
    }
    return Client().post("/api/v1/responses/", body, content_type="application/json")
