"""Staff views in the Wagtail admin: preview, new version, open/close, instrument library."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from surveys import printouts, selectors
from surveys.models import Questionnaire, Wave
from surveys.services.access_codes import MAX_CODES_PER_BATCH, generate_access_codes
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


class CardSheetForm(forms.Form):
    wave = forms.ModelChoiceField(label=_("Wave"), queryset=Wave.objects.none())
    venue = forms.CharField(
        label=_("Venue"),
        max_length=100,
        help_text=_("Where the cards are handed out, for example “Jugendtreff Altenhagen”."),
    )
    count = forms.IntegerField(
        label=_("Number of codes"),
        min_value=1,
        max_value=MAX_CODES_PER_BATCH,
        initial=50,
        help_text=_("Ten cards fit on one A4 page."),
    )
    language = forms.ChoiceField(
        label=_("Second language on the cards"),
        choices=printouts.CARD_LANGUAGES,
        initial="en",
        help_text=_("German is always on the cards."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = selectors.waves_taking_codes()


class PosterForm(forms.Form):
    wave = forms.ModelChoiceField(label=_("Wave"), queryset=Wave.objects.all())
    venue = forms.CharField(label=_("Venue"), max_length=100)
    size = forms.ChoiceField(label=_("Paper size"), choices=[("A4", "A4"), ("A3", "A3")])
    language = forms.ChoiceField(
        label=_("Second language on the poster"), choices=printouts.CARD_LANGUAGES, initial="en"
    )


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # The plain codes exist only in this one download: no cache may keep a copy.
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def card_sheet(request):
    if not request.user.has_perm("surveys.add_accesscode"):
        raise PermissionDenied
    form = CardSheetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wave, venue = form.cleaned_data["wave"], form.cleaned_data["venue"]
        plain = generate_access_codes(wave=wave, venue=venue, count=form.cleaned_data["count"])
        content = printouts.card_sheet(
            wave=wave,
            venue=venue,
            codes=plain,
            survey_url=request.build_absolute_uri(reverse("surveys:answer", args=[wave.slug])),
            code_url=request.build_absolute_uri(reverse("surveys:code")).split("://", 1)[-1],
            language=form.cleaned_data["language"],
        )
        return _pdf(content, f"{wave.slug}-codes.pdf")
    return render(request, "surveys/admin/card_sheet.html", {"form": form})


@require_http_methods(["GET", "POST"])
def poster(request):
    form = PosterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wave = form.cleaned_data["wave"]
        content = printouts.poster(
            wave=wave,
            venue=form.cleaned_data["venue"],
            survey_url=request.build_absolute_uri(reverse("surveys:answer", args=[wave.slug])),
            size=form.cleaned_data["size"],
            language=form.cleaned_data["language"],
        )
        return _pdf(content, f"{wave.slug}-poster-{form.cleaned_data['size'].lower()}.pdf")
    return render(request, "surveys/admin/poster.html", {"form": form})
