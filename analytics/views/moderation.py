"""The moderation queue: read free text, redact, approve, reject or raise a concern."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from analytics.models import Quote
from analytics.moderation import selectors, services
from analytics.moderation.detection import personal_details, propose_redaction
from analytics.views.base import StaffPage
from surveys.models import Answer, Wave
from surveys.permissions import Action, refusal, safe_next, staff_action, user_can

PAGE_SIZE = 10


class DecisionForm(forms.Form):
    APPROVE, REJECT, SAFEGUARDING = "approve", "reject", "safeguarding"

    text = forms.CharField(
        label=_("Text to publish"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("We have replaced what looks personal with [Name], [Ort] and so on. Check it."),
    )
    is_checked = forms.BooleanField(
        label=_("I have read the text: nobody can be recognised from it."),
        required=False,
    )
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

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") != self.APPROVE:
            return cleaned
        text = cleaned.get("text", "").strip()
        if not text:
            self.add_error("text", _("Please enter the text to publish."))
            return cleaned
        flags = personal_details(text)
        if flags and not cleaned.get("is_checked"):
            found = ", ".join(f"{flag.label} „{flag.text}“" for flag in flags)
            self.add_error(
                "text",
                format_lazy(
                    "{} {}",
                    _("The text still contains what looks personal: %(found)s.") % {"found": found},
                    _("Replace it, or tick the box below if it is not personal."),
                ),
            )
        return cleaned


def _card(answer: Answer, form: DecisionForm | None = None) -> dict:
    return {
        "answer": answer,
        "flags": personal_details(answer.text),
        "form": form
        or DecisionForm(
            prefix=f"answer-{answer.pk}", initial={"text": propose_redaction(answer.text)}
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
        page = Paginator(queue, PAGE_SIZE).get_page(self.request.GET.get("page"))
        cards = [
            _card(answer, invalid[1] if invalid and invalid[0] == answer.pk else None)
            for answer in page
        ]
        if invalid and all(card["answer"].pk != invalid[0] for card in cards):
            cards.insert(0, _card(queue.get(pk=invalid[0]), invalid[1]))
        return super().get_context_data(
            cards=cards,
            page=page,
            waves=Wave.objects.order_by("-opens_at"),
            wave=wave,
            concerns=selectors.decided_quotes(status=Quote.Status.SAFEGUARDING)[:20],
            published=selectors.decided_quotes(status=Quote.Status.APPROVED)[:20],
            k=max(3, settings.PART_MIN_CELL_SIZE),
            **kwargs,
        )


@staff_action(Action.MODERATE, Action.MARK_SAFEGUARDING)
@require_POST
def decide(request, pk):
    """Take a moderator's decision on one answer, then go back to the queue."""
    answer = get_object_or_404(Answer.objects.select_related("question", "response__wave"), pk=pk)
    form = DecisionForm(request.POST, prefix=f"answer-{answer.pk}")
    if form.is_valid():
        action, data = form.cleaned_data["action"], form.cleaned_data
        needed = (
            Action.MARK_SAFEGUARDING if action == DecisionForm.SAFEGUARDING else Action.MODERATE
        )
        if not user_can(request.user, needed):
            return refusal(request, needed)
        try:
            if action == DecisionForm.APPROVE:
                services.approve_quote(answer=answer, text=data["text"], user=request.user)
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
                    _("Marked as a safeguarding concern. It is listed at the end of this page."),
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(safe_next(request, request.POST.get("next"), "analytics_moderation"))
    view = ModerationQueueView.as_view()
    request.method = "GET"
    response = view(request, invalid=(answer.pk, form))
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
