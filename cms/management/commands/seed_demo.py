"""Load demo content: quarters' news, a survey with two waves, synthetic answers, dashboards."""

import datetime
import random
from html import escape

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page, Site

from analytics.services import refresh_snapshot, stale_waves
from cms import demo_content, demo_images
from cms.models import (
    ContactPage,
    DashboardIndexPage,
    DashboardPage,
    FeedbackFormPage,
    HomePage,
    MentorSignUpPage,
    NewsIndexPage,
    NewsPage,
    OrganisationPage,
    StandardPage,
)
from surveys.models import Answer, Option, Question, Questionnaire, Response, Wave

QUARTERS = [
    ("altenhagen", "Altenhagen"),
    ("wehringhausen", "Wehringhausen"),
    ("hagen", "Woanders in Hagen"),
    ("ausserhalb", "Außerhalb von Hagen"),
]
AGREEMENT = [
    ("1", "Stimme gar nicht zu", 1),
    ("2", "Stimme eher nicht zu", 2),
    ("3", "Teils, teils", 3),
    ("4", "Stimme eher zu", 4),
    ("5", "Stimme voll zu", 5),
]
NEWS_QUARTERS = {"Altenhagen": "altenhagen", "Wehringhausen": "wehringhausen", "beide": "both"}
# Caritas Hagen works in Altenhagen, Diakonie Mark-Ruhr in Wehringhausen.
NEWS_COLLECTIONS = {"Altenhagen": "Caritas Hagen", "Wehringhausen": "Diakonie Mark-Ruhr"}


def _aware(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 0, 0))


class Command(BaseCommand):
    help = "Load demo content. Running it again changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        home = self._home_page()
        self._news(home)
        questionnaire = self._questionnaire()
        spring, autumn = self._waves(questionnaire)
        # Synthetic answers (marked as such on the dashboards): spring lower, autumn higher.
        self._responses(spring, count=240, lift=0.0, seed=2026_03)
        self._responses(autumn, count=180, lift=0.6, seed=2026_10)
        for wave in stale_waves():
            refresh_snapshot(wave=wave)
        self._dashboards(home, spring, autumn)
        self._site_pages(home)
        self._translations(home)
        self._organisation_permissions()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))

    def _home_page(self) -> HomePage:
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's installer leaves a placeholder "Welcome" page; the home page replaces it.
        for placeholder in root.get_children().exact_type(Page):
            if not placeholder.get_children().exists():
                placeholder.delete()  # Its Site goes with it and is made anew below.
        home = root.add_child(
            instance=HomePage(
                title="Deine Stimme im Quartier", slug="home", intro=demo_content.HOME_INTRO
            )
        )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": "PaRT Hagen",
            },
        )
        return home

    def _news(self, home: HomePage) -> None:
        index = NewsIndexPage.objects.first()
        if index is None:
            index = home.add_child(
                instance=NewsIndexPage(
                    title="Neuigkeiten",
                    slug="news",
                    intro=demo_content.NEWS_INDEX_INTRO,
                    show_in_menus=True,
                )
            )
        for item in demo_content.NEWS:
            if NewsPage.objects.filter(slug=item["slug"]).exists():
                continue
            body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in item["body"])
            alt_text = demo_content.NEWS_IMAGES.get(item["slug"], "")
            news = NewsPage(
                title=item["title"],
                slug=item["slug"],
                date=datetime.date.fromisoformat(item["date"]),
                quarter=NEWS_QUARTERS[item["quarter"]],
                intro=item["intro"],
                body=body,
                image=demo_images.illustration(
                    item["slug"],
                    title=alt_text,
                    # Each organisation's media sit in its own collection.
                    collection_name=NEWS_COLLECTIONS.get(item["quarter"], ""),
                )
                if alt_text
                else None,
                image_alt=alt_text,
            )
            news.topics.add(*demo_content.NEWS_TOPICS.get(item["slug"], []))
            index.add_child(instance=news)

    def _questionnaire(self) -> Questionnaire:
        questionnaire, created = Questionnaire.objects.get_or_create(
            key="quartier-check",
            version=1,
            defaults={
                "title": "Wie geht's dir im Quartier?",
                "intro": (
                    "Drei kurze Fragen zu dir und deinem Quartier. Das dauert etwa eine Minute."
                ),
            },
        )
        if not created:
            return questionnaire
        quarter = Question.objects.create(
            questionnaire=questionnaire,
            key="quartier",
            sort_order=1,
            kind=Question.Kind.SINGLE_CHOICE,
            text="Wo wohnst du?",
            segment="quarter",
        )
        Option.objects.bulk_create(
            Option(question=quarter, sort_order=i, value=value, label=label)
            for i, (value, label) in enumerate(QUARTERS)
        )
        belonging = Question.objects.create(
            questionnaire=questionnaire,
            key="wohlfuehlen",
            sort_order=2,
            kind=Question.Kind.AGREEMENT,
            text="Ich fühle mich in meinem Quartier wohl.",
        )
        Option.objects.bulk_create(
            Option(question=belonging, sort_order=i, value=value, label=label, score=score)
            for i, (value, label, score) in enumerate(AGREEMENT)
        )
        Question.objects.create(
            questionnaire=questionnaire,
            key="mitbestimmen",
            sort_order=3,
            kind=Question.Kind.SCALE_0_10,
            text="Wie sehr kannst du in deinem Quartier mitbestimmen?",
            help_text="0 heißt gar nicht, 10 heißt sehr viel.",
        )
        return questionnaire

    def _waves(self, questionnaire):
        spring, _ = Wave.objects.get_or_create(
            slug="quartier-check-fruehjahr-2026",
            defaults={
                "questionnaire": questionnaire,
                "title": "Quartier-Check",
                "label": "Frühjahr 2026",
                "opens_at": _aware(2026, 3, 1),
                "closes_at": _aware(2026, 5, 1),
                "results_policy": Wave.ResultsPolicy.AFTER_CLOSE,
            },
        )
        autumn, _ = Wave.objects.get_or_create(
            slug="quartier-check",
            defaults={
                "questionnaire": questionnaire,
                "title": "Quartier-Check",
                "label": "Herbst 2026",
                "opens_at": _aware(2026, 10, 1),
                "closes_at": None,
                "results_policy": Wave.ResultsPolicy.LIVE,
            },
        )
        return spring, autumn

    def _responses(self, wave: Wave, *, count: int, lift: float, seed: int) -> None:
        if wave.responses.exists():
            return
        rng = random.Random(seed)  # Fixed seed: the demo looks the same on every machine.
        questions = {q.key: q for q in wave.questionnaire.questions.prefetch_related("options")}
        quarter_options = list(questions["quartier"].options.all())
        agreement_options = list(questions["wohlfuehlen"].options.all())
        start = wave.opens_at.date()
        responses = []
        for _index in range(count):
            quarter = rng.choices(quarter_options, weights=[46, 40, 10, 4])[0]
            responses.append(
                Response(
                    wave=wave,
                    questionnaire=wave.questionnaire,
                    language=rng.choices(["de", "en"], weights=[85, 15])[0],
                    day=start + datetime.timedelta(days=rng.randrange(45)),
                    quarter=quarter.value,
                )
            )
        Response.objects.bulk_create(responses)
        answers = []
        for response in wave.responses.all():
            quarter = next(o for o in quarter_options if o.value == response.quarter)
            answers.append(
                Answer(response=response, question=questions["quartier"], option=quarter)
            )
            feeling = min(5, max(1, round(rng.gauss(3.1 + lift, 1.0))))
            answers.append(
                Answer(
                    response=response,
                    question=questions["wohlfuehlen"],
                    option=agreement_options[feeling - 1],
                )
            )
            if rng.random() < 0.93:  # Some skip the optional-feeling last question.
                say = min(10, max(0, round(rng.gauss(4.2 + 2 * lift, 2.2))))
                answers.append(
                    Answer(response=response, question=questions["mitbestimmen"], number=say)
                )
        Answer.objects.bulk_create(answers, batch_size=500)

    def _dashboards(self, home, spring, autumn) -> None:
        index = DashboardIndexPage.objects.first()
        if index is None:
            index = home.add_child(
                instance=DashboardIndexPage(
                    title="Ergebnisse",
                    slug="dashboards",
                    intro=demo_content.DASHBOARD_INTRO,
                    show_in_menus=True,
                )
            )
        for wave, slug in (
            (autumn, "quartier-check-herbst-2026"),
            (spring, "quartier-check-fruehjahr-2026"),
        ):
            if DashboardPage.objects.filter(slug=slug).exists():
                continue
            index.add_child(
                instance=DashboardPage(
                    title=f"Quartier-Check {wave.label}",
                    slug=slug,
                    intro=(
                        "Was junge Menschen aus Altenhagen und Wehringhausen geantwortet haben. "
                        "Vorführdaten: Die Antworten auf dieser Demo-Seite sind erfunden."
                    ),
                    body=[
                        ("key_figures", {"wave": wave, "heading": ""}),
                        ("chart", {"wave": wave, "question": "wohlfuehlen", "heading": ""}),
                        ("chart", {"wave": wave, "question": "mitbestimmen", "heading": ""}),
                        (
                            "chart",
                            {
                                "wave": wave,
                                "question": "quartier",
                                "heading": "Wer hat mitgemacht?",
                            },
                        ),
                        ("quote", {"wave": wave, "question": "", "heading": ""}),
                    ],
                )
            )

    def _site_pages(self, home: HomePage) -> None:
        if ContactPage.objects.exists():
            return
        contact = demo_content.CONTACT
        home.add_child(
            instance=ContactPage(
                title=contact["title"],
                slug=contact["slug"],
                intro=contact["intro"],
                phone=contact["phone"],
                phone_hours=contact["phone_hours"],
                messenger=contact["messenger"],
                window_consultation=contact["window_consultation"],
                offices=[("office", office) for office in contact["offices"]],
                show_in_menus=True,
            )
        )
        about = home.add_child(
            instance=StandardPage(
                title=demo_content.ABOUT["title"],
                slug=demo_content.ABOUT["slug"],
                intro=demo_content.ABOUT["intro"],
                body=demo_content.ABOUT["body"],
                show_in_menus=True,
            )
        )
        for organisation in demo_content.ORGANISATIONS:
            about.add_child(
                instance=OrganisationPage(
                    title=organisation["title"],
                    slug=organisation["slug"],
                    intro=organisation["intro"],
                    address=organisation["address"],
                    office_hours=organisation["office_hours"],
                    phone=organisation["phone"],
                    email=organisation["email"],
                    body=organisation["body"],
                    show_in_menus=True,
                )
            )
        self._form_page(about, MentorSignUpPage, demo_content.MENTOR_FORM, retention_days=180)
        accessibility = None
        for legal in demo_content.LEGAL_PAGES:
            page = home.add_child(
                instance=StandardPage(
                    title=legal["title"],
                    slug=legal["slug"],
                    intro=legal["intro"],
                    body=legal["body"],
                    show_in_footer=True,
                )
            )
            if legal["slug"] == "barrierefreiheit":
                accessibility = page
        self._form_page(
            accessibility, FeedbackFormPage, demo_content.FEEDBACK_FORM, retention_days=90
        )

    def _form_page(self, parent, model, content, *, retention_days):
        page = model(
            title=content["title"],
            slug=content["slug"],
            intro=content["intro"],
            consent_text=content["consent_text"],
            thank_you_text=content["thank_you_text"],
            retention_days=retention_days,
            to_address="projektleitung@example.invalid",
            from_address="noreply@example.invalid",
            subject=f"Neuer Eintrag: {content['title']}",
            show_in_menus=True,
        )
        for position, (label, field_type, required, help_text) in enumerate(content["fields"]):
            page.form_fields.add(
                page.form_fields.model(
                    sort_order=position,
                    label=label,
                    field_type=field_type,
                    required=required,
                    help_text=help_text,
                )
            )
        parent.add_child(instance=page)

    def _translations(self, home: HomePage) -> None:
        """Translate the home page; every other page starts as an alias of the German one."""
        for locale in Locale.objects.exclude(pk=home.locale_id):
            if not home.has_translation(locale):
                title, intro = demo_content.HOME_TRANSLATIONS.get(
                    locale.language_code, (home.title, home.intro)
                )
                translation = home.copy_for_translation(locale)
                translation.title, translation.intro = title, intro
                translation.save_revision().publish()
            for page in home.get_descendants().filter(locale=home.locale).live().order_by("path"):
                if not page.has_translation(locale):
                    page.copy_for_translation(locale, copy_parents=True, alias=True)

    def _organisation_permissions(self) -> None:
        """Let each organisation's group edit its own page (every language) and below."""
        for organisation in demo_content.ORGANISATIONS:
            group = Group.objects.filter(name=organisation["title"]).first()
            if group is None:
                continue
            for page in OrganisationPage.objects.filter(slug=organisation["slug"]):
                for codename in ("add_page", "change_page", "publish_page", "view_page"):
                    GroupPagePermission.objects.get_or_create(
                        group=group,
                        page=page,
                        permission=Permission.objects.get(
                            content_type__app_label="wagtailcore", codename=codename
                        ),
                    )
