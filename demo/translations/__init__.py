"""The demo content in the eight languages beside German, and how seed_demo puts it in place.

Each language has a module of its own (`tr.py`, `de_x_ls.py`, …) holding the wording
of the demo questionnaire and of the translated pages: the news and results indexes,
the news items, and the contact, project, privacy, accessibility and Leichte Sprache
pages (the dashboards, the imprint, the organisation and form pages stay aliases).

Pages become translations the way staff make them: the German page's alias in a
language tree is converted into its own page (or the page is copied for translation),
filled in and published, so it keeps the German page's translation key and shows up
in the language menu.

Needs native review: every text in these modules except English was written by
machine and not yet checked by a native speaker or, for Leichte Sprache, by a test
reader; `NEEDS_NATIVE_REVIEW` lists those languages. The same holds for the wording
the standard options and the instrument library carry (see
`surveys/standard_options.py` and the `needs_native_review` entry of each instrument).
A page or question a person has already changed is never overwritten.
"""

from html import escape

from wagtail.log_actions import log
from wagtail.models import Locale, Page

from analytics.models import SafeguardingHelp
from cms.models import ContactPage, DashboardIndexPage, NewsIndexPage, NewsPage, StandardPage
from demo import content as demo_content
from demo.translations import ar, bg, de_x_ls, en, pl, ro, tr, uk
from surveys.models import Question, SurveyPage
from surveys.services.library import instruments
from surveys.standard_options import AGREEMENT, standard_options_for

LANGUAGES = {
    "de-x-ls": de_x_ls,
    "en": en,
    "tr": tr,
    "ar": ar,
    "ro": ro,
    "bg": bg,
    "pl": pl,
    "uk": uk,
}
NEEDS_NATIVE_REVIEW = ("de-x-ls", "tr", "ar", "ro", "bg", "pl", "uk")
# The site pages translated for the demo (besides the news and the home page).
TRANSLATED_PAGES = ("kontakt", "projekt", "datenschutz", "barrierefreiheit", "leichte-sprache")


def translate_questionnaire(*, questionnaire) -> None:
    """Give the demo questionnaire its page headings and its wording in every language.

    Only missing wording is added, so running it again changes nothing, and a text
    staff have corrected in the admin stays as they left it.
    """
    for number, title in demo_content.SURVEY_PAGES.items():
        SurveyPage.objects.get_or_create(
            questionnaire=questionnaire, number=number, defaults={"title": title}
        )
    library = _library_wording()
    changed = []
    for page in questionnaire.pages.all():
        wanted = {
            language: {"title": texts.QUESTIONNAIRE["pages"].get(page.number, "")}
            for language, texts in LANGUAGES.items()
        }
        changed += _fill(page, wanted)
    for question in questionnaire.questions.prefetch_related("options"):
        wanted = {}
        for language, texts in LANGUAGES.items():
            wording = texts.QUESTIONNAIRE
            wanted[language] = {
                "text": wording["questions"].get(question.key)
                or library.get(question.key, {}).get(language, ""),
                "help_text": wording["help_texts"].get(question.key, ""),
            }
        changed += _fill(question, wanted)
        labels = _standard_labels(question)
        for option in question.options.all():
            found = labels.get(option.value, {})
            changed += _fill(
                option, {language: {"label": found.get(language, "")} for language in LANGUAGES}
            )
    wanted = {
        language: {"title": texts.QUESTIONNAIRE["title"], "intro": texts.QUESTIONNAIRE["intro"]}
        for language, texts in LANGUAGES.items()
    }
    changed += _fill(questionnaire, wanted)
    for model in {type(each) for each in changed}:
        rows = [each for each in changed if type(each) is model]
        model.objects.bulk_update(rows, ["translations"])
    if changed:
        # A changed questionnaire must not be served from a cached structure.
        questionnaire.save(update_fields=["changed_at"])


def seed_safeguarding_help() -> None:
    """Give the thank-you page's extra help its text in German and every other language."""
    contacts = SafeguardingHelp.load()
    for field, text in demo_content.SAFEGUARDING_HELP.items():
        if not getattr(contacts, field):
            setattr(contacts, field, text)
    _fill(contacts, {language: texts.SAFEGUARDING_HELP for language, texts in LANGUAGES.items()})
    contacts.save()


def _fill(instance, wanted: dict[str, dict[str, str]]) -> list:
    """Add the wanted texts `instance` lacks; return [instance] when anything was added."""
    translations = dict(instance.translations or {})
    added = False
    for language, fields in wanted.items():
        stored = dict(translations.get(language, {}))
        for field, text in fields.items():
            if text and getattr(instance, field) and not stored.get(field):
                stored[field] = text
                added = True
        if stored:
            translations[language] = stored
    if added:
        instance.translations = translations
        return [instance]
    return []


def _library_wording() -> dict[str, dict[str, str]]:
    """Return the instrument library's wording by question key: prompts and items."""
    wording = {}
    for instrument in instruments():
        wording[instrument.key] = instrument.data["prompt"]
        for item in instrument.data["items"]:
            wording[item["key"]] = item
    return wording


def _standard_labels(question) -> dict[str, dict[str, str]]:
    """Return the standard labels of a question's options by code; a matrix row agrees."""
    if question.kind in (Question.Kind.MATRIX, Question.Kind.MATRIX_ROW):
        options = AGREEMENT
    else:
        options = standard_options_for(question)
    return {value: labels for value, labels, _score in options}


def translate_pages(*, home) -> None:
    """Publish the news and the listed site pages in every language tree."""
    for language, texts in LANGUAGES.items():
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            continue
        for source, fields in _page_texts(home, texts):
            _publish_translation(source, locale, fields)


def _page_texts(home, texts):
    """Yield each German page with its fields in one language, parents first."""
    german = home.locale
    news_index = NewsIndexPage.objects.filter(locale=german).first()
    if news_index is not None:
        yield news_index, texts.NEWS_INDEX
    dashboard_index = DashboardIndexPage.objects.filter(locale=german).first()
    if dashboard_index is not None:
        yield dashboard_index, texts.DASHBOARD_INDEX
    for slug, item in texts.NEWS.items():
        news = NewsPage.objects.filter(locale=german, slug=slug).first()
        if news is None:
            continue
        fields = {
            "title": item["title"],
            "intro": item["intro"],
            "body": "".join(f"<p>{escape(paragraph)}</p>" for paragraph in item["body"]),
            "topics": [texts.TOPICS[topic] for topic in news.topics.names()],
        }
        if news.image_alt:
            fields["image_alt"] = item["image_alt"]
        yield news, fields
    contact = ContactPage.objects.child_of(home).filter(slug="kontakt").first()
    if contact is not None:
        fields = dict(texts.CONTACT)
        offices = fields.pop("offices")
        fields["offices"] = [
            ("office", {**office, **translated})
            for office, translated in zip(demo_content.CONTACT["offices"], offices, strict=True)
        ]
        yield contact, fields
    for slug, fields in texts.PAGES.items():
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is not None:
            yield page, fields


def _publish_translation(source, locale, fields: dict) -> None:
    """Turn the alias of `source` in `locale` into its own page with `fields`, and publish it.

    A translation that is no longer an alias was made already (by an earlier run or by
    staff) and is left alone.
    """
    translation = source.get_translation_or_none(locale)
    if translation is not None and not translation.alias_of_id:
        return
    if translation is None:
        translation = source.copy_for_translation(locale, copy_parents=True)
    if translation.alias_of_id:
        # What "Convert to an ordinary page" in the admin does, without its revision of
        # the German text: each save re-indexes the page, and there are over a hundred.
        Page.objects.filter(pk=translation.pk).update(alias_of=None)
        log(instance=translation, action="wagtail.convert_alias")
    translation = translation.specific_class.objects.get(pk=translation.pk)
    fields = dict(fields)
    topics = fields.pop("topics", None)
    for name, value in fields.items():
        setattr(translation, name, value)
    if topics is not None:
        translation.topics.set(topics)
    translation.save_revision().publish()
