"""Retention rules of analytics, found by name by the `purge_expired` command.

Each rule is a label and a function from "now" to a queryset of what must go.
"""

from analytics.exports.services import expired_exports

RETENTION_RULES = [("export files", expired_exports)]
