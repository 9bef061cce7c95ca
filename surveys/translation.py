"""Questionnaire text in every language of the site, edited beside the German original.

A translatable model keeps German in its own fields and other languages in one JSON
field, so adding a language to `settings.LANGUAGES` needs no migration. The admin form
gets one extra field per text and language.
"""

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.panels.base import get_form_for_model

LONG_FIELDS = {"intro", "counselling", "project_contact"}


def other_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def field_name(field: str, language: str) -> str:
    return f"{field}_{language.replace('-', '_')}"


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
    return type("TranslatableForm", (TranslatableFormMixin, WagtailAdminModelForm), declared)


def translation_panels(fields: tuple[str, ...]) -> list:
    """Return the admin panels for the other languages of `fields`, folded away."""
    names = [field_name(field, lang) for lang, _name in other_languages() for field in fields]
    if not names:
        return []
    return [
        MultiFieldPanel(
            [FieldPanel(name) for name in names],
            heading=_("Other languages (German is shown when empty)"),
            classname="collapsed",
        )
    ]


class TranslatedInlinePanel(InlinePanel):
    """An inline panel whose rows use their model's own form class (with its languages)."""

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


class WaveLanguagesForm(WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        required=False,
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Languages offered; none ticked means every language of the site."),
    )

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
        return cleaned
