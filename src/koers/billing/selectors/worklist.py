"""The billing work on the dashboards (issue 16): closed dossiers not yet delivered (BIL-01: at
least once per quarter), complete or with points open, and the month statements still to make
(BIL-03: around the 5th). A fixed number of queries, whatever the number of dossiers."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef

from koers.billing.models import BatchDossier, HourEntry, Statement
from koers.billing.selectors.delivery import staff_organisations, visible_coaches
from koers.billing.selectors.hours import coaches_of, staff_centres
from koers.core.models import User
from koers.trajectories.dossiers import DossierState, dossier_facts
from koers.trajectories.models import Trajectory

# The most recently closed undelivered dossiers judged for a dashboard: a centre that delivers
# each quarter has far fewer; the delivery page judges them all.
UNDELIVERED_JUDGED = 300


@dataclass(frozen=True)
class CoachDelivery:
    coach: User
    ready: int  # complete, not delivered
    incomplete: list[DossierState]  # closed with pieces missing, not delivered


def quarter_end(today: date) -> date:
    """The last day of today's quarter: when BIL-01 wants the dossiers delivered."""
    last_month = (today.month - 1) // 3 * 3 + 3
    if last_month == 12:
        return date(today.year, 12, 31)
    return date(today.year, last_month + 1, 1) - timedelta(days=1)


def _undelivered_ids(coach_ids: list[int]) -> list[int]:
    delivered = BatchDossier.objects.filter(trajectory_id=OuterRef("pk"))
    return list(
        Trajectory.objects.filter(responsible_id__in=coach_ids, end_date__isnull=False)
        .exclude(Exists(delivered))
        .order_by("-end_date", "-pk")
        .values_list("pk", flat=True)[:UNDELIVERED_JUDGED]
    )


def undelivered_per_coach(user: User) -> list[CoachDelivery]:
    """Per coach the user may see (a coach: themselves), their closed dossiers not yet in a batch:
    how many are complete and which have points open; coaches with none are left out."""
    coaches = visible_coaches(user)
    staff = None if user.is_administrator else set(staff_organisations(user))
    states = dossier_facts(
        coach_ids=[c.pk for c in coaches],
        trajectory_ids=_undelivered_ids([c.pk for c in coaches]),
        judged=False,  # the stored judgement: a dashboard replays no contact
    )
    if staff is not None:
        states = [s for s in states if s.coach_id == user.pk or s.organisation_id in staff]
    rows = []
    for coach in coaches:
        mine = [s for s in states if s.coach_id == coach.pk and s.closed_on is not None]
        ready = sum(1 for s in mine if s.complete)
        incomplete = [s for s in mine if not s.complete]
        if ready or incomplete:
            rows.append(CoachDelivery(coach, ready, incomplete))
    return rows


def statements_missing(user: User, today: date) -> tuple[date, list[User]]:
    """BIL-03: the coaches of the user's centres with hours entered at VDAB for last month and
    no statement for it yet, and that month's first day."""
    month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    coaches = coaches_of(staff_centres(user))
    hours = HourEntry.objects.filter(
        coach=OuterRef("pk"), day__gte=month, day__lt=today.replace(day=1)
    )
    made = Statement.objects.filter(coach=OuterRef("pk"), month=month)
    return month, list(coaches.filter(Exists(hours)).exclude(Exists(made))[:50])
