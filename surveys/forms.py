"""The runner's form: built from a questionnaire, it turns posted text into answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.models import Question


class ResponseForm(forms.Form):
    """One field per question; `cleaned_answers()` maps questions to options or numbers."""

    error_messages = {
        "required": _("Please answer this question."),
        "invalid_choice": _("Please choose one of the answers shown."),
    }

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question.key] = self._field_for(question)

    def _field_for(self, question: Question) -> forms.Field:
        common = {
            "label": question.text,
            "help_text": question.help_text,
            "required": question.is_required,
            "error_messages": self.error_messages,
        }
        if question.has_options:
            choices = [(option.value, option.label) for option in question.options.all()]
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        return forms.ChoiceField(
            choices=[(str(point), str(point)) for point in range(11)],
            widget=forms.RadioSelect(attrs={"class": "scale"}),
            **common,
        )

    def cleaned_answers(self) -> dict[Question, object]:
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.key)
            if value in (None, ""):
                continue
            if question.has_options:
                answers[question] = next(o for o in question.options.all() if o.value == value)
            else:
                answers[question] = int(value)
        return answers
