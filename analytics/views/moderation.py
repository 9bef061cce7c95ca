"""The moderation queue: read free text, redact, approve, reject or raise a concern."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from analytics import safeguarding
from analytics.models import Quote, SafeguardingConcern
from analytics.moderation import selectors, services
from analytics.moderation.detection import personal_details, propose_redaction, redact_spans
from analytics.views.base import StaffPage
from surveys.models import Answer, Wave
from surveys.permissions import Action, refusal, safe_next, staff_action, user_can

PAGE_SIZE = 10


class DecisionForm(forms.Form):
    """A moderator's decision; publishing needs a decision on every marked word.

    `shown` carries the text whose preview and marks the moderator saw. Only that text is
    ever published, and only once each marked span in it is kept; a changed text or a
    span to replace comes back as a new preview first.
    """

    APPROVE, REJECT, SAFEGUARDING = "approve", "reject", "safeguarding"
    KEEP, REDACT = "keep", "redact"

    text = forms.CharField(
        label=_("Text to publish"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("We have replaced what looks personal with [Name], [Ort] and so on. Check it."),
    )
    shown = forms.CharField(required=False, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note for the team (never published)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    action = forms.ChoiceField(
        choices=[
            (APPROVE, _("Publish")),
            (REJECT, _("Do not publish")),
            (SAFEGUARDING, _("Safeguarding concern")),
        ]
    )

    def __init__(self, *args, names=(), **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            shown = self.data.get(self.add_prefix("shown"), "")
        else:
            shown = self.initial.get("text", "")
            self.initial = {**self.initial, "shown": shown}
        self.shown_text = shown.strip()
        self.flags = personal_details(self.shown_text, names=names)
        self.next_text: str | None = None
        for position, flag in enumerate(self.flags):
            self.fields[f"span_{position}"] = forms.ChoiceField(
                label=f"{flag.label}: „{flag.text}“",
                choices=[
                    (self.REDACT, format_lazy(_("Replace with {}"), flag.placeholder)),
                    (self.KEEP, _("Keep: it is not personal")),
                ],
                widget=forms.RadioSelect,
                required=False,
            )

    @property
    def span_fields(self):
        return [self[f"span_{position}"] for position in range(len(self.flags))]

    @property
    def preview(self) -> list[tuple[str, bool]]:
        """Return the shown text in pieces, each saying whether it is a marked span."""
        pieces, position = [], 0
        for flag in self.flags:
            pieces += [(self.shown_text[position : flag.start], False), (flag.text, True)]
            position = flag.end
        pieces.append((self.shown_text[position:], False))
        return [piece for piece in pieces if piece[0]]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") != self.APPROVE:
            return cleaned
        text = cleaned.get("text", "").strip()
        if not text:
            self.add_error("text", _("Please enter the text to publish."))
            return cleaned
        if text != self.shown_text:
            self.next_text = text
            raise ValidationError(
                _("You changed the text. Check the preview of the changed text, then publish.")
            )
        decisions = [cleaned.get(f"span_{position}") for position in range(len(self.flags))]
        if not all(decisions):
            raise ValidationError(_("Please decide on each marked word: replace it or keep it."))
        to_replace = [
            flag
            for flag, decision in zip(self.flags, decisions, strict=True)
            if decision == self.REDACT
        ]
        if to_replace:
            self.next_text = redact_spans(text, to_replace)
            raise ValidationError(
                _("The marked words are replaced. Check the preview once more, then publish.")
            )
        cleaned["kept"] = [flag.text for flag in self.flags]
        return cleaned


def _card(answer: Answer, names, form: DecisionForm | None = None) -> dict:
    errors = []
    if form is not None and form.next_text is not None:
        # Show the changed or redacted text as a new preview, with its own marks.
        errors = form.non_field_errors()
        form = DecisionForm(
            prefix=f"answer-{answer.pk}",
            initial={"text": form.next_text, "note": form.cleaned_data.get("note", "")},
            names=names,
        )
    return {
        "answer": answer,
        "flags": personal_details(answer.text, names=names),
        "errors": errors,
        "form": form
        or DecisionForm(
            prefix=f"answer-{answer.pk}",
            initial={"text": propose_redaction(answer.text, names=names)},
            names=names,
        ),
    }


class ModerationQueueView(StaffPage):
    page_title = _("Check free text")
    header_icon = "comment"
    template_name = "analytics/admin/moderation.html"

    action = Action.VIEW_ANSWERS

    def get_context_data(self, invalid=None, **kwargs):
        wave = None
        wave_id = self.request.GET.get("wave")
        if wave_id and wave_id.isdigit():
            wave = Wave.objects.filter(pk=wave_id).first()
        queue = selectors.moderation_queue(wave=wave)
        names = selectors.watched_names()
        page = Paginator(queue, PAGE_SIZE).get_page(self.request.GET.get("page"))
        cards = [
            _card(answer, names, invalid[1] if invalid and invalid[0] == answer.pk else None)
            for answer in page
        ]
        if invalid and all(card["answer"].pk != invalid[0] for card in cards):
            cards.insert(0, _card(queue.get(pk=invalid[0]), names, invalid[1]))
        return super().get_context_data(
            cards=cards,
            page=page,
            waves=Wave.objects.order_by("-opens_at"),
            wave=wave,
            concerns=safeguarding.waiting_concerns()[:50],
            handled_concerns=safeguarding.handled_concerns()[:20],
            may_handle_concerns=safeguarding.can_handle_concerns(self.request.user),
            published=selectors.decided_quotes(status=Quote.Status.APPROVED)[:20],
            k=max(3, settings.PART_MIN_CELL_SIZE),
            **kwargs,
        )


@staff_action(Action.MODERATE, Action.MARK_SAFEGUARDING)
@require_POST
def decide(request, pk):
    """Take a moderator's decision on one answer, then go back to the queue."""
    answer = get_object_or_404(Answer.objects.select_related("question", "response__wave"), pk=pk)
    form = DecisionForm(request.POST, prefix=f"answer-{answer.pk}", names=selectors.watched_names())
    if form.is_valid():
        action, data = form.cleaned_data["action"], form.cleaned_data
        needed = (
            Action.MARK_SAFEGUARDING if action == DecisionForm.SAFEGUARDING else Action.MODERATE
        )
        if not user_can(request.user, needed):
            return refusal(request, needed)
        try:
            if action == DecisionForm.APPROVE:
                services.approve_quote(
                    answer=answer, text=data["text"], user=request.user, kept=data["kept"]
                )
                messages.success(request, _("The quote is approved and may appear on dashboards."))
            elif action == DecisionForm.REJECT:
                services.reject_quote(answer=answer, user=request.user, note=data["note"])
                messages.success(request, _("The answer will not be published."))
            else:
                services.mark_safeguarding_concern(
                    answer=answer, user=request.user, note=data["note"]
                )
                messages.warning(
                    request,
                    _(
                        "Marked as a safeguarding concern. It is listed further down this page, "
                        "and the staff who handle concerns have been told."
                    ),
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(safe_next(request, request.POST.get("next"), "analytics_moderation"))
    view = ModerationQueueView.as_view()
    request.method = "GET"
    # The queue is shown again at the decision's address; its forms must still send the
    # moderator back to the queue page they came from, not to this POST-only address.
    back = safe_next(request, request.POST.get("next"), reverse("analytics_moderation"))
    response = view(request, invalid=(answer.pk, form), next_url=back)
    response.status_code = 400
    return response


@staff_action(Action.MODERATE)
@require_POST
def withdraw(request, pk):
    """Take an approved quote off the dashboards."""
    quote = get_object_or_404(Quote, pk=pk, status=Quote.Status.APPROVED)
    services.withdraw_quote(quote=quote, user=request.user)
    messages.success(request, _("The quote is no longer published."))
    return redirect("analytics_moderation")


@staff_action(Action.HANDLE_SAFEGUARDING)
@require_POST
def handle_concern(request, pk):
    """Record that the current staff member handled a safeguarding concern today."""
    concern = get_object_or_404(SafeguardingConcern, pk=pk)
    try:
        safeguarding.handle_concern(concern=concern, user=request.user)
        messages.success(request, _("Recorded that you handled the concern today."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("analytics_moderation")
