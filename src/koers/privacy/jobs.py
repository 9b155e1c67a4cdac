"""The retention sweep as a job of the periodic sweep (`koers.core.sweep`)."""

from datetime import datetime

from koers.core.sweep import sweep_job
from koers.privacy.retention import retention_is_due, retention_sweep


@sweep_job
def retention_erase_due(now: datetime) -> int:
    """Erase what passed its retention period (at most once a day, in batches); idempotent."""
    if not retention_is_due(now):
        return 0
    return sum(retention_sweep(now=now).counts.values())
