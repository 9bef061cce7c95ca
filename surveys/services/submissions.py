"""Accept one submission from any channel: the runner, the API, a staff tablet or paper.

Every channel runs the same steps in the same order, so none can skip one: the wave is
open and the version matches; a staff tablet is still enrolled; the answers pass the
checks; a token stored before is answered as stored; the bot checks (honeypot, time to
fill, bursts, puzzle) let it through; a device that guessed too many codes is held off;
then `submit_response` stores it, spending the code and the token in one transaction.
The result says accepted or refused, with the reasons; the views turn it into HTML or
JSON and choose the status code.
"""

import dataclasses
import uuid
from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from surveys import guessing, protection, selectors
from surveys.models import PaperBatch, Response, TabletDevice, Wave
from surveys.services.access_codes import AccessCodeRefused
from surveys.services.paper import SheetAlreadyEntered, enter_paper_sheet
from surveys.services.progress import count_survey_finished
from surveys.services.responses import AlreadySubmitted, submit_response
from surveys.services.tablets import tablet_for_token
from surveys.validation import Checked, RawAnswer, check

MESSAGES = {
    "no_wave": _("There is no survey at this address."),
    "not_open": _("This survey is not taking answers."),
    "old_version": _("These answers belong to an older version of the survey."),
    "no_question": _("This survey has no such question."),
    "unreadable": _("This answer has a shape the survey cannot read."),
    "tablet_revoked": _(
        "The project team has switched this tablet off, so it sends no more answers. "
        "The answers stay saved on this tablet; please tell the project team."
    ),
}


@dataclasses.dataclass(frozen=True)
class Reason:
    """Why a submission was refused: the part it concerns, a code and a message.

    `part` is "wave", "version", "tablet", "answers" (then `errors` holds a message per
    question key), "form", "altcha", "code" or "sheet".
    """

    part: str
    code: str
    message: str
    errors: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # The exception of the step that refused, for a view that shows more (the code form).
    problem: Exception | None = None


@dataclasses.dataclass(frozen=True)
class Sender:
    """What the bot checks look at for one submission; none of it is stored.

    `client` is today's hash of the device (see `surveys.guessing`); `form` the runner's
    posted form (honeypot, start stamp, solved puzzle); `challenge` a puzzle solved for
    the API; `tablet_token` the token of an enrolled staff tablet; `is_staff` for answers
    staff type in from paper, which no bot check applies to.
    """

    client: str = ""
    form: Mapping | None = None
    challenge: str = ""
    tablet_token: str = ""
    is_staff: bool = False


@dataclasses.dataclass(frozen=True)
class PaperSheet:
    """The paper sheet staff are typing in: its batch and the number printed on it."""

    batch: PaperBatch
    number: int


@dataclasses.dataclass(frozen=True)
class SubmissionResult:
    """Accepted (stored now, or stored before under the same token) or refused."""

    is_accepted: bool
    is_new: bool = False
    response: Response | None = None
    checked: Checked | None = None
    reasons: tuple[Reason, ...] = ()

    @property
    def reason(self) -> Reason | None:
        return self.reasons[0] if self.reasons else None


def _refused(part: str, code: str, message=None, **extra) -> SubmissionResult:
    return SubmissionResult(
        is_accepted=False,
        reasons=(Reason(part=part, code=code, message=message or MESSAGES[code], **extra),),
    )


def accept_submission(
    *,
    wave: Wave | None,
    answers: dict[str, RawAnswer | None] | Checked,
    language: str,
    sender: Sender,
    token: uuid.UUID | None = None,
    version: int | None = None,
    access_code: str = "",
    linking: list[str] | None = None,
    paper: PaperSheet | None = None,
    channel: str | None = None,
    token_is_spent: bool | None = None,
    wave_stamp: str | None = None,
) -> SubmissionResult:
    """Check, screen and store one submission; return whether it was accepted and why not.

    `answers` are the raw answers by question key (None for one whose shape could not
    be read), or answers the runner has checked already against this wave's
    questionnaire (it checks each page as it goes). With a
    `token`, sending again is accepted without storing anything twice. `channel` says how
    the answers came in when the sender cannot tell (the API); an enrolled tablet always
    stores as a tablet, and left out it follows from the code or paper sheet.
    `token_is_spent` is whether the token was found spent as the wave was read (see
    `selectors.submission_wave`); left out, it is read here. With `wave_stamp` (the wave
    came from `selectors.cached_submission_wave`, unread) it is not read: the statement
    that stores checks the stamp and the token, and raises `WaveChanged` when the wave
    changed; a resend is then answered as stored after the bot checks have counted it.
    A refusal made with such a wave may rest on an old reading: check it again.
    """
    if wave is None:
        return _refused("wave", "no_wave")
    if paper is None and not wave.is_open():
        return _refused("wave", "not_open")
    if version is not None and version != wave.questionnaire.version:
        return _refused("version", "old_version")
    # Only a tablet staff enrolled syncs under the tablet allowance; one they revoked is
    # refused (it keeps its answers), any other token counts as a plain browser.
    tablet: TabletDevice | None = None
    if sender.tablet_token:
        tablet = tablet_for_token(sender.tablet_token, wave=wave)
        if tablet is not None and tablet.is_revoked:
            return _refused("tablet", "tablet_revoked")
    checked = answers
    errors: dict[str, str] = {}
    if not isinstance(checked, Checked):
        checked, errors = _check(wave, answers, on_paper=paper is not None)
    errors = {**checked.errors, **errors}
    if errors:
        return SubmissionResult(
            is_accepted=False,
            checked=checked,
            reasons=(
                Reason(
                    part="answers",
                    code="invalid",
                    message=next(iter(errors.values())),
                    errors=errors,
                ),
            ),
        )
    if token_is_spent is None and token is not None and wave_stamp is None:
        token_is_spent = selectors.is_submitted(token=token)
    if token_is_spent:
        # A resend (a double click, an offline tablet retrying) is answered before any
        # burst check, so it never counts against anyone.
        return SubmissionResult(is_accepted=True, checked=checked)
    refusal = _screen(wave, sender, tablet, token)
    if refusal is not None:
        return refusal
    if access_code and not sender.is_staff and guessing.is_blocked(sender.client):
        problem = AccessCodeRefused("too_many")
        return _refused("code", problem.reason, problem.message, problem=problem)
    try:
        if paper is not None:
            response = enter_paper_sheet(
                batch=paper.batch,
                sheet_number=paper.number,
                answers=checked.answers,
                segments=checked.segments,
            )
        else:
            response = submit_response(
                wave=wave,
                answers=checked.answers,
                segments=checked.segments,
                language=language,
                token=token,
                access_code=access_code,
                linking=linking,
                channel=Response.Channel.TABLET if tablet is not None else channel,
                earlier_days_checked=token is not None and wave_stamp is None,
                wave_stamp=wave_stamp,
            )
    except AlreadySubmitted:
        return SubmissionResult(is_accepted=True, checked=checked)
    except AccessCodeRefused as problem:
        if problem.is_guess and not sender.is_staff:
            guessing.count_wrong_guess(sender.client)
        return _refused("code", problem.reason, problem.message, problem=problem)
    except SheetAlreadyEntered as problem:
        message = _(
            "Sheet %(number)s of this wave was typed in before (batch “%(batch)s”). Please "
            "check the number on the sheet; nothing was saved."
        ) % {"number": paper.number, "batch": problem.batch_name}
        return _refused("sheet", "entered", message, problem=problem)
    if sender.form is not None:
        count_survey_finished(wave=wave)
    return SubmissionResult(is_accepted=True, is_new=True, response=response, checked=checked)


def _check(wave, answers, *, on_paper: bool) -> tuple[Checked, dict[str, str]]:
    """Check raw answers; also return errors for unknown questions and unreadable shapes."""
    structure = selectors.questionnaire_structure(questionnaire=wave.questionnaire)
    known = {question.key for question in structure.questions if question.takes_answers}
    errors = {}
    for key, entry in answers.items():
        if key not in known:
            errors[key] = MESSAGES["no_question"]
        elif entry is None:
            errors[key] = MESSAGES["unreadable"]
    readable = {key: entry for key, entry in answers.items() if key not in errors}
    return check(structure, readable, on_paper=on_paper), errors


def _screen(wave, sender: Sender, tablet, token) -> SubmissionResult | None:
    """Run the bot checks of the sender's channel; return a refusal, or None to go on."""
    if sender.is_staff:
        return None
    try:
        if tablet is not None and wave.tablet_mode:
            protection.screen_tablet(client=sender.client, wave=wave)
        elif sender.form is not None:
            protection.screen_form_fields(sender.form, client=sender.client, wave=wave, token=token)
        else:
            protection.screen_challenge(client=sender.client, wave=wave, challenge=sender.challenge)
    except protection.SubmissionRefused as problem:
        part = "form" if problem.reason in {"honeypot", "forged", "too_fast"} else "altcha"
        if problem.reason == "tablet_limit":
            part = "tablet"
        return _refused(part, problem.reason, problem.message, problem=problem)
    return None
