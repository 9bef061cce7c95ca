"""Writes of the survey engine."""

from surveys.services.access_codes import (
    AccessCodeRefused,
    find_access_code,
    generate_access_codes,
    spend_access_code,
)
from surveys.services.responses import AlreadySubmitted, response_submitted, submit_response

__all__ = [
    "AccessCodeRefused",
    "AlreadySubmitted",
    "find_access_code",
    "generate_access_codes",
    "response_submitted",
    "spend_access_code",
    "submit_response",
]
