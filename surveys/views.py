"""The survey runner: plain HTML forms, one page at a time, that work without JavaScript."""

import contextlib

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from surveys import selectors, services
from surveys.forms import RunnerState, StateError, page_fields, read_page
from surveys.validation import check


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
        return redirect(translate_url(request.path, offered[0]))
    return run(request, wave=wave)


def run(request, *, wave, preview_url: str = ""):
    """Serve one page of the runner for `wave`; a preview (at `preview_url`) stores nothing."""
    preview = bool(preview_url)
    action_url = preview_url or reverse("surveys:answer", args=[wave.slug])
    structure = selectors.questionnaire_structure(questionnaire=wave.questionnaire)
    if not check(structure, {}).visible_pages:
        raise Http404  # A questionnaire without questions has nothing to answer yet.
    if request.method == "GET":
        checked = check(structure, {})
        first = checked.visible_pages[0] if checked.visible_pages else 1
        state = RunnerState.start(wave=wave, first_page=first)
        return _page(request, wave, structure, state, checked, {}, action_url, preview)
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
    before = check(structure, state.answers)
    if state.page not in before.visible_pages:
        state.page = before.visible_pages[0]
    state.answers.update(read_page(request.POST, before.shown_by_page[state.page]))
    language = request.POST.get("switch_language")
    if language in wave.offered_languages():
        translation.activate(language)
        request.LANGUAGE_CODE = language
        action_url = preview_url or reverse("surveys:answer", args=[wave.slug])
        checked = check(structure, state.answers)
        return _page(request, wave, structure, state, checked, {}, action_url, preview)
    if request.POST.get("action") == "back":
        checked = check(structure, state.answers)
        earlier = [page for page in checked.visible_pages if page < state.page]
        state.page = earlier[-1] if earlier else checked.visible_pages[0]
        return _page(request, wave, structure, state, checked, {}, action_url, preview)
    checked = check(structure, state.answers, pages=[state.page])
    if checked.errors:
        return _page(request, wave, structure, state, checked, checked.errors, action_url, preview)
    later = [page for page in checked.visible_pages if page > state.page]
    if later:
        state.page = later[0]
        return _page(request, wave, structure, state, checked, {}, action_url, preview)
    final = check(structure, state.answers)
    if final.errors:
        wrong = [page for page in final.visible_pages if _has_error(final, page)]
        state.page = wrong[0]
        return _page(request, wave, structure, state, final, final.errors, action_url, preview)
    if preview:
        return render(request, "surveys/preview_done.html", {"wave": wave, "restart": action_url})
    # A double click or a re-sent form: the first one is stored, so just say thanks.
    with contextlib.suppress(services.AlreadySubmitted):
        services.submit_response(
            wave=wave,
            answers=final.answers,
            segments=final.segments,
            language=get_language(),
            token=state.token,
        )
    return redirect("surveys:done", slug=wave.slug)


def _has_error(checked, page: int) -> bool:
    return any(question.key in checked.errors for question in checked.shown_by_page[page])


def _page(request, wave, structure, state, checked, errors, action_url, preview):
    language = get_language()
    shown = checked.shown_by_page.get(state.page, [])
    fields = page_fields(structure, shown, state.answers, errors, language)
    pages = checked.visible_pages
    rule = structure.page_rules.get(state.page)
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
        "action_url": action_url,
        "languages": [
            (code, name)
            for code, name in settings.LANGUAGES
            if code in wave.offered_languages() and code != language
        ],
        "preview": preview,
    }
    return render(request, "surveys/runner.html", context, status=400 if errors else 200)


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
