"""Load demo content: quarters' news, a survey with two waves, synthetic answers, dashboards."""

import datetime
from html import escape

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page, Site
from wagtail.rich_text import RichText

from analytics.models import ComparisonSnapshot, Quote, SafeguardingRule
from analytics.safeguarding import mark_wave_checked
from analytics.services import refresh_comparisons, refresh_snapshot, stale_waves
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
    QuarterOutline,
    StandardPage,
)
from demo import content as demo_content
from demo import images as demo_images
from demo import translations as demo_translations
from demo.quarters import AREA, seed_quarter_outlines
from demo.synthetic import Synthetic, answer_rows
from surveys.models import (
    Answer,
    Option,
    Question,
    Questionnaire,
    Response,
    Wave,
)
from surveys.services.library import load_instrument
from surveys.services.questionnaires import complete_questionnaire

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
# Shares of the synthetic respondents: quarters, age bands, genders (standard codes).
QUARTER_WEIGHTS = [46, 40, 10, 4]
AGE_BANDS = {"10-13": 20, "14-17": 38, "18-21": 27, "22-27": 15}
GENDERS = {"weiblich": 47, "maennlich": 47, "divers": 6}
# How far each participation item moved after the project's actions (mean of 1 to 5);
# knowing where to turn (bet_3) and knowing activities (bet_4) moved most.
PARTICIPATION = {
    "bet_1": (2.6, 0.25),
    "bet_2": (2.3, 0.3),
    "bet_3": (2.5, 0.8),
    "bet_4": (3.0, 0.6),
    "bet_5": (2.2, 0.45),
    "bet_6": (3.1, -0.4),
}
# The quarter each demo news item names, by answer code; "beide" names none (all quarters).
NEWS_QUARTERS = {"Altenhagen": "altenhagen", "Wehringhausen": "wehringhausen", "beide": None}
# Caritas Hagen works in Altenhagen, Diakonie Mark-Ruhr in Wehringhausen.
NEWS_COLLECTIONS = {"Altenhagen": "Caritas Hagen", "Wehringhausen": "Diakonie Mark-Ruhr"}


def _aware(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 0, 0))


def _chart(wave, key, *, kind="bar", earlier=(), heading=""):
    """Return a chart block's value for a dashboard body."""
    return (
        "chart",
        {
            "kind": kind,
            "wave": wave,
            "earlier_waves": list(earlier),
            "question": key,
            "heading": heading,
        },
    )


def _impact_step(step, text, evidence):
    return ("impact_step", {"step": step, "heading": "", "text": text, "evidence": evidence})


class Command(BaseCommand):
    help = "Load demo content. Running it again changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        home = self._home_page()
        # The quarters are data: news names them, dashboards draw their outlines.
        seed_quarter_outlines()
        self._news(home)
        questionnaire = self._questionnaire()
        demo_translations.translate_questionnaire(questionnaire=questionnaire)
        demo_translations.seed_safeguarding_help()
        pilot, spring, autumn = self._waves(questionnaire)
        # Synthetic answers (marked as such on the dashboards): the pilot and spring a
        # little lower, autumn higher after the project's actions, most in Wehringhausen.
        self._responses(pilot, count=150, lift=-0.1, seed=2025_10)
        self._responses(spring, count=240, lift=0.0, seed=2026_03)
        self._responses(autumn, count=180, lift=1.0, seed=2026_10)
        self._quotes(spring, autumn)
        self._safeguarding(questionnaire, pilot, spring, autumn)
        stale = stale_waves()
        for wave in stale:
            refresh_snapshot(wave=wave)
        if stale or not ComparisonSnapshot.objects.filter(wave_after=autumn).exists():
            for wave in (spring, autumn):
                refresh_comparisons(wave=wave)
        self._dashboards(home, pilot, spring, autumn)
        self._site_pages(home)
        self._translations(home)
        demo_translations.translate_pages(home=home)
        self._organisation_permissions()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))

    def _child(self, parent, model, *, slug: str, **fields):
        """Return the page of this type and slug below `parent`, adding it if missing."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = parent.add_child(instance=model(slug=slug, **fields))
        return page

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
        index = NewsIndexPage.objects.first() or self._child(
            home,
            NewsIndexPage,
            slug="news",
            title="Neuigkeiten",
            intro=demo_content.NEWS_INDEX_INTRO,
            show_in_menus=True,
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
                quarter=self._quarter(NEWS_QUARTERS[item["quarter"]]),
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

    def _quarter(self, code: str | None) -> QuarterOutline | None:
        return QuarterOutline.objects.get(area=AREA, code=code) if code else None

    def _questionnaire(self) -> Questionnaire:
        questionnaire, created = Questionnaire.objects.get_or_create(
            key="quartier-check",
            version=1,
            defaults={
                "title": "Wie geht's dir im Quartier?",
                "intro": (
                    "Ein paar kurze Fragen zu dir, deinem Quartier und dazu, wo du mitreden "
                    "kannst. Das dauert etwa drei Minuten."
                ),
            },
        )
        if not created:
            return questionnaire

        def ask(key, kind, text, **fields):
            position = questionnaire.questions.count() + 1
            return Question.objects.create(
                questionnaire=questionnaire,
                key=key,
                sort_order=position,
                kind=kind,
                text=text,
                **fields,
            )

        quarter = ask("quartier", Question.Kind.SINGLE_CHOICE, "Wo wohnst du?", segment="quarter")
        Option.objects.bulk_create(
            Option(question=quarter, sort_order=i, value=value, label=label)
            for i, (value, label) in enumerate(QUARTERS)
        )
        # Age band and gender get the site's standard options from complete_questionnaire.
        ask("alter", Question.Kind.SINGLE_CHOICE, "Wie alt bist du?", segment="age_band")
        ask(
            "geschlecht",
            Question.Kind.SINGLE_CHOICE,
            "Welches Geschlecht hast du?",
            segment="gender",
            allows_decline=True,
        )
        belonging = ask(
            "wohlfuehlen", Question.Kind.AGREEMENT, "Ich fühle mich in meinem Quartier wohl."
        )
        Option.objects.bulk_create(
            Option(question=belonging, sort_order=i, value=value, label=label, score=score)
            for i, (value, label, score) in enumerate(AGREEMENT)
        )
        ask(
            "mitbestimmen",
            Question.Kind.SCALE_0_10,
            "Wie sehr kannst du in deinem Quartier mitbestimmen?",
            help_text="0 heißt gar nicht, 10 heißt sehr viel.",
        )
        complete_questionnaire(questionnaire=questionnaire)
        # The participation scale from the instrument library, as a matrix on page 2.
        load_instrument(key="beteiligung-quartier", questionnaire=questionnaire)
        ask(
            "wunsch",
            Question.Kind.LONG_TEXT,
            "Was wünschst du dir für dein Quartier?",
            page=3,
            is_required=False,
            max_length=500,
        )
        return questionnaire

    def _waves(self, questionnaire):
        waves = []
        for slug, label, opens, closes, policy in (
            (
                "quartier-check-herbst-2025",
                "Herbst 2025",
                _aware(2025, 10, 1),
                _aware(2025, 12, 1),
                Wave.ResultsPolicy.AFTER_CLOSE,
            ),
            (
                "quartier-check-fruehjahr-2026",
                "Frühjahr 2026",
                _aware(2026, 3, 1),
                _aware(2026, 5, 1),
                Wave.ResultsPolicy.AFTER_CLOSE,
            ),
            ("quartier-check", "Herbst 2026", _aware(2026, 10, 1), None, Wave.ResultsPolicy.LIVE),
        ):
            wave, _ = Wave.objects.get_or_create(
                slug=slug,
                defaults={
                    "questionnaire": questionnaire,
                    "title": "Quartier-Check",
                    "label": label,
                    "opens_at": opens,
                    "closes_at": closes,
                    "results_policy": policy,
                    # The running wave offers the offline tablet page, so staff can try it.
                    "tablet_mode": closes is None,
                },
            )
            waves.append(wave)
        return waves

    def _responses(self, wave: Wave, *, count: int, lift: float, seed: int) -> None:
        if wave.responses.exists():
            return
        # Fixed seed: the demo looks the same on every machine.
        synthetic = Synthetic(seed)
        questions = {q.key: q for q in wave.questionnaire.questions.prefetch_related("options")}
        start = wave.opens_at.date()
        # Record keys from their own fixed seed: the demo's perturbed figures are the same
        # on every machine, and the answers drawn below stay as they were.
        record_keys = Synthetic(seed + 1)
        responses = []
        for _index in range(count):
            responses.append(
                Response(
                    wave=wave,
                    questionnaire=wave.questionnaire,
                    record_key=record_keys.record_key(),
                    language=synthetic.pick(["de", "en"], [85, 15]),
                    day=synthetic.day(start, 45),
                    quarter=synthetic.pick([value for value, _label in QUARTERS], QUARTER_WEIGHTS),
                    age_band=synthetic.pick(list(AGE_BANDS), list(AGE_BANDS.values())),
                    gender=synthetic.pick(list(GENDERS), list(GENDERS.values())),
                )
            )
        Response.objects.bulk_create(responses)

        def agreement(mean):
            return str(synthetic.agreement(mean))

        answers = []
        for response in wave.responses.all():
            # The streetwork tour ran in Wehringhausen: a little more change there.
            effect = lift * (1.3 if response.quarter == "wehringhausen" else 0.85)
            chosen = {
                "quartier": response.quarter,
                "alter": response.age_band,
                "geschlecht": response.gender,
                "wohlfuehlen": agreement(3.1 + 0.35 * effect),
            }
            for key, (mean, change) in PARTICIPATION.items():
                if synthetic.chance(0.96):  # Now and then a statement is left out.
                    chosen[key] = agreement(mean + change * effect)
            if synthetic.chance(0.93):  # Some skip the 0 to 10 question.
                chosen["mitbestimmen"] = synthetic.zero_to_ten(4.2 + 1.1 * effect, 2.2)
            if synthetic.chance(0.12):
                chosen["wunsch"] = synthetic.one_of(demo_content.WISHES)
            answers += answer_rows(response, questions, chosen)
        Answer.objects.bulk_create(answers, batch_size=500)

    def _safeguarding(self, questionnaire, *waves) -> None:
        """Add a rule for low well-being; the word rules come with every installation.

        The synthetic answers count as checked, so only answers given in the demo from
        now on can raise a concern (and notify the staff on the console).
        """
        feeling = questionnaire.questions.get(key="wohlfuehlen")
        if not SafeguardingRule.objects.filter(question=feeling).exists():
            SafeguardingRule.objects.create(
                question=feeling, kind=SafeguardingRule.Kind.AT_MOST, threshold=1
            )
        for wave in waves:
            mark_wave_checked(wave=wave)

    def _quotes(self, *waves) -> None:
        """Publish a few moderated quotes, as a moderator would have approved them."""
        for wave in waves:
            if Quote.objects.filter(wave=wave).exists():
                continue
            texts = demo_content.APPROVED_QUOTES.get(wave.slug, [])
            answers = Answer.objects.filter(
                response__wave=wave, question__key="wunsch", moderation__isnull=True
            ).order_by("pk")[: len(texts)]
            for answer, text in zip(answers, texts, strict=False):
                Quote.objects.create(
                    answer=answer,
                    wave=wave,
                    question_key="wunsch",
                    status=Quote.Status.APPROVED,
                    text=text,
                )

    def _dashboards(self, home, pilot, spring, autumn) -> None:
        index = DashboardIndexPage.objects.first() or self._child(
            home,
            DashboardIndexPage,
            slug="dashboards",
            title="Ergebnisse",
            intro=demo_content.DASHBOARD_INTRO,
            show_in_menus=True,
        )
        self._story_dashboard(index, pilot, spring, autumn)
        for wave, slug in (
            (autumn, "quartier-check-herbst-2026"),
            (spring, "quartier-check-fruehjahr-2026"),
        ):
            self._child(
                index,
                DashboardPage,
                slug=slug,
                title=f"Quartier-Check {wave.label}",
                intro=(
                    "Was junge Menschen aus Altenhagen und Wehringhausen geantwortet haben. "
                    "Vorführdaten: Die Antworten auf dieser Demo-Seite sind erfunden."
                ),
                body=[
                    ("key_figures", {"wave": wave, "heading": ""}),
                    _chart(wave, "wohlfuehlen"),
                    _chart(wave, "mitbestimmen"),
                    _chart(
                        wave,
                        "beteiligung-quartier",
                        kind="diverging",
                        heading="Beteiligung im Quartier: die sechs Aussagen",
                    ),
                    _chart(wave, "quartier", heading="Wer hat mitgemacht?"),
                    (
                        "quarter_map",
                        {
                            "wave": wave,
                            "question": "mitbestimmen",
                            "answers": "",
                            "area": AREA,
                            "heading": "Mitbestimmen: die Quartiere auf der Karte",
                        },
                    ),
                    ("quote", {"wave": wave, "question": "", "heading": ""}),
                ],
            )

    def _story_dashboard(self, index, pilot, spring, autumn) -> None:
        """Add the funders' dashboard: before and after, on the steps of the impact ladder."""
        story = demo_content.STORY_DASHBOARD
        news = NewsPage.objects.filter(slug=story["news_slug"]).first()
        self._child(
            index,
            DashboardPage,
            slug=story["slug"],
            title=story["title"],
            intro=story["intro"],
            body=[
                ("text", RichText(story["opening"])),
                _impact_step(
                    "2",
                    story["reach_text"],
                    [
                        (
                            "key_figures",
                            {"wave": autumn, "heading": "Wer im Herbst 2026 mitgemacht hat"},
                        ),
                        _chart(autumn, "alter", heading="Wie alt die Befragten waren"),
                    ],
                ),
                (
                    "you_said_we_did",
                    {
                        "heading": "",
                        "you_said": story["you_said"],
                        "wave": spring,
                        "question": "bet_3",
                        "answers": "1, 2",
                        "we_did": story["we_did"],
                        "page": news,
                        "link_text": "",
                    },
                ),
                _impact_step(
                    "4",
                    story["skills_text"],
                    [
                        _chart(
                            autumn,
                            "scale:beteiligung-quartier",
                            kind="before_after",
                            earlier=[spring],
                            heading="Beteiligung im Quartier: vorher und nachher",
                        ),
                        _chart(
                            autumn,
                            "beteiligung-quartier",
                            kind="diverging",
                            heading="Die sechs Aussagen im Herbst 2026",
                        ),
                    ],
                ),
                _impact_step(
                    "5",
                    story["behaviour_text"],
                    [
                        _chart(
                            autumn,
                            "wohlfuehlen",
                            kind="trend",
                            earlier=[pilot, spring],
                            heading="„Ich fühle mich in meinem Quartier wohl“ über drei Umfragen",
                        ),
                        _chart(
                            autumn,
                            "mitbestimmen",
                            kind="quarters",
                            heading="Mitbestimmen: die Quartiere im Vergleich",
                        ),
                    ],
                ),
                ("quote", {"wave": autumn, "question": "", "heading": ""}),
                ("text", RichText(story["closing"])),
            ],
        )

    def _site_pages(self, home: HomePage) -> None:
        contact = demo_content.CONTACT
        self._child(
            home,
            ContactPage,
            slug=contact["slug"],
            title=contact["title"],
            intro=contact["intro"],
            phone=contact["phone"],
            phone_hours=contact["phone_hours"],
            messenger=contact["messenger"],
            window_consultation=contact["window_consultation"],
            offices=[("office", office) for office in contact["offices"]],
            show_in_menus=True,
        )
        about = self._child(
            home,
            StandardPage,
            slug=demo_content.ABOUT["slug"],
            title=demo_content.ABOUT["title"],
            intro=demo_content.ABOUT["intro"],
            body=demo_content.ABOUT["body"],
            show_in_menus=True,
        )
        for organisation in demo_content.ORGANISATIONS:
            self._child(
                about,
                OrganisationPage,
                slug=organisation["slug"],
                title=organisation["title"],
                intro=organisation["intro"],
                address=organisation["address"],
                office_hours=organisation["office_hours"],
                phone=organisation["phone"],
                email=organisation["email"],
                body=organisation["body"],
                show_in_menus=True,
            )
        self._form_page(about, MentorSignUpPage, demo_content.MENTOR_FORM, retention_days=180)
        accessibility = None
        for legal in demo_content.LEGAL_PAGES:
            page = self._child(
                home,
                StandardPage,
                slug=legal["slug"],
                title=legal["title"],
                intro=legal["intro"],
                body=legal["body"],
                show_in_footer=True,
            )
            if legal["slug"] == "barrierefreiheit":
                accessibility = page
        self._form_page(
            accessibility, FeedbackFormPage, demo_content.FEEDBACK_FORM, retention_days=90
        )

    def _form_page(self, parent, model, content, *, retention_days):
        if model.objects.child_of(parent).filter(slug=content["slug"]).exists():
            return
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
