"""Logging filters, kept free of imports so the logging set-up can load them early."""

from django.core.exceptions import SuspiciousOperation


class QuietSuspiciousRequests:
    """Drop the traceback Django logs with a request it could not read; one line is enough.

    A body over the limit without a Content-Length (chunked) is refused where Django first
    reads it, and logged as a security event with its traceback.
    """

    def filter(self, record) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], SuspiciousOperation):
            record.exc_info = None
            record.exc_text = None
        return True
