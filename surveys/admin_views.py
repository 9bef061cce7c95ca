"""Staff views in the Wagtail admin: preview, new version, open/close, instrument library."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from surveys import selectors
from surveys.models import Questionnaire, Wave
from surveys.services.library import InstrumentAlreadyThere, instruments, load_instrument
from surveys.services.questionnaires import create_new_version
from surveys.services.waves import close_wave, open_wave
from surveys.views import run


def _edit_url(instance) -> str:
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


@require_http_methods(["GET", "POST"])
def preview_questionnaire(request, pk):
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    wave = Wave(questionnaire=questionnaire, slug="preview", title=questionnaire.title)
    url = reverse("surveys_admin:preview", args=[pk])
    return run(request, wave=wave, preview_url=url)


@require_http_methods(["GET", "POST"])
def new_version(request, pk):
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    if request.method == "POST":
        copy = create_new_version(questionnaire=questionnaire)
        messages.success(
            request,
            _("Version %(version)s created. Point a wave at it to use it.")
            % {"version": copy.version},
        )
        return redirect(_edit_url(copy))
    context = {
        "questionnaire": questionnaire,
        "response_count": questionnaire.responses.count(),
        "is_frozen": selectors.is_frozen(questionnaire=questionnaire),
    }
    return render(request, "surveys/admin/new_version.html", context)


@require_http_methods(["GET", "POST"])
def change_wave(request, pk, action):
    wave = get_object_or_404(Wave, pk=pk)
    if request.method == "POST":
        if action == "open":
            open_wave(wave=wave)
            messages.success(request, _("“%(wave)s” is open now.") % {"wave": wave})
        else:
            close_wave(wave=wave)
            messages.success(request, _("“%(wave)s” is closed now.") % {"wave": wave})
        return redirect(reverse("wagtailsnippets_surveys_wave:list"))
    context = {"wave": wave, "action": action, "response_count": wave.responses.count()}
    return render(request, "surveys/admin/change_wave.html", context)


class InstrumentForm(forms.Form):
    instrument = forms.ChoiceField(label=_("Instrument"), widget=forms.RadioSelect)
    questionnaire = forms.ModelChoiceField(
        label=_("Add to questionnaire"),
        queryset=Questionnaire.objects.none(),
        required=False,
        empty_label=_("A new questionnaire"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = (get_language() or "de")[:2]
        self.fields["instrument"].choices = [
            (entry.key, f"{entry.name(language)} — {entry.about(language)}")
            for entry in instruments()
        ]
        self.fields["questionnaire"].queryset = selectors.editable_questionnaires()


@require_http_methods(["GET", "POST"])
def instrument_library(request):
    form = InstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            scale = load_instrument(
                key=form.cleaned_data["instrument"],
                questionnaire=form.cleaned_data["questionnaire"],
            )
        except InstrumentAlreadyThere:
            form.add_error(
                "questionnaire", _("This questionnaire already contains that instrument.")
            )
            return render(request, "surveys/admin/instrument_library.html", {"form": form})
        messages.success(
            request,
            _("“%(scale)s” was added as a new page with its scale.") % {"scale": scale.name},
        )
        return redirect(_edit_url(scale.questionnaire))
    return render(request, "surveys/admin/instrument_library.html", {"form": form})
