"""Build questionnaires: standard options, matrix rows and new versions."""

from django.db import transaction
from wagtail.log_actions import log

from surveys import selectors
from surveys.models import Option, Question, Questionnaire, ScaleItem
from surveys.standard_options import ASKS_FOR_TEXT, label_translations, standard_options_for

QUESTIONNAIRE_VERSIONED = "part.questionnaire_versioned"
QUESTIONNAIRE_VERSION_REMOVED = "part.questionnaire_version_removed"


class QuestionnaireFrozen(Exception):
    """The questionnaire has answers; a change must become a new version."""


class VersionStillNeeded(Exception):
    """A version with answers, or one a wave asks, may not be removed; `message` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _copy_option(option: Option, question: Question, position: int) -> Option:
    return Option(
        question=question,
        sort_order=position,
        value=option.value,
        label=option.label,
        score=option.score,
        asks_for_text=option.asks_for_text,
        translations=option.translations,
    )


@transaction.atomic
def complete_questionnaire(*, questionnaire: Questionnaire) -> None:
    """Give option-less standard questions their options and matrix rows their scale.

    Run after every edit in the admin, so a social worker never types "Ja"/"Nein" or
    copies an answer scale onto each row of a matrix.
    """
    if selectors.is_frozen(questionnaire=questionnaire):
        raise QuestionnaireFrozen
    questions = list(questionnaire.questions.order_by("page", "sort_order", "pk"))
    heading_options: list[Option] | None = None
    for question in questions:
        options = list(question.options.order_by("sort_order", "pk"))
        if question.kind == Question.Kind.MATRIX:
            if not options:
                options = _add_standard(question, Question.Kind.AGREEMENT)
            heading_options = options
            continue
        if question.kind == Question.Kind.MATRIX_ROW:
            if heading_options is not None:
                question.options.all().delete()
                Option.objects.bulk_create(
                    _copy_option(option, question, position)
                    for position, option in enumerate(heading_options)
                )
            continue
        heading_options = None
        if not options and question.has_options:
            _add_standard(question, question.kind)
    questionnaire.save(update_fields=["changed_at"])


def _add_standard(question: Question, kind: str) -> list[Option]:
    probe = Question(kind=kind, segment=question.segment)
    rows = [
        Option(
            question=question,
            sort_order=position,
            value=value,
            label=labels["de"],
            score=score,
            asks_for_text=value in ASKS_FOR_TEXT,
            translations=label_translations(labels),
        )
        for position, (value, labels, score) in enumerate(standard_options_for(probe))
    ]
    return Option.objects.bulk_create(rows)


@transaction.atomic
def create_new_version(*, questionnaire: Questionnaire, user=None) -> Questionnaire:
    """Copy a questionnaire, its pages, questions, options and scales as the next version.

    Responses keep pointing at the version they answered; waves are moved to a new
    version by staff when they choose.
    """
    newest = selectors.latest_version(key=questionnaire.key)
    copy = Questionnaire.objects.create(
        key=questionnaire.key,
        version=newest.version + 1,
        title=questionnaire.title,
        intro=questionnaire.intro,
        translations=questionnaire.translations,
    )
    for page in questionnaire.pages.all():
        page.pk = None
        page.questionnaire = copy
        page.save()
    question_map = {}
    for question in questionnaire.questions.order_by("sort_order", "pk"):
        options = list(question.options.order_by("sort_order", "pk"))
        original_pk = question.pk
        question.pk = None
        question.questionnaire = copy
        question.save()
        question_map[original_pk] = question
        Option.objects.bulk_create(
            _copy_option(option, question, position) for position, option in enumerate(options)
        )
    for scale in questionnaire.scales.all():
        items = list(scale.items.all())
        scale.pk = None
        scale.questionnaire = copy
        scale.save()
        ScaleItem.objects.bulk_create(
            ScaleItem(
                scale=scale,
                question=question_map[item.question_id],
                is_reversed=item.is_reversed,
                subscale=item.subscale,
            )
            for item in items
        )
    log(
        instance=copy,
        action=QUESTIONNAIRE_VERSIONED,
        user=user,
        data={"questionnaire": questionnaire.key, "version": copy.version},
    )
    return copy


@transaction.atomic
def remove_version(*, questionnaire: Questionnaire, user=None) -> None:
    """Delete a version nobody has answered and no wave asks, with its questions and scales.

    A version with answers stays for good, so every answer keeps the wording it was given.
    """
    # Locked, so no answer can arrive for it between the check and the deletion.
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    problem = selectors.why_version_is_needed(questionnaire=questionnaire)
    if problem:
        raise VersionStillNeeded(problem)
    log(
        instance=questionnaire,
        action=QUESTIONNAIRE_VERSION_REMOVED,
        user=user,
        data={"questionnaire": questionnaire.key, "version": questionnaire.version},
    )
    questionnaire.delete()
