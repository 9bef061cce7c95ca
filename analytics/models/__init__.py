"""Public snapshots and staff data tools, one module per concern.

Every model is importable from `analytics.models` as before.
"""

from analytics.models.exports import Export
from analytics.models.moderation import Quote, WatchedNames
from analytics.models.safeguarding import (
    SafeguardingConcern,
    SafeguardingHelp,
    SafeguardingRule,
    SafeguardingScan,
)
from analytics.models.snapshots import (
    AggregateCell,
    AggregateRollup,
    AggregateState,
    ComparisonSnapshot,
    Snapshot,
)

__all__ = [
    "AggregateCell",
    "AggregateRollup",
    "AggregateState",
    "ComparisonSnapshot",
    "Export",
    "Quote",
    "SafeguardingConcern",
    "SafeguardingHelp",
    "SafeguardingRule",
    "SafeguardingScan",
    "Snapshot",
    "WatchedNames",
]
