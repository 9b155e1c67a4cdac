"""Sweep: forget sign-in links a day after they were sent (used or not, they no longer work)."""

from datetime import datetime, timedelta

from koers.core.sweep import sweep_job
from koers.portal.models import LoginLink

KEEP_LINKS = timedelta(days=1)


@sweep_job
def login_links_prune(now: datetime) -> int:
    deleted, _ = LoginLink.objects.filter(created_at__lt=now - KEEP_LINKS).delete()
    return deleted
