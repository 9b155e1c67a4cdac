"""The trajectories of `manage.py demo` (see `koers.core.demo`): for each demo client its
trajectories, with held and planned contacts, assignments, documents and plans.

A programme says how its demo trajectories look with `register_trajectory_demo`: their title,
the forms of their contacts, where they meet and who stays away, and its own steps: `opened`
right after `programme_open`, `documents` before the attendance proofs, `finished` at the end,
and `close` instead of the plain status change when the trajectory is not active.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from itertools import cycle

from koers.core.demo import Demo, register_demo
from koers.core.models import Client, User
from koers.trajectories.models import (
    AssignmentStatus,
    Contact,
    ContactForm,
    ContactOutcome,
    DocumentKind,
    DocumentStatus,
    Programme,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.services import (
    AssignmentData,
    ContactData,
    assignment_create,
    contact_log,
    document_add,
    programme_open,
    trajectory_set_status,
)

# Client 19's mediation starts long enough ago for 6 months of mediation and 3 passive
# month-ends: the mediation demo brings that service to "ter afsluiting" (MED-14).
LONG_MEDIATIONS = {19: 40}

# Where each guide works: the others work at the centre.
GUIDE_ORGANISATIONS = {"bemiddelaar": "mediation", "jobcoach": "social"}


@dataclass
class Track:
    """What the demo builds for one trajectory."""

    programme: str
    staff: str
    weeks_ago: int
    past: int
    future: int
    status: str = TrajectoryStatus.ACTIVE


@dataclass
class Built:
    """One demo trajectory being built, as the programmes' steps get it."""

    demo: Demo
    index: int
    client: Client
    track: Track
    trajectory: Trajectory
    responsible: User
    first_contact: Contact | None = None

    @property
    def start(self):
        """The start the demo asked for (the trajectory's start date)."""
        return self.demo.today - timedelta(weeks=self.track.weeks_ago)


Step = Callable[[Built], None]


@dataclass(frozen=True)
class ProgrammeDemo:
    """How the demo trajectories of one programme look, and its own steps."""

    title: str
    contact_forms: tuple[str, ...] = (ContactForm.INDIVIDUAL, ContactForm.PHONE)
    place: Callable[[Built], str] | None = None  # default: the organisation's (working) name
    absent: Callable[[Built, int], bool] | None = None  # is the k-th held contact missed?
    opened: Step | None = None
    documents: Step | None = None
    finished: Step | None = None
    close: Step | None = None


_programmes: dict[str, ProgrammeDemo] = {}


def register_trajectory_demo(programme: str, **how) -> None:
    """A programme's demo trajectories: `ProgrammeDemo`'s fields (see the module's docstring)."""
    _programmes[programme] = ProgrammeDemo(**how)


def _how(built: Built) -> ProgrammeDemo:
    return _programmes[built.track.programme]


def _run(event: str, built: Built) -> None:
    step = getattr(_how(built), event)
    if step is not None:
        step(built)


def tracks(i: int) -> list[Track]:
    """The trajectories of demo client `i`; one client has two programmes."""
    if i < 15:
        coach = "coach" if i % 3 else "coach2"
        status = TrajectoryStatus.CLOSED if i in (3, 9) else TrajectoryStatus.ACTIVE
        plans = [Track(Programme.VOUCHER, coach, 4 + i % 8, 2 + i % 3, 1, status=status)]
        if i == 0:
            plans.append(Track(Programme.MEDIATION, "bemiddelaar", 3, 2, 1))
        return plans
    if i < 20:
        weeks = LONG_MEDIATIONS.get(i, 2 + i % 6)
        return [Track(Programme.MEDIATION, "bemiddelaar", weeks, 2, 1)]
    return [Track(Programme.TRANSITION, "jobcoach", 6 + i % 5, 3, 2)]


def _place(built: Built) -> str:
    if _how(built).place is not None:
        return _how(built).place(built)
    organisation = built.trajectory.organisation
    return organisation.working_name or organisation.name


def _past_contacts(built: Built, forms, place: str) -> None:
    """Held contacts, roughly every ten days from the start, in the past."""
    demo, track, today = built.demo, built.track, built.demo.today
    start = built.start
    step = max(1, (today - start).days // (track.past + 1))
    for k in range(track.past):
        day = start + timedelta(days=1 + k * step)
        if day >= today:
            break
        starts_at = demo.agenda.slot(day, staff=built.responsible, client_pk=built.client.pk)
        if starts_at.date() >= today:
            break
        absent = _how(built).absent is not None and _how(built).absent(built, k)
        contact = contact_log(
            trajectory=built.trajectory,
            data=ContactData(
                starts_at=starts_at,
                duration_minutes=60 if k % 2 else 90,
                form=next(forms),
                place=place,
                outcome=ContactOutcome.ABSENT if absent else ContactOutcome.HELD,
                absence_reason="Ziek, attest volgt" if absent else "",
                notes="" if absent else "Loopbaanvraag verkend; volgende stappen afgesproken.",
            ),
            acting_user=built.responsible,
        )
        built.first_contact = built.first_contact or contact
        demo.counts["contacts"] += 1


def _future_contacts(built: Built, place: str) -> None:
    demo = built.demo
    for k in range(built.track.future):
        starts_at = demo.agenda.slot(
            demo.today + timedelta(days=1 + 3 * k + built.index % 4),
            staff=built.responsible,
            client_pk=built.client.pk,
        )
        contact_log(
            trajectory=built.trajectory,
            data=ContactData(
                starts_at=starts_at,
                duration_minutes=60,
                form=ContactForm.INDIVIDUAL,
                place=place,
            ),
            acting_user=built.responsible,
        )
        demo.counts["contacts"] += 1


def _assignments(built: Built) -> None:
    i, today = built.index, built.demo.today
    items = [
        ("Drie vacatures zoeken die je aanspreken", AssignmentStatus.DONE, -7),
        ("Cv bijwerken met je laatste job", AssignmentStatus.OPEN, 10),
        ("Gesprek met iemand uit de sector plannen", AssignmentStatus.OPEN, -2 - i % 3),
    ]
    for title, status, offset in items[: 1 + i % 3]:
        deadline = max(today + timedelta(days=offset), built.start)
        assignment_create(
            trajectory=built.trajectory,
            data=AssignmentData(
                title=title,
                description="",
                deadline=deadline,
                status=status,
                evaluation="Goed voorbereid." if status == AssignmentStatus.DONE else "",
            ),
            acting_user=built.responsible,
        )


def _documents(built: Built) -> None:
    _run("documents", built)
    if built.first_contact is not None:
        document_add(
            trajectory=built.trajectory,
            kind=DocumentKind.ATTENDANCE,
            title="Bewijs van deelname",
            status=DocumentStatus.SIGNED if built.index % 3 else DocumentStatus.MISSING,
            contact=built.first_contact,
            acting_user=built.responsible,
        )


def _close(built: Built) -> None:
    if built.track.status == TrajectoryStatus.ACTIVE:
        return
    if _how(built).close is not None:
        _how(built).close(built)
        return
    trajectory_set_status(
        trajectory=built.trajectory,
        status=built.track.status,
        acting_user=built.responsible,
        on=built.demo.today - timedelta(days=2),
    )


def _trajectory(demo: Demo, i: int, client: Client, track: Track) -> None:
    responsible = demo.staff[track.staff]
    organisation = demo.orgs[GUIDE_ORGANISATIONS.get(track.staff, "centre")]
    # programme_open: a voucher trajectory is opened by the vouchers app (number, rule set).
    trajectory = programme_open(
        client=client,
        programme=track.programme,
        responsible=responsible,
        organisation=organisation,
        start_date=demo.today - timedelta(weeks=track.weeks_ago),
        title=_programmes[track.programme].title,
        acting_user=responsible,
    )
    demo.counts["trajectories"] += 1
    built = Built(demo, i, client, track, trajectory, responsible)
    _run("opened", built)
    place = _place(built)
    _past_contacts(built, cycle(_how(built).contact_forms), place)
    if track.status == TrajectoryStatus.ACTIVE:
        _future_contacts(built, place)
    _assignments(built)
    _documents(built)
    _run("finished", built)
    _close(built)


def build_trajectories(demo: Demo) -> None:
    for i, client in enumerate(demo.clients):
        for track in tracks(i):
            _trajectory(demo, i, client, track)


register_demo("trajectories", build_trajectories, order=30)
