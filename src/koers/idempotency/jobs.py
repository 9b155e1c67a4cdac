"""The sweep forgets idempotency keys after a while: a retry comes within minutes, not days."""

from datetime import datetime, timedelta

from django.conf import settings

from koers.core.sweep import sweep_job
from koers.idempotency.models import IdempotentRequest


@sweep_job
def forget_old_idempotency_keys(now: datetime) -> int:
    """Delete keys older than `KOERS_IDEMPOTENCY_HOURS`. Safe to run twice."""
    cutoff = now - timedelta(hours=settings.KOERS_IDEMPOTENCY_HOURS)
    deleted, _ = IdempotentRequest.objects.filter(created_at__lt=cutoff).delete()
    return deleted
