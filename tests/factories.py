"""factory_boy factories, and the three-question questionnaire of the walking skeleton."""

import datetime

import factory
from django.utils import timezone

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


class WaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wave

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    slug = factory.Sequence(lambda number: f"welle-{number}")
    title = "Quartier-Check"
    label = "Herbst 2026"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = None


def answers_for(wave: Wave, *, quarter="altenhagen", feeling="4", say=None) -> dict:
    """Return runner form data for one response."""
    data = {"quartier": quarter, "wohlfuehlen": feeling}
    if say is not None:
        data["mitbestimmen"] = str(say)
    return data


def submit(wave: Wave, count: int = 1, **answers) -> None:
    """Store responses through the service, as the runner does."""
    from surveys.forms import ResponseForm
    from surveys.selectors import questions_of
    from surveys.services import submit_response

    for _ in range(count):
        form = ResponseForm(answers_for(wave, **answers), questions=questions_of(wave=wave))
        assert form.is_valid(), form.errors
        submit_response(wave=wave, answers=form.cleaned_answers(), language="de")


def build_site(*, wave: Wave | None = None):
    """Create the home page, a news index with one item and a dashboard of `wave`."""
    from wagtail.models import Page, Site

    from cms.models import DashboardIndexPage, DashboardPage, HomePage, NewsIndexPage, NewsPage

    root = Page.get_first_root_node()
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
            quarter="altenhagen",
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


# Analytics: responses stored straight in the database, and a questionnaire that has
# every kind of question, segment and a scored scale.

DECLINED = object()
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
        rows = []
        for question_key, value in answers.items():
            question = questions[question_key]
            options = {option.value: option for option in question.options.all()}
            if value is DECLINED:
                rows.append(Answer(response=response, question=question, declined=True))
            elif isinstance(value, list):
                rows += [
                    Answer(response=response, question=question, option=options[v]) for v in value
                ]
            elif question.has_options:
                rows.append(Answer(response=response, question=question, option=options[value]))
            elif question.is_free_text:
                rows.append(Answer(response=response, question=question, text=value))
            else:
                rows.append(Answer(response=response, question=question, number=value))
        Answer.objects.bulk_create(rows)
    return response
