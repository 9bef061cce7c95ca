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
    if root is None:
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


# Staff data tools (exports, moderation, monitor) ------------------------------


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "surveys.Response"

    wave = factory.SubFactory(WaveFactory)
    questionnaire = factory.LazyAttribute(lambda response: response.wave.questionnaire)
    language = "de"
    day = factory.LazyFunction(timezone.localdate)


def add_question(questionnaire, key, kind, text="Frage", *, options=(), **fields) -> Question:
    """Add a question (with `options` as (value, label) pairs) at the end of a questionnaire."""
    position = questionnaire.questions.count() + 1
    question = Question.objects.create(
        questionnaire=questionnaire, key=key, kind=kind, text=text, sort_order=position, **fields
    )
    for order, (value, label) in enumerate(options):
        Option.objects.create(question=question, sort_order=order, value=value, label=label)
    return question


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
