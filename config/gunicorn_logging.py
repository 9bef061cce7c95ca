"""Gunicorn logs that cannot date an answer, hold a code or name a client.

The access log writes no line at all for survey addresses (`/s/…`, `/code/…`, also
behind a language prefix, and `POST /api/v1/responses/`): a line without a time would
still be dated by the timed lines around it, and its query string may hold a printed
code. Static files go unlogged too: the survey pages fetch them while someone answers.
Other lines keep their time but lose every query string, the client address and the
headers that can carry either (Referer, X-Forwarded-For, Forwarded). The error log
keeps its time, but every message and traceback loses query strings and IP addresses.
"""

import ipaddress
import logging
import re

from gunicorn.glogging import Logger

SURVEY_ADDRESS = re.compile(
    r"^/(?:[a-z]{2}(?:-[a-z0-9]+)*/)?(?:s|code)/|^/api/v1/responses/|^/static/"
)
QUERY = re.compile(r"\?[^\s\"'<>]*")
ADDRESS_LIKE = re.compile(r"[0-9A-Fa-f:.]*[.:][0-9A-Fa-f:.]*")
HIDDEN = "-"
# Request headers and environment entries that may carry an address or a survey link.
REVEALING = ("{referer}i", "{x-forwarded-for}i", "{x-real-ip}i", "{forwarded}i")
REVEALING_ENVIRON = ("{remote_addr}e", "{query_string}e", "{raw_uri}e", "{http_referer}e")


def is_survey_address(path: str) -> bool:
    """Say whether a request path belongs to answering a survey (static files included)."""
    return bool(SURVEY_ADDRESS.match(path or ""))


def _hide_address(match: re.Match) -> str:
    text = match.group(0)
    candidates = [text.strip(".:")]
    if text.count(":") == 1:  # an IPv4 address with its port
        candidates.append(text.split(":")[0])
    for candidate in candidates:
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            continue
        return text.replace(candidate, "[address]")
    return text


def scrub(text: str) -> str:
    """Return `text` without query strings and IP addresses."""
    return ADDRESS_LIKE.sub(_hide_address, QUERY.sub("", text))


class ScrubErrors(logging.Filter):
    """Take query strings and client addresses out of error-log messages and tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        return True


class PrivateLogger(Logger):
    """Gunicorn's logger, with the access and error logs described in this module."""

    def setup(self, cfg):
        super().setup(cfg)
        if not any(isinstance(each, ScrubErrors) for each in self.error_log.filters):
            self.error_log.addFilter(ScrubErrors())

    def access(self, resp, req, environ, request_time):
        if is_survey_address(environ.get("PATH_INFO", "")):
            return
        super().access(resp, req, environ, request_time)

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = environ.get("PATH_INFO", "")
        atoms["r"] = f"{environ['REQUEST_METHOD']} {path} {environ['SERVER_PROTOCOL']}"
        atoms.update({"h": HIDDEN, "q": "", "f": HIDDEN})
        for key in (*REVEALING, *REVEALING_ENVIRON):
            atoms.pop(key, None)
        return atoms
