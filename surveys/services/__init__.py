"""Writes of the survey engine."""

from surveys.services.access_codes import (
    AccessCodeRefused,
    find_access_code,
    generate_access_codes,
    spend_access_code,
)
from surveys.services.progress import count_page_sent, count_survey_finished
from surveys.services.responses import (
    AlreadySubmitted,
    extra_help_wanted,
    help_after_submission,
    response_submitted,
    submit_response,
)
from surveys.services.submissions import (
    Reason,
    Sender,
    SubmissionResult,
    accept_submission,
)

__all__ = [
    "Reason",
    "Sender",
    "SubmissionResult",
    "accept_submission",
    "AccessCodeRefused",
    "AlreadySubmitted",
    "count_page_sent",
    "count_survey_finished",
    "extra_help_wanted",
    "find_access_code",
    "generate_access_codes",
    "help_after_submission",
    "response_submitted",
    "spend_access_code",
    "submit_response",
]
