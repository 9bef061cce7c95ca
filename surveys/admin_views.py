"""Staff views in the Wagtail admin: preview, new version, open/close, instrument library."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from surveys import printouts, selectors
from surveys.models import CodeBatch, Questionnaire, Wave
from surveys.services.access_codes import MAX_CODES_PER_BATCH
from surveys.services.code_batches import BatchNotReady, hand_out_code_sheet, request_code_batch
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
    expires_on = forms.DateField(
        label=_("Valid until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("After this day the codes are refused. Empty: valid while the wave runs."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = selectors.waves_taking_codes()

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        if expires_on is not None and expires_on < timezone.localdate():
            raise forms.ValidationError(_("This day has passed. Please choose a later one."))
        return expires_on


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


def _may_make_codes(user) -> bool:
    return user.has_perm("surveys.add_accesscode")


@require_http_methods(["GET", "POST"])
def card_sheet(request):
    """Order code cards; the page lists recent orders with their progress."""
    if not _may_make_codes(request.user):
        raise PermissionDenied
    form = CardSheetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        batch = request_code_batch(
            wave=form.cleaned_data["wave"],
            venue=form.cleaned_data["venue"],
            count=form.cleaned_data["count"],
            language=form.cleaned_data["language"],
            expires_on=form.cleaned_data["expires_on"],
            site_url=request.build_absolute_uri("/"),
            user=request.user,
        )
        messages.success(
            request,
            _("%(count)s cards for “%(venue)s” are being made. Download them below when ready.")
            % {"count": batch.count, "venue": batch.venue},
        )
        return redirect("surveys_admin:card_sheet")
    batches = list(selectors.recent_code_batches())
    context = {
        "form": form,
        "batches": batches,
        "is_building": any(batch.is_building for batch in batches),
    }
    return render(
        request, "surveys/admin/card_sheet.html", context, status=400 if form.errors else 200
    )


def code_batch_progress(request):
    """Return how far the batches being made have come, for the page's small script."""
    if not _may_make_codes(request.user):
        raise PermissionDenied
    rows = [
        {"id": batch.pk, "status": batch.status, "done": batch.cards_done, "total": batch.count}
        for batch in selectors.recent_code_batches()
    ]
    return JsonResponse({"batches": rows}, headers={"Cache-Control": "no-store"})


@require_http_methods(["POST"])
def download_code_sheet(request, pk):
    """Hand out a batch's PDF once; afterwards only its fingerprints remain."""
    if not _may_make_codes(request.user):
        raise PermissionDenied
    batch = get_object_or_404(CodeBatch.objects.select_related("wave"), pk=pk)
    try:
        handle = hand_out_code_sheet(batch=batch, user=request.user)
    except BatchNotReady:
        messages.error(
            request,
            _(
                "This sheet cannot be downloaded (any more). A sheet is handed out only once; "
                "if it was lost, order new cards."
            ),
        )
        return redirect("surveys_admin:card_sheet")
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{batch.wave.slug}-codes-{batch.pk}.pdf",
        content_type="application/pdf",
    )
    # The plain codes exist only in this one download: no cache may keep a copy.
    response["Cache-Control"] = "no-store"
    return response


class CodeOverviewForm(forms.Form):
    wave = forms.ModelChoiceField(
        label=_("Wave"), queryset=Wave.objects.none(), empty_label=_("Choose a wave")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = selectors.waves_taking_codes()


def code_overview(request):
    """Show per venue how many codes a wave has, spent and left; never the codes."""
    if not request.user.has_perm("surveys.view_accesscode") and not _may_make_codes(request.user):
        raise PermissionDenied
    form = CodeOverviewForm(request.GET or None)
    wave = form.cleaned_data["wave"] if form.is_bound and form.is_valid() else None
    context = {
        "form": form,
        "wave": wave,
        "venues": selectors.access_codes_by_venue(wave=wave) if wave else [],
    }
    return render(request, "surveys/admin/code_overview.html", context)


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
