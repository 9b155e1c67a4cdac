"""Scheduled mediation work, run by the sweep. Each job locks one service at a time and checks what
it already did, so running twice (or on two workers) changes nothing the second time."""

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from koers.core.sweep import sweep_job
from koers.mediation import services
from koers.mediation.models import LadderState, MediationService, ServiceState

logger = logging.getLogger(__name__)


@sweep_job
def mediation_closing_signal(now: datetime) -> int:
    """MED-12/13/14: put services whose mediation process ended "ter afsluiting"."""
    today = timezone.localdate(now)
    done = 0
    for pk in MediationService.objects.filter(state=ServiceState.MEDIATING).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            # The sweep on two workers, or a month-end category recorded meanwhile: the second
            # waits and finds the service already "ter afsluiting" (closing_refresh is idempotent).
            service = (
                MediationService.objects.select_for_update(of=("self",))
                .select_related("trajectory")
                .get(pk=pk)
            )
            done += services.closing_refresh(service=service, today=today)
    return done


@sweep_job
def mediation_auto_close(now: datetime) -> int:
    """MED-16: no final advice within the month: close automatically."""
    today = timezone.localdate(now)
    due = MediationService.objects.filter(
        state=ServiceState.TO_CLOSE, advice_deadline__lt=today
    ).values_list("pk", flat=True)
    done = 0
    for pk in due:
        try:
            done += services.auto_close_one(pk, now)
        except Exception:
            # One service the rules refuse to close must not keep the others open: logged by
            # its id (no personal data) for the centre to close by hand, the rest go on.
            logger.exception("automatic closing of mediation service %s failed", pk)
    return done


@sweep_job
def mediation_absence_stop(now: datetime) -> int:
    """MED-03: a ladder that reached STOP always ends the service (normally done at once)."""
    stuck = (
        MediationService.objects.filter(ladder_state=LadderState.STOPPED)
        .exclude(state__in=[ServiceState.STOPPED, ServiceState.CLOSED])
        .values_list("pk", flat=True)
    )
    return sum(services.absence_stop_sweep_one(pk, now) for pk in stuck)
