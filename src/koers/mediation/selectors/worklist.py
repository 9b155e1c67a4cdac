"""The mediation work on the dashboards (issue 16): the deadlines of "klanten opvolgen" that are
due soon (MED-02/03/05/14) and the month-end categories still to enter (MED-12). A fixed number
of queries, whatever the number of services."""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet

from koers.core.models import User
from koers.mediation import models as m
from koers.mediation.selectors.dashboard import OPEN_STATES
from koers.mediation.selectors.deadlines import (
    Deadline,
    deadline_rows,
    deadlines_of,
    shown_services,
)
from koers.mediation.selectors.lookups import services_for_user

SOON_DAYS = 15  # MED-05's first sheet is due within 15 days: what the dashboard looks ahead


def deadlines_soon(user: User, today: date, limit: int) -> tuple[list[Deadline], int]:
    """The deadlines due by `SOON_DAYS` from today (late ones first), at most `limit` with their
    services, and how many there are."""
    open_services = m.MediationService.objects.visible_to(user).filter(state__in=OPEN_STATES)
    horizon = today + timedelta(days=SOON_DAYS)
    rows = deadline_rows(open_services, until=horizon)
    shown = list(rows[:limit])
    return deadlines_of(shown, shown_services(user, shown)), rows.count()


def last_month_end(today: date) -> date:
    return today.replace(day=1) - timedelta(days=1)


def month_ends_missing(user: User, today: date) -> QuerySet[m.MediationService]:
    """MED-12: services in mediation since before the last month end without that month end's
    category, the oldest start first."""
    month_end = last_month_end(today)
    entered = m.MonthEndCategory.objects.filter(service=OuterRef("pk"), month_end=month_end)
    return (
        services_for_user(user=user)
        .filter(
            state__in=[m.ServiceState.MEDIATING, m.ServiceState.TO_CLOSE],
            mediation_started_on__lte=month_end,
        )
        .exclude(Exists(entered))
        .order_by("mediation_started_on", "pk")
    )
