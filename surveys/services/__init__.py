"""Writes of the survey engine."""

from surveys.services.responses import AlreadySubmitted, response_submitted, submit_response

__all__ = ["AlreadySubmitted", "response_submitted", "submit_response"]
