"""The trajectory list (`/trajecten/`) and the contact list (`/trajecten/contacten/`) with their
filters (issue 16): reads that start from `visible_to(user)`, paged by keyset (`core/keyset.py`),
and shared with their exports (`koers.listexports`). A fixed number of queries per page.

A voucher's dossier status (complete, or its open points) is the programme's own judgement, read
through the trajectory core's registry `dossiers` (the same checklist LBC-11/13/15 billing and
the voucher page use) as the programme stored it: no contact replayed, a bounded number of
queries for any number of trajectories.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from koers.core.keyset import CursorPage, cursor_page
from koers.core.models import User
from koers.trajectories.dossiers import DossierState, dossier_facts, dossier_filter
from koers.trajectories.models import Contact, Programme, Trajectory, TrajectoryStatus

TRAJECTORY_ORDER = ("-start_date", "-pk")
CONTACT_ORDER = ("-starts_at", "-pk")
PAGE_SIZE = 25
# The dossier filter counts its rows up to this many: a judgement per row, so an exact count of a
# centre's every open dossier would read them all for one page of 25 (issue 14).
DOSSIER_COUNT_CAP = 1000
DOSSIER_COMPLETE, DOSSIER_OPEN = "volledig", "open"


@dataclass(frozen=True)
class TrajectoryFilter:
    programme: str = ""
    status: str = ""
    mine: bool = False
    dossier: str = ""  # vouchers only: DOSSIER_COMPLETE or DOSSIER_OPEN


def trajectory_filter(given: Mapping[str, str]) -> TrajectoryFilter:
    """The list's filter from its query string (`programma`, `status`, `mijn`, `dossier`);
    an unknown value is no filter."""
    programme = given.get("programma", "")
    status = given.get("status", "")
    dossier = given.get("dossier", "")
    return TrajectoryFilter(
        programme=programme if programme in Programme.values else "",
        status=status if status in TrajectoryStatus.values else "",
        mine=given.get("mijn") == "1",
        dossier=dossier if dossier in (DOSSIER_COMPLETE, DOSSIER_OPEN) else "",
    )


def dossier_states(trajectories: Iterable[Trajectory]) -> dict[int, DossierState]:
    """The dossier of each voucher trajectory among these, by trajectory id (others: absent)."""
    vouchers = [t for t in trajectories if t.programme == Programme.VOUCHER]
    if not vouchers:
        return {}
    states = dossier_facts(
        coach_ids={t.responsible_id for t in vouchers},
        trajectory_ids=[t.pk for t in vouchers],
        judged=False,  # as stored, the same judgement the filter reads
    )
    return {s.trajectory_id: s for s in states}


# What the list and its export show: not the client's encrypted number nor the user's password.
_LIST_FIELDS = (
    "programme",
    "status",
    "start_date",
    "end_date",
    "client__first_name",
    "client__last_name",
    "responsible__username",
    "responsible__first_name",
    "responsible__last_name",
    "organisation__name",
)


def trajectory_list(*, user: User, chosen: TrajectoryFilter) -> QuerySet[Trajectory]:
    trajectories = (
        Trajectory.objects.visible_to(user)
        .select_related("client", "responsible", "organisation")
        .only(*_LIST_FIELDS)
    )
    if chosen.programme:
        trajectories = trajectories.filter(programme=chosen.programme)
    if chosen.status:
        trajectories = trajectories.filter(status=chosen.status)
    if chosen.mine:
        trajectories = trajectories.filter(responsible=user)
    if chosen.dossier:
        trajectories = trajectories.filter(dossier_filter(chosen.dossier == DOSSIER_COMPLETE))
    return trajectories


def trajectory_list_page(
    *, user: User, chosen: TrajectoryFilter, number: int = 1, after=None, before=None
) -> CursorPage:
    trajectories = trajectory_list(user=user, chosen=chosen)
    return cursor_page(
        trajectories,
        ordering=TRAJECTORY_ORDER,
        size=PAGE_SIZE,
        number=number,
        after=after,
        before=before,
        count_cap=DOSSIER_COUNT_CAP if chosen.dossier else None,
    )


@dataclass(frozen=True)
class ContactFilter:
    start: date
    end: date
    mine: bool = False


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def contact_filter(given: Mapping[str, str], today: date) -> ContactFilter:
    """`van`/`tot` (ISO dates, both days included; default: this month) and `mijn`."""
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    start = _day(given.get("van")) or first
    end = _day(given.get("tot")) or last
    if end < start:
        start, end = end, start
    return ContactFilter(start=start, end=end, mine=given.get("mijn") == "1")


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def contact_list(*, user: User, chosen: ContactFilter) -> QuerySet[Contact]:
    contacts = (
        Contact.objects.visible_to(user)
        .filter(
            starts_at__gte=_start_of(chosen.start),
            starts_at__lt=_start_of(chosen.end + timedelta(days=1)),
        )
        .select_related("trajectory__client", "staff")
    )
    if chosen.mine:
        contacts = contacts.filter(staff=user)
    return contacts


def contact_list_page(
    *, user: User, chosen: ContactFilter, number: int = 1, after=None, before=None
) -> CursorPage:
    return cursor_page(
        contact_list(user=user, chosen=chosen),
        ordering=CONTACT_ORDER,
        size=PAGE_SIZE,
        number=number,
        after=after,
        before=before,
    )
