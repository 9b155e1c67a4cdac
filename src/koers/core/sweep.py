"""One periodic "sweep" that runs every registered idempotent job.

Programme apps register with `@sweep_job`; the job gets the current time and must be safe to run
twice (it checks what it already did). Running them from one periodic task keeps the schedule in
one place and lets `manage.py sweep` run the same thing by hand or from cron.
"""

import logging
from collections.abc import Callable, Collection
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

logger = logging.getLogger(__name__)

SweepJob = Callable[[datetime], int | None]
_jobs: dict[str, SweepJob] = {}


def sweep_job(func: SweepJob) -> SweepJob:
    _jobs[f"{func.__module__}.{func.__qualname__}"] = func
    return func


def registered_jobs() -> dict[str, SweepJob]:
    return dict(_jobs)


def run_sweep(
    now: datetime | None = None, only: Collection[str] | None = None
) -> dict[str, int | None]:
    """Run every job (or `only` these names); one failing job is logged and does not stop the
    others."""
    now = now or timezone.now()
    results: dict[str, int | None] = {}
    for name, job in _jobs.items():
        if only is not None and name not in only:
            continue
        try:
            results[name] = job(now)
        except Exception:
            logger.exception("sweep job %s failed", name)
            results[name] = None
    return results


@db_periodic_task(crontab(minute=f"*/{settings.KOERS_SWEEP_MINUTES}"))
def sweep() -> None:
    run_sweep()
