"""The billing work on the dashboards (issue 16): closed dossiers not yet delivered (BIL-01: at
least once per quarter), complete or with points open, and the month statements still to make
(BIL-03: around the 5th). A fixed number of queries, whatever the number of dossiers."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber

from koers.billing.models import BatchDossier, HourEntry, Statement
from koers.billing.selectors.delivery import staff_organisations, visible_coaches
from koers.billing.selectors.hours import coaches_of, staff_centres
from koers.core.models import User
from koers.trajectories.dossiers import (
    DossierState,
    dossier_facts,
    dossier_filter,
    dossier_programmes,
)
from koers.trajectories.models import Trajectory, TrajectoryStatus

# A dashboard names this many dossiers with points open per coach; the delivery page has all.
OPEN_SHOWN = 3


@dataclass(frozen=True)
class CoachDelivery:
    coach: User
    ready: int  # complete, not delivered
    open_count: int  # closed with pieces missing, not delivered
    incomplete: list[DossierState]  # the first `OPEN_SHOWN` of them, the longest closed first


def quarter_end(today: date) -> date:
    """The last day of today's quarter: when BIL-01 wants the dossiers delivered."""
    last_month = (today.month - 1) // 3 * 3 + 3
    if last_month == 12:
        return date(today.year, 12, 31)
    return date(today.year, last_month + 1, 1) - timedelta(days=1)


def _undelivered(user: User, coaches: list[User]):
    """The closed trajectories of these coaches not yet in a batch that the user may see (centre
    staff: of their centres, and their own)."""
    delivered = BatchDossier.objects.filter(trajectory_id=OuterRef("pk"))
    closed = Trajectory.objects.filter(
        responsible_id__in=[c.pk for c in coaches],
        status=TrajectoryStatus.CLOSED,
        programme__in=dossier_programmes(),
    ).exclude(Exists(delivered))
    if user.is_administrator:
        return closed
    return closed.filter(Q(responsible=user) | Q(organisation_id__in=staff_organisations(user)))


def undelivered_per_coach(user: User, *, named: bool = True) -> list[CoachDelivery]:
    """Per coach the user may see (a coach: themselves), their closed dossiers not yet in a batch:
    how many are complete, how many have points open and (`named`) the first of those; coaches
    with none are left out. Counted in the database from the stored judgement
    (`dossier_filter`): a fixed number of queries, whatever the number of dossiers. The centre's
    dashboard asks for the counts only: fifty coaches' names would be a page of its own (the
    delivery page has them)."""
    coaches = visible_coaches(user)
    undelivered = _undelivered(user, coaches)
    open_points = dossier_filter(complete=False)
    counts = {
        row["responsible_id"]: row
        for row in undelivered.values("responsible_id").annotate(
            ready=Count("pk", filter=dossier_filter(complete=True)),
            open=Count("pk", filter=open_points),
        )
    }
    if not named:
        return [
            CoachDelivery(coach, row["ready"], row["open"], [])
            for coach in coaches
            if (row := counts.get(coach.pk)) and (row["ready"] or row["open"])
        ]
    first_open = (
        undelivered.filter(open_points)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("responsible_id")], order_by=["end_date", "pk"]
            )
        )
        .filter(rank__lte=OPEN_SHOWN)
        .values_list("pk", flat=True)
    )
    states = dossier_facts(
        coach_ids=list(counts), trajectory_ids=list(first_open), judged=False
    )  # the stored judgement: a dashboard replays no contact
    shown: dict[int, list[DossierState]] = {}
    for state in states:
        shown.setdefault(state.coach_id, []).append(state)
    rows = []
    for coach in coaches:
        row = counts.get(coach.pk)
        if row and (row["ready"] or row["open"]):
            rows.append(CoachDelivery(coach, row["ready"], row["open"], shown.get(coach.pk, [])))
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
