"""The survey runner: plain HTML forms, one page at a time, that work without JavaScript."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from surveys import codes, guessing, linking, protection, selectors, services
from surveys.flow import RunnerFlow
from surveys.forms import RunnerState, StateError, page_fields
from surveys.models import Wave
from surveys.services.tablets import tablet_for_token
from surveys.tablet import tablet_strings


def _open_wave_or_page(request, slug):
    wave = selectors.wave_by_slug(slug=slug)
    if wave is None:
        raise Http404
    if wave.has_closed():
        return wave, render(request, "surveys/closed.html", _done_context(wave), status=410)
    if not wave.is_open():
        return wave, render(request, "surveys/not_yet_open.html", {"wave": wave}, status=403)
    return wave, None


@require_http_methods(["GET", "POST"])
def answer_survey(request, slug):
    wave, unavailable = _open_wave_or_page(request, slug)
    if unavailable:
        return unavailable
    offered = wave.offered_languages()
    if request.method == "GET" and get_language() not in offered:
        # Keep the query: a QR code's `?code=` must survive the move to another language;
        # `unavailable` lets the first page say, in the reader's language, why.
        query = request.GET.copy()
        query["unavailable"] = get_language()
        url = translate_url(f"{request.path}?{query.urlencode()}", offered[0])
        return redirect(url)
    code = ""
    if request.method == "GET" and wave.code_policy != Wave.CodePolicy.OPEN:
        typed = request.GET.get("code", "")[:100]
        if typed:
            try:
                services.find_access_code(
                    typed=typed, client=guessing.client_key(request), wave=wave
                )
            except services.AccessCodeRefused as problem:
                return _code_page(request, wave=wave, error=problem, typed=typed)
            code = codes.group(codes.normalise(typed))
        elif wave.code_policy == Wave.CodePolicy.REQUIRED:
            return _code_page(request, wave=wave)
    return run(request, wave=wave, code=code)


@require_http_methods(["GET", "POST"])
def enter_code(request):
    """Take a code typed from a card, then serve the first page of its survey."""
    if request.method == "GET":
        return _code_page(request)
    typed = request.POST.get("access_code", "")[:100]
    asked_for = selectors.wave_by_slug(slug=request.POST.get("wave", "")[:50])
    try:
        found = services.find_access_code(
            typed=typed, client=guessing.client_key(request), wave=asked_for
        )
    except services.AccessCodeRefused as problem:
        return _code_page(request, wave=asked_for, error=problem, typed=typed)
    wave, unavailable = _open_wave_or_page(request, found.wave.slug)
    if unavailable:
        return unavailable
    offered = wave.offered_languages()
    if get_language() not in offered:
        translation.activate(offered[0])
        request.LANGUAGE_CODE = offered[0]
    return run(request, wave=wave, code=codes.group(codes.normalise(typed)), fresh=True)


def _code_page(request, *, wave=None, error=None, typed="", state="", action_url=""):
    context = {
        "wave": wave,
        "error": error.message if error else "",
        "typed": typed,
        "state": state,
        "action_url": action_url or reverse("surveys:code"),
        "started": request.POST.get(protection.START_FIELD, "")[:200],
    }
    status = 200
    if error is not None:
        status = 429 if error.reason == "too_many" else 400
    return render(request, "surveys/code.html", context, status=status)


def run(request, *, wave, preview_url: str = "", code: str = "", fresh: bool = False):
    """Serve one page of the runner for `wave`; a preview (at `preview_url`) stores nothing.

    `fresh` starts the survey even on a POST (arriving from the code form).
    """
    preview = bool(preview_url)
    action_url = preview_url or reverse("surveys:answer", args=[wave.slug])
    structure = selectors.questionnaire_structure(questionnaire=wave.questionnaire)
    if request.method == "GET" or fresh:
        flow = RunnerFlow.start(
            wave=wave, structure=structure, code=code, action_url=action_url, is_preview=preview
        )
        if not flow.has_pages:
            raise Http404  # A questionnaire without questions has nothing to answer yet.
        return _page(request, flow)
    try:
        state = RunnerState.load(request.POST.get("state", ""), wave=wave)
    except StateError as problem:
        context = {
            "wave": wave,
            "problem": problem.code,
            "message": problem.message,
            "start_url": action_url,
        }
        return render(request, "surveys/state_error.html", context, status=400)
    if LINKING_STEP in request.POST and not preview:
        flow = RunnerFlow.resume(wave=wave, structure=structure, state=state, action_url=action_url)
        return _receive_linking(request, flow)
    if "access_code" in request.POST and not preview:
        flow = RunnerFlow.resume(wave=wave, structure=structure, state=state, action_url=action_url)
        return _send_with_new_code(request, flow)
    flow = RunnerFlow.receive(
        wave=wave,
        structure=structure,
        state=state,
        post=request.POST,
        action_url=action_url,
        is_preview=preview,
    )
    if not flow.has_pages:
        raise Http404
    language = request.POST.get("switch_language")
    if language in wave.offered_languages():
        translation.activate(language)
        request.LANGUAGE_CODE = language
        flow.action_url = preview_url or reverse("surveys:answer", args=[wave.slug])
        return _page(request, flow)
    if request.POST.get("action") == "back":
        flow.back()
        return _page(request, flow)
    errors = flow.page_errors()
    if errors:
        return _page(request, flow, errors)
    if not preview and state.page > state.furthest:
        services.count_page_sent(wave=wave, page=state.page)
        state.furthest = state.page
    if flow.next():
        return _page(request, flow)
    return _finish(request, flow)


def _finish(request, flow: RunnerFlow, linking_fingerprints=None):
    errors = flow.first_wrong_page()
    if errors:
        return _page(request, flow, errors)
    wave, state = flow.wave, flow.state
    if flow.is_preview:
        return render(
            request, "surveys/preview_done.html", {"wave": wave, "restart": flow.action_url}
        )
    if linking_fingerprints is None and wave.linking_series:
        return _linking_page(request, flow)
    result = services.accept_submission(
        wave=wave,
        answers=flow.checked,
        language=get_language(),
        sender=services.Sender(client=guessing.client_key(request), form=request.POST),
        token=state.token,
        access_code=state.code,
        linking=linking_fingerprints,
    )
    reason = result.reason
    if reason is not None and reason.part == "code":
        # Nothing was stored; the answers wait in the form for another code.
        state.code = ""
        return _code_page(
            request,
            wave=wave,
            error=reason.problem,
            state=state.sign(),
            action_url=flow.action_url,
        )
    if reason is not None and reason.part == "wave":
        return render(request, "surveys/closed.html", _done_context(wave), status=410)
    if reason is not None:
        return _refused(request, flow, reason.problem)
    # A double click or a re-sent form is accepted as stored before: just say thanks.
    extra_help = services.help_after_submission(answers=flow.checked.answers)
    if extra_help is not None:
        # Shown at once, never put in the address: nothing records for whom it was shown.
        context = {**_done_context(wave), "extra_help": extra_help}
        return render(request, "surveys/done.html", context)
    return redirect("surveys:done", slug=wave.slug)


def _refused(request, flow: RunnerFlow, problem):
    """Show why nothing was stored: on the last page when the answers may simply be resent."""
    if not problem.asks_to_resend:
        context = {
            "wave": flow.wave,
            "problem": problem.reason,
            "message": problem.message,
            "start_url": flow.action_url,
        }
        return render(request, "surveys/state_error.html", context, status=400)
    page = _page(request, flow, notice=problem.message)
    page.status_code = 429 if problem.reason == "challenge_needed" else 400
    return page


LINKING_STEP = "linking_step"


def _receive_linking(request, flow: RunnerFlow):
    """Send the answers with the linking code's fingerprints, or without on "Skip"."""
    if request.POST.get("action") == linking.SKIP:
        return _finish(request, flow, [])
    values, typed, errors = linking.read_elements(request.POST)
    if errors:
        return _linking_page(request, flow, typed=typed, errors=errors)
    fingerprints = linking.fingerprints(series=flow.wave.linking_series, values=values)
    return _finish(request, flow, fingerprints)


def _linking_page(request, flow: RunnerFlow, *, typed=None, errors=None):
    typed, errors = typed or {}, errors or {}
    elements = [
        {
            "element": element,
            "first_id": f"{element.name}-input",
            "label": element.label,
            "value": typed.get(element.name, ""),
            "error": errors.get(element.name, ""),
        }
        for element in linking.ELEMENTS
    ]
    context = {
        "wave": flow.wave,
        "title": flow.wave.questionnaire.translated("title", get_language()),
        "state": flow.state.sign(),
        "action_url": flow.action_url,
        "elements": elements,
        "errors": [entry for entry in elements if entry["error"]],
        "linking_step": LINKING_STEP,
        "skip": linking.SKIP,
        # The bot checks run when the answers are finally sent, from this page: carry
        # the last page's start stamp and solved puzzle along.
        "started": request.POST.get(protection.START_FIELD, "")[:200],
        "solved_challenge": request.POST.get(protection.CHALLENGE_FIELD, "")[:5000],
    }
    return render(request, "surveys/linking.html", context, status=400 if errors else 200)


def _send_with_new_code(request, flow: RunnerFlow):
    typed = request.POST.get("access_code", "")[:100]
    try:
        services.find_access_code(typed=typed, client=guessing.client_key(request), wave=flow.wave)
    except services.AccessCodeRefused as problem:
        return _code_page(
            request,
            wave=flow.wave,
            error=problem,
            typed=typed,
            state=flow.state.sign(),
            action_url=flow.action_url,
        )
    flow.state.code = codes.group(codes.normalise(typed))
    return _finish(request, flow)


def _unavailable_language(request, language: str) -> str:
    """Return the language a reader asked for but the survey is not offered in, or ""."""
    asked = request.GET.get("unavailable", "") if request.method == "GET" else ""
    return asked if asked in dict(settings.LANGUAGES) and asked != language else ""


def _page(request, flow: RunnerFlow, errors=None, notice=""):
    errors = errors or {}
    wave, state, checked = flow.wave, flow.state, flow.checked
    language = get_language()
    shown = checked.shown_by_page.get(state.page, [])
    fields = page_fields(flow.structure, shown, state.answers, errors, language)
    pages = checked.visible_pages
    rule = flow.structure.page_rules.get(state.page)
    context = {
        "wave": wave,
        "questionnaire": wave.questionnaire,
        "title": wave.questionnaire.translated("title", language),
        "intro": wave.questionnaire.translated("intro", language),
        "page_title": rule.translated("title", language) if rule else "",
        "page_intro": rule.translated("intro", language) if rule else "",
        "fields": fields,
        "errors": [field for field in _flatten(fields) if field.error],
        "state": state.sign(),
        "step": pages.index(state.page) + 1 if state.page in pages else 1,
        "step_count": len(pages),
        "is_first": not pages or state.page == pages[0],
        "is_last": not pages or state.page == pages[-1],
        "action_url": flow.action_url,
        "languages": [
            (code, name)
            for code, name in settings.LANGUAGES
            if code in wave.offered_languages() and code != language
        ],
        "preview": flow.is_preview,
        "unavailable_language": _unavailable_language(request, language),
        "notice": notice,
        **_protection_context(request, wave, state, is_last=not pages or state.page == pages[-1]),
    }
    return render(request, "surveys/runner.html", context, status=400 if errors else 200)


def _protection_context(request, wave, state, *, is_last: bool) -> dict:
    """Return the start stamp to carry, and whether the last page shows the puzzle."""
    carried = request.POST.get(protection.START_FIELD, "")[:200] if request.method == "POST" else ""
    challenge = is_last and protection.needs_challenge(
        client=guessing.client_key(request), wave_id=wave.pk
    )
    language = get_language().split("-")[0]
    return {
        "started": carried or protection.sign_start(token=state.token),
        "challenge": challenge,
        "challenge_language": language,
        "challenge_i18n": f"vendor/altcha/i18n/{language}.js"
        if language in protection.CHALLENGE_LANGUAGES
        else "",
    }


def _flatten(fields):
    for field in fields:
        yield field
        yield from field.rows


def _done_context(wave) -> dict:
    return {"wave": wave, "results_url": settings.PART_RESULTS_URL}


def survey_done(request, slug):
    wave = selectors.wave_by_slug(slug=slug)
    if wave is None:
        raise Http404
    return render(request, "surveys/done.html", _done_context(wave))


# Tablet mode: a page staff enable per wave, answered offline and synced later ---------


def _tablet_wave(slug):
    wave = selectors.wave_by_slug(slug=slug)
    if wave is None or not wave.tablet_mode:
        raise Http404
    return wave


def tablet(request, slug):
    """Serve the tablet page to a tablet staff enrolled; anyone else gets the runner.

    The questions are drawn by tablet.js from the public API; the device token from the
    enrolment QR code comes along with every answer the tablet syncs.
    """
    wave = _tablet_wave(slug)
    token = request.GET.get("device", "")
    device = tablet_for_token(token, wave=wave) if token else None
    if device is None or device.is_revoked:
        return redirect("surveys:answer", slug=wave.slug)
    if wave.has_closed():
        return render(request, "surveys/closed.html", _done_context(wave), status=410)
    language = get_language()
    if language not in wave.offered_languages():
        return redirect(translate_url(request.get_full_path(), wave.offered_languages()[0]))
    config = {
        "wave": wave.slug,
        "version": wave.questionnaire.version,
        "language": language,
        "definitionUrl": reverse("surveys_api:questionnaire", args=[wave.slug])
        + f"?language={language}",
        "responsesUrl": reverse("surveys_api:responses"),
        "workerUrl": reverse("surveys:tablet_worker", args=[wave.slug]),
        "scope": reverse("surveys:tablet", args=[wave.slug]),
        "tablet": token,
        "strings": tablet_strings(),
    }
    return render(request, "surveys/tablet.html", {"wave": wave, "config": config})


def tablet_worker(request, slug):
    """Serve the tablet page's service worker from inside the page's own scope."""
    _tablet_wave(slug)
    response = render(
        request, "surveys/tablet_worker.js", content_type="text/javascript; charset=utf-8"
    )
    # The browser checks for a new worker on each visit; never serve it from a cache.
    response["Cache-Control"] = "no-cache"
    return response
