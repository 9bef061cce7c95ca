"""The survey runner: plain HTML forms that work on any phone without JavaScript."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from surveys import selectors, services
from surveys.forms import ResponseForm


def _open_wave_or_page(request, slug):
    wave = selectors.wave_by_slug(slug=slug)
    if wave is None:
        raise Http404
    if wave.has_closed():
        return wave, render(request, "surveys/closed.html", {"wave": wave}, status=410)
    if not wave.is_open():
        return wave, render(request, "surveys/not_yet_open.html", {"wave": wave}, status=403)
    return wave, None


@require_http_methods(["GET", "POST"])
def answer_survey(request, slug):
    wave, unavailable = _open_wave_or_page(request, slug)
    if unavailable:
        return unavailable
    questions = selectors.questions_of(wave=wave)
    if request.method == "POST":
        form = ResponseForm(request.POST, questions=questions)
        if form.is_valid():
            services.submit_response(
                wave=wave, answers=form.cleaned_answers(), language=get_language()
            )
            return redirect("surveys:done", slug=wave.slug)
        status = 400
    else:
        form = ResponseForm(questions=questions)
        status = 200
    return render(request, "surveys/runner.html", {"wave": wave, "form": form}, status=status)


def survey_done(request, slug):
    wave = selectors.wave_by_slug(slug=slug)
    if wave is None:
        raise Http404
    return render(request, "surveys/done.html", {"wave": wave})
