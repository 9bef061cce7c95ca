"""Questionnaire text in every language of the site, edited beside the German original.

A translatable model keeps German in its own fields and other languages in one JSON
field, so adding a language to `settings.LANGUAGES` needs no migration. The admin form
gets one extra field per text and language.
"""

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.panels.base import get_form_for_model

LONG_FIELDS = {"intro", "counselling", "project_contact"}
# Shown to every respondent, so a language without them is not offered; the other texts
# (introductions, hints, page headings) are needed only where the German has one.
ALWAYS_WORDED = {("questionnaire", "title"), ("question", "text"), ("option", "label")}


def other_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def field_name(field: str, language: str) -> str:
    return f"{field}_{language.replace('-', '_')}"


def wording(obj, field: str, language: str) -> str:
    """Return the wording of `field` in exactly `language` (no fallback to German)."""
    if language == settings.LANGUAGE_CODE:
        return getattr(obj, field) or ""
    stored = obj.translations or {}
    return (stored.get(language) or stored.get(language.split("-")[0]) or {}).get(field, "")


def _texts(questionnaire):
    """Yield (name for staff, object, field) for every text a respondent may read."""

    def name(obj, field):
        return capfirst(obj._meta.get_field(field).verbose_name)

    for place, obj, field in _worded(questionnaire):
        if place is None:
            where = capfirst(questionnaire._meta.verbose_name)
        elif isinstance(place, int):
            where = capfirst(_("page %(number)s") % {"number": place})
        else:
            question, option = place
            where = capfirst(_("question “%(key)s”") % {"key": question.key})
            if option is not None:
                where = f"{where} › {option.value}"
        yield f"{where}: {name(obj, field)}", (obj, field)


def _worded(questionnaire):
    """Yield (where, object, field) for every text a respondent may read.

    `where` is None for the questionnaire, a page number, or (question, option or None).
    Staff names are left to `_texts`: the runner asks which languages are complete on
    every page, and naming each text for staff cost it more than the rest of the page.
    """
    from surveys.selectors import questionnaire_structure

    structure = questionnaire_structure(questionnaire=questionnaire)
    for field in questionnaire.translatable_fields:
        yield None, questionnaire, field
    for number, page in sorted(structure.page_rules.items()):
        for field in page.translatable_fields:
            yield number, page, field
    for question in structure.questions:
        for field in question.translatable_fields:
            yield (question, None), question, field
        for option in structure.options.get(question.pk, []):
            yield (question, option), option, "label"


def missing_wording(*, questionnaire, language: str) -> list[str]:
    """Return, for staff, every text of `questionnaire` that has no wording in `language`."""
    missing = []
    for label, (obj, field) in _texts(questionnaire):
        needed = (obj._meta.model_name, field) in ALWAYS_WORDED or getattr(obj, field)
        if needed and not wording(obj, field, language).strip():
            missing.append(label)
    return missing


def complete_languages(*, questionnaire) -> list[str]:
    """Return the site's languages in which every text of `questionnaire` has wording."""
    missing = {code: False for code, _name in settings.LANGUAGES}
    for _where, obj, field in _worded(questionnaire):
        needed = (obj._meta.model_name, field) in ALWAYS_WORDED or getattr(obj, field)
        if not needed:
            continue
        for code in missing:
            if not missing[code] and not wording(obj, field, code).strip():
                missing[code] = True
    return [code for code, is_missing in missing.items() if not is_missing]


class TranslatableFormMixin:
    """Fill the per-language fields from `translations` and write them back on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        stored = self.instance.translations or {}
        for field in model.translatable_fields:
            verbose = capfirst(model._meta.get_field(field).verbose_name)
            for language, name in other_languages():
                form_field = self.fields.get(field_name(field, language))
                if form_field is None:
                    continue
                form_field.label = f"{verbose} ({name})"
                form_field.initial = stored.get(language, {}).get(field, "")

    def save(self, commit=True):
        translations = {}
        for field in self._meta.model.translatable_fields:
            for language, _name in other_languages():
                text = (self.cleaned_data.get(field_name(field, language)) or "").strip()
                if text:
                    translations.setdefault(language, {})[field] = text
        self.instance.translations = translations
        return super().save(commit=commit)


def translatable_form(fields: tuple[str, ...]) -> type[WagtailAdminModelForm]:
    """Return an admin form class with a field for each of `fields` in each other language."""
    declared = {}
    for field in fields:
        for language, _name in other_languages():
            widget = forms.Textarea(attrs={"rows": 3}) if field in LONG_FIELDS else None
            declared[field_name(field, language)] = forms.CharField(
                required=False, max_length=2000, widget=widget
            )
    # The style of the folded translations (FoldedPanel), carried by the form, as Wagtail
    # gathers the media of forms, not of panels nested in an inline panel.
    declared["Media"] = type("Media", (), {"css": {"all": ["surveys/admin/editor.css"]}})
    return type("TranslatableForm", (TranslatableFormMixin, WagtailAdminModelForm), declared)


class FoldedPanel(MultiFieldPanel):
    """Fields folded into a <details> element that opens on a click.

    Wagtail folds only top-level panels; inside an inline panel (a question, an option)
    a group of fields is always open, so each question showed its 16 translation fields.
    """

    def __init__(self, *args, summary="", **kwargs):
        super().__init__(*args, **kwargs)
        self.summary = summary

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "summary": self.summary}

    class BoundPanel(MultiFieldPanel.BoundPanel):
        template_name = "surveys/admin/panels/folded_panel.html"

        @property
        def has_errors(self) -> bool:
            return any(
                getattr(child, "bound_field", None) is not None and child.bound_field.errors
                for child in self.visible_children
            )


def translation_panels(fields: tuple[str, ...], *, inline: bool = False) -> list:
    """Return the admin panels for the other languages of `fields`, folded away.

    `inline` for a model edited inside another's form (pages, questions, options).
    """
    names = [field_name(field, lang) for lang, _name in other_languages() for field in fields]
    if not names:
        return []
    heading = _("Other languages (German is shown when empty)")
    if inline:
        return [FoldedPanel([FieldPanel(name) for name in names], summary=heading)]
    return [
        MultiFieldPanel(
            [FieldPanel(name) for name in names],
            heading=heading,
            classname="collapsed",
        )
    ]


class TranslatedInlinePanel(InlinePanel):
    """An inline panel whose rows use their model's own form class (with its languages).

    Each saved row is titled by its text ("Frage 3: Wie alt bist du?"), not only numbered.
    """

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "surveys/admin/panels/inline_panel.html"

    def get_form_options(self):
        options = super().get_form_options()
        model = self.db_field.related_model
        if hasattr(model, "base_form_class"):
            deferred = self.child_edit_handler.get_form_options().get("defer_required_on_fields")
            extra = {"defer_required_on_fields": deferred} if deferred else {}
            options["formsets"][self.relation_name]["form"] = get_form_for_model(
                model, form_class=model.base_form_class, **extra
            )
        return options


def incomplete_choice(*, questionnaire, languages: list[str]) -> str:
    """Return a message naming every missing text of the chosen `languages`, or ""."""
    names = dict(settings.LANGUAGES)
    problems = []
    for code in languages:
        missing = missing_wording(questionnaire=questionnaire, language=code)
        if missing:
            problems.append(
                _("%(language)s lacks the wording of: %(missing)s")
                % {"language": names.get(code, code), "missing": "; ".join(missing)}
            )
    return " ".join(str(problem) for problem in problems)


class WaveLanguagesForm(WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        required=False,
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only languages in which every question, option and label has wording can be "
            "offered; none ticked means every such language."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.questionnaire_id:
            self.show_language_status(self.instance.questionnaire)

    def show_language_status(self, questionnaire):
        """Mark each language complete or not and list what is missing in the help text."""
        choices, notes = [], []
        for code, name in settings.LANGUAGES:
            missing = missing_wording(questionnaire=questionnaire, language=code)
            if missing:
                status = ngettext(
                    "%(count)s text missing", "%(count)s texts missing", len(missing)
                ) % {"count": len(missing)}
                notes.append(f"{name}: {'; '.join(missing)}")
            else:
                status = pgettext("a language in which every text has wording", "complete")
            choices.append((code, f"{name} ({status})"))
        field = self.fields["languages"]
        field.choices = choices
        field.help_text = " ".join([str(field.help_text), *notes])

    def clean(self):
        cleaned = super().clean()
        questionnaire = cleaned.get("questionnaire")
        if questionnaire is not None:
            from surveys.selectors import questions_missing_wording

            missing = questions_missing_wording(questionnaire=questionnaire)
            if missing:
                self.add_error(
                    "questionnaire",
                    _(
                        "These questions have no wording yet (paste the licensed text first): "
                        "%(keys)s"
                    )
                    % {"keys": ", ".join(missing)},
                )
            problem = incomplete_choice(
                questionnaire=questionnaire, languages=cleaned.get("languages") or []
            )
            if problem:
                self.add_error("languages", problem)
        return cleaned
