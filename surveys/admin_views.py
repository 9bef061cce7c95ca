"""Staff views in the Wagtail admin: preview, new version, open/close, instrument library."""

import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.log_actions import log

from surveys import paper, printouts, selectors
from surveys.models import CodeBatch, PaperBatch, Questionnaire, TabletDevice, Wave
from surveys.permissions import Action, staff_action
from surveys.services.access_codes import MAX_CODES_PER_BATCH
from surveys.services.code_batches import BatchNotReady, hand_out_code_sheet, request_code_batch
from surveys.services.library import InstrumentAlreadyThere, instruments, load_instrument
from surveys.services.paper import start_paper_batch
from surveys.services.questionnaires import (
    VersionStillNeeded,
    create_new_version,
    remove_version,
)
from surveys.services.submissions import PaperSheet, Sender, accept_submission
from surveys.services.tablets import enrol_tablet, revoke_tablet
from surveys.services.waves import (
    LanguagesIncomplete,
    accept_codes,
    close_wave,
    open_wave,
    switch_version,
)
from surveys.validation import check
from surveys.views import run

POSTER_PRINTED = "part.poster_printed"


class WaveChoiceField(forms.ModelChoiceField):
    """A choice of wave named by title, label, status and dates, as titles repeat."""

    def label_from_instance(self, wave):
        return wave.admin_title


def _edit_url(instance) -> str:
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


@staff_action(Action.EDIT_QUESTIONNAIRES)
@require_http_methods(["GET", "POST"])
def preview_questionnaire(request, pk):
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    wave = Wave(questionnaire=questionnaire, slug="preview", title=questionnaire.title)
    url = reverse("surveys_admin:preview", args=[pk])
    return run(request, wave=wave, preview_url=url)


@staff_action(Action.EDIT_QUESTIONNAIRES)
@require_http_methods(["GET", "POST"])
def new_version(request, pk):
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    if request.method == "POST":
        copy = create_new_version(questionnaire=questionnaire, user=request.user)
        messages.success(
            request,
            _(
                "Version %(version)s created. To ask it in a wave, choose “Switch the "
                "version” in the list of waves."
            )
            % {"version": copy.version},
        )
        return redirect(_edit_url(copy))
    context = {
        "questionnaire": questionnaire,
        "response_count": questionnaire.responses.count(),
        "is_frozen": selectors.is_frozen(questionnaire=questionnaire),
    }
    return render(request, "surveys/admin/new_version.html", context)


@staff_action(Action.OPEN_CLOSE_WAVES)
@require_http_methods(["GET", "POST"])
def change_wave(request, pk, action):
    wave = get_object_or_404(Wave, pk=pk)
    if request.method == "POST":
        if action == "open":
            try:
                open_wave(wave=wave, user=request.user)
            except LanguagesIncomplete as problem:
                messages.error(request, problem.message)
            else:
                messages.success(request, _("“%(wave)s” is open now.") % {"wave": wave})
        else:
            close_wave(wave=wave, user=request.user)
            messages.success(request, _("“%(wave)s” is closed now.") % {"wave": wave})
        return redirect(reverse("wagtailsnippets_surveys_wave:list"))
    context = {"wave": wave, "action": action, "response_count": wave.responses.count()}
    return render(request, "surveys/admin/change_wave.html", context)


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, questionnaire):
        return _("Version %(version)s of %(day)s: %(title)s") % {
            "version": questionnaire.version,
            "day": date_format(timezone.localtime(questionnaire.created_at), "SHORT_DATE_FORMAT"),
            "title": questionnaire.title,
        }


class SwitchVersionForm(forms.Form):
    questionnaire = VersionChoiceField(
        label=_("Version to ask from now on"),
        queryset=Questionnaire.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, wave, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questionnaire"].queryset = selectors.other_versions(
            questionnaire=wave.questionnaire
        )


@staff_action(Action.EDIT_QUESTIONNAIRES)
@require_http_methods(["GET", "POST"])
def switch_wave_version(request, pk):
    """Let a wave ask another version of its questionnaire, after staff confirm it."""
    wave = get_object_or_404(Wave.objects.select_related("questionnaire"), pk=pk)
    form = SwitchVersionForm(request.POST or None, wave=wave)
    if request.method == "POST" and form.is_valid():
        questionnaire = form.cleaned_data["questionnaire"]
        switch_version(wave=wave, questionnaire=questionnaire, user=request.user)
        messages.success(
            request,
            _(
                "“%(wave)s” asks the questions of version %(version)s from now on. Answers "
                "given so far keep the version they answered."
            )
            % {"wave": wave, "version": questionnaire.version},
        )
        return redirect("wagtailsnippets_surveys_wave:list")
    context = {
        "wave": wave,
        "form": form,
        "has_other_versions": form.fields["questionnaire"].queryset.exists(),
        "response_count": wave.responses.count(),
    }
    status = 400 if form.errors else 200
    return render(request, "surveys/admin/switch_version.html", context, status=status)


@staff_action(Action.EDIT_QUESTIONNAIRES)
@require_http_methods(["GET", "POST"])
def remove_questionnaire_version(request, pk):
    """Remove a version nobody answered, after staff confirm it; refuse one with answers."""
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    if request.method == "POST":
        try:
            remove_version(questionnaire=questionnaire, user=request.user)
        except VersionStillNeeded as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("Version %(version)s of “%(title)s” is removed.")
                % {"version": questionnaire.version, "title": questionnaire.title},
            )
        return redirect("wagtailsnippets_surveys_questionnaire:list")
    context = {
        "questionnaire": questionnaire,
        "refusal": selectors.why_version_is_needed(questionnaire=questionnaire),
    }
    return render(request, "surveys/admin/remove_version.html", context)


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


@staff_action(Action.EDIT_QUESTIONNAIRES)
@require_http_methods(["GET", "POST"])
def instrument_library(request):
    form = InstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            scale = load_instrument(
                key=form.cleaned_data["instrument"],
                questionnaire=form.cleaned_data["questionnaire"],
                user=request.user,
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
    wave = WaveChoiceField(label=_("Wave"), queryset=Wave.objects.none())
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
        self.fields["wave"].queryset = selectors.waves_that_may_use_codes()

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        if expires_on is not None and expires_on < timezone.localdate():
            raise forms.ValidationError(_("This day has passed. Please choose a later one."))
        return expires_on


class PosterForm(forms.Form):
    wave = WaveChoiceField(label=_("Wave"), queryset=Wave.objects.all())
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


@staff_action(Action.PRINT_CODES)
@require_http_methods(["GET", "POST"])
def card_sheet(request):
    """Order code cards; the page lists recent orders with their progress."""
    form = CardSheetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wave = form.cleaned_data["wave"]
        if accept_codes(wave=wave, user=request.user):
            messages.info(
                request,
                _(
                    "“%(wave)s” accepts access codes from now on; answering without a code "
                    "stays possible. To require codes, change “access codes” in the wave."
                )
                % {"wave": wave},
            )
        batch = request_code_batch(
            wave=wave,
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


@staff_action(Action.PRINT_CODES)
def code_batch_progress(request):
    """Return how far the batches being made have come, for the page's small script."""
    rows = [
        {"id": batch.pk, "status": batch.status, "done": batch.cards_done, "total": batch.count}
        for batch in selectors.recent_code_batches()
    ]
    return JsonResponse({"batches": rows}, headers={"Cache-Control": "no-store"})


@staff_action(Action.PRINT_CODES)
@require_http_methods(["POST"])
def download_code_sheet(request, pk):
    """Hand out a batch's PDF once; afterwards only its fingerprints remain."""
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
    wave = WaveChoiceField(
        label=_("Wave"), queryset=Wave.objects.none(), empty_label=_("Choose a wave")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = selectors.waves_taking_codes()


@staff_action(Action.PRINT_CODES)
def code_overview(request):
    """Show per venue how many codes a wave has, spent and left; never the codes."""
    form = CodeOverviewForm(request.GET or None)
    wave = form.cleaned_data["wave"] if form.is_bound and form.is_valid() else None
    context = {
        "form": form,
        "wave": wave,
        "venues": selectors.access_codes_by_venue(wave=wave) if wave else [],
    }
    return render(request, "surveys/admin/code_overview.html", context)


@staff_action(Action.PRINT_CODES)
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
        log(
            instance=wave,
            action=POSTER_PRINTED,
            user=request.user,
            data={"wave": wave.slug, "venue": form.cleaned_data["venue"]},
        )
        return _pdf(content, f"{wave.slug}-poster-{form.cleaned_data['size'].lower()}.pdf")
    return render(request, "surveys/admin/poster.html", {"form": form})


class PaperBatchForm(forms.Form):
    wave = WaveChoiceField(
        label=_("Wave"), queryset=Wave.objects.none(), empty_label=_("Choose a wave")
    )
    name = forms.CharField(
        label=_("Name of the batch"),
        max_length=100,
        help_text=_("For example “Jugendtreff Altenhagen, Ferienprogramm”."),
    )
    collected_on = forms.DateField(
        label=_("Filled in on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day the sheets were filled in."),
    )
    language = forms.ChoiceField(label=_("Language of the sheets"), initial="de")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = Wave.objects.select_related("questionnaire")
        self.fields["language"].choices = settings.LANGUAGES

    def clean_collected_on(self):
        day = self.cleaned_data["collected_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This day is in the future."))
        return day


@staff_action(Action.ENTER_PAPER)
@require_http_methods(["GET", "POST"])
def paper_batches(request):
    """Start a batch of paper sheets; list the batches with how many sheets each has."""
    form = PaperBatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        batch = start_paper_batch(user=request.user, **form.cleaned_data)
        return redirect("surveys_admin:paper_entry", pk=batch.pk)
    context = {"form": form, "batches": selectors.paper_batches_with_sheet_counts()}
    status = 400 if form.errors else 200
    return render(request, "surveys/admin/paper_batches.html", context, status=status)


class PaperPrintForm(forms.Form):
    wave = WaveChoiceField(
        label=_("Wave"), queryset=Wave.objects.none(), empty_label=_("Choose a wave")
    )
    first_sheet = forms.IntegerField(
        label=_("First sheet number"),
        min_value=1,
        initial=1,
        help_text=_(
            "Each printed sheet of a wave has its own number, and each number can be typed "
            "in once. Start a further print where the last one ended."
        ),
    )
    count = forms.IntegerField(
        label=_("Number of sheets"),
        min_value=1,
        max_value=printouts.PAPER_SHEETS_AT_ONCE,
        initial=30,
    )
    language = forms.ChoiceField(label=_("Language of the sheets"), initial="de")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = Wave.objects.select_related("questionnaire")
        self.fields["language"].choices = settings.LANGUAGES


@staff_action(Action.ENTER_PAPER)
@require_http_methods(["GET", "POST"])
def paper_questionnaire(request):
    """Download numbered paper questionnaires of a wave, to hand out and type in later."""
    initial = {"wave": request.GET["wave"]} if request.GET.get("wave", "").isdigit() else {}
    form = PaperPrintForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        wave = form.cleaned_data["wave"]
        structure = selectors.questionnaire_structure(questionnaire=wave.questionnaire)
        first, count = form.cleaned_data["first_sheet"], form.cleaned_data["count"]
        content = printouts.paper_questionnaire(
            wave=wave,
            structure=structure,
            first_sheet=first,
            count=count,
            language=form.cleaned_data["language"],
        )
        return _pdf(content, f"{wave.slug}-papier-{first}-{first + count - 1}.pdf")
    status = 400 if form.errors else 200
    return render(request, "surveys/admin/paper_print.html", {"form": form}, status=status)


@staff_action(Action.ENTER_PAPER)
@require_http_methods(["GET", "POST"])
def paper_entry(request, pk):
    """Type in one paper sheet after another: check it as the runner would, then store it."""
    batch = get_object_or_404(PaperBatch.objects.select_related("wave__questionnaire"), pk=pk)
    structure = selectors.questionnaire_structure(questionnaire=batch.wave.questionnaire)
    url = reverse("surveys_admin:paper_entry", args=[batch.pk])
    if request.method == "GET":
        return _paper_page(request, batch, structure, {}, {}, request.GET.get("next", "")[:9])
    raw, typed, errors = paper.read_paper(structure, request.POST)
    sheet = request.POST.get(paper.SHEET_FIELD, "").strip()[:9]
    if not sheet.isdigit() or int(sheet) < 1:
        errors = {paper.SHEET_FIELD: _("Please type the number written on the sheet."), **errors}
    if errors:
        # Typing errors first; the answers' own errors are shown beside them at once.
        errors = {**check(structure, raw, on_paper=True).errors, **errors}
        return _paper_page(request, batch, structure, typed, errors, sheet)
    result = accept_submission(
        wave=batch.wave,
        answers=raw,
        language=batch.language,
        sender=Sender(is_staff=True),
        paper=PaperSheet(batch=batch, number=int(sheet)),
    )
    reason = result.reason
    if reason is not None and reason.part == "sheet":
        return _paper_page(
            request, batch, structure, typed, {paper.SHEET_FIELD: reason.message}, sheet
        )
    if reason is not None:
        return _paper_page(request, batch, structure, typed, dict(reason.errors), sheet)
    messages.success(request, _("Sheet %(number)s saved.") % {"number": sheet})
    return redirect(f"{url}?next={int(sheet) + 1}")


def _paper_page(request, batch, structure, typed, errors, sheet):
    fields = paper.paper_fields(structure, typed, errors)
    summary = []
    if paper.SHEET_FIELD in errors:
        summary.append(("paper-sheet", _("Sheet number"), errors[paper.SHEET_FIELD]))
    for item in fields:
        for entry in [item, *item.rows]:
            if entry.error:
                summary.append((entry.input_id, f"{entry.number}. {entry.label}", entry.error))
    # The error summary takes the focus; else the sheet number, or with it filled in
    # (the next sheet), the first question.
    inputs = [
        entry for item in fields for entry in (item.rows or ([item] if item.takes_answers else []))
    ]
    autofocus_id = ""
    if not summary:
        autofocus_id = inputs[0].input_id if sheet and inputs else "paper-sheet"
    context = {
        "batch": batch,
        "fields": fields,
        "autofocus_id": autofocus_id,
        "sheet": sheet,
        "sheet_field": paper.SHEET_FIELD,
        "sheet_error": errors.get(paper.SHEET_FIELD, ""),
        "summary": summary,
        "sheet_count": batch.sheets.count(),
        "decline_mark": paper.DECLINE_MARK,
    }
    return render(request, "surveys/admin/paper_entry.html", context, status=400 if errors else 200)


class TabletForm(forms.Form):
    wave = WaveChoiceField(
        label=_("Wave"), queryset=Wave.objects.none(), empty_label=_("Choose a wave")
    )
    name = forms.CharField(
        label=_("Name of the tablet"),
        max_length=100,
        help_text=_("For example “Tablet 2, Jugendtreff Altenhagen”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = Wave.objects.filter(tablet_mode=True)


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@staff_action(Action.ENTER_PAPER)
@require_http_methods(["GET", "POST"])
def tablets(request):
    """Enrol a tablet for a wave's offline page (its QR code is shown once); list tablets."""
    form = TabletForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wave = form.cleaned_data["wave"]
        device, token = enrol_tablet(wave=wave, name=form.cleaned_data["name"], user=request.user)
        url = request.build_absolute_uri(
            reverse("surveys:tablet", args=[wave.slug]) + "?" + urlencode({"device": token})
        )
        response = render(
            request,
            "surveys/admin/tablet_enrolled.html",
            {"device": device, "url": url, "qr_code": _qr_svg(url)},
        )
        # The token exists only in this page: no cache may keep a copy.
        response["Cache-Control"] = "no-store"
        return response
    context = {"form": form, "tablets": TabletDevice.objects.select_related("wave")[:50]}
    return render(
        request, "surveys/admin/tablets.html", context, status=400 if form.errors else 200
    )


@staff_action(Action.ENTER_PAPER)
@require_http_methods(["POST"])
def revoke_tablet_view(request, pk):
    """Switch a tablet off: its next sync is refused, its kept answers stay on it."""
    device = get_object_or_404(TabletDevice.objects.select_related("wave"), pk=pk)
    revoke_tablet(device=device, user=request.user)
    messages.success(request, _("“%(name)s” is switched off.") % {"name": device.name})
    return redirect("surveys_admin:tablets")
