"""Read queries of the trajectory core, starting from `visible_to(user)`."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet

from koers.core.models import Client, User
from koers.core.states import StateMove, state_history
from koers.trajectories.models import (
    Assignment,
    AssignmentStatus,
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentStatus,
    Plan,
    PlanVersion,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.rules import MAX_CONTACT_MINUTES, Slot

TIMELINE_LIMIT = 50
PAGE_PART_SIZE = 25  # contacts and documents on the trajectory's page, the newest first

# One-to-one extensions that programme apps hang on a trajectory (e.g. "voucher"), read along with
# it so that pages can link to the programme's own page without a query per row.
_programme_relations: list[str] = []


# Programme apps name their phases (e.g. "intake" -> "Intake"); pages show the label.
_phase_labels: dict[tuple[str, str], str] = {}


def register_programme_phases(programme: str, labels: dict[str, str]) -> None:
    for phase, label in labels.items():
        _phase_labels[(programme, phase)] = label


def phase_label(programme: str, phase: str) -> str:
    return _phase_labels.get((programme, phase), phase)


def register_programme_relation(name: str) -> None:
    if name not in _programme_relations:
        _programme_relations.append(name)


def trajectories_for_client(*, user: User, client: Client) -> QuerySet[Trajectory]:
    return (
        Trajectory.objects.visible_to(user)
        .filter(client=client)
        .select_related("responsible", "organisation", *_programme_relations)
    )


def trajectory_get(*, user: User, pk: int) -> Trajectory:
    return (
        Trajectory.objects.visible_to(user)
        .select_related("client", "responsible", "organisation")
        .get(pk=pk)
    )


def trajectory_detail(*, user: User, pk: int) -> Trajectory:
    """A trajectory with its assignments and plans (each with its number of versions), in a
    fixed number of queries; its contacts and documents are paged (`trajectory_page`)."""
    return (
        Trajectory.objects.visible_to(user)
        .select_related("client", "responsible", "organisation", *_programme_relations)
        .prefetch_related(
            "assignments",
            Prefetch("plans", queryset=Plan.objects.annotate(version_count=Count("versions"))),
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # "contact" | "assignment" | "plan" | "document"
    title: str
    detail: str
    trajectory_id: int
    programme: str = ""  # the trajectory's programme (its value), read along with the entry
    plan_id: int | None = None  # a plan version's plan, which its entry links to


def client_timeline(
    *, user: User, client: Client, limit: int = TIMELINE_LIMIT
) -> list[TimelineEntry]:
    """Contacts, assignments, plan versions and documents of a client, newest first, merged.

    Four bounded queries whatever the size of the file; only the newest `limit` of each kind are
    read, which is all the merged list can show, and only the columns an entry shows (issue 14:
    no model is built for a line of text).
    """
    visible = Trajectory.objects.visible_to(user).filter(client=client).values("pk")
    forms, outcomes = dict(ContactForm.choices), dict(ContactOutcome.choices)
    statuses = dict(AssignmentStatus.choices)
    document_statuses = dict(DocumentStatus.choices)
    entries = [
        TimelineEntry(
            at,
            "contact",
            forms.get(form, form),
            f"{minutes} min · {outcomes.get(outcome, outcome)}",
            trajectory_id,
            programme,
        )
        for at, form, minutes, outcome, trajectory_id, programme in Contact.objects.filter(
            trajectory__in=visible
        )
        .order_by("-starts_at")
        .values_list(
            "starts_at",
            "form",
            "duration_minutes",
            "outcome",
            "trajectory_id",
            "trajectory__programme",
        )[:limit]
    ]
    entries += [
        TimelineEntry(
            at, "assignment", title, statuses.get(status, status), trajectory_id, programme
        )
        for at, title, status, trajectory_id, programme in Assignment.objects.filter(
            trajectory__in=visible
        )
        .order_by("-created_at")
        .values_list("created_at", "title", "status", "trajectory_id", "trajectory__programme")[
            :limit
        ]
    ]
    entries += [
        TimelineEntry(at, "plan", title, f"v{number}", trajectory_id, programme, plan_id)
        for at, title, number, trajectory_id, programme, plan_id in PlanVersion.objects.filter(
            plan__trajectory__in=visible
        )
        .order_by("-created_at")
        .values_list(
            "created_at",
            "plan__title",
            "number",
            "plan__trajectory_id",
            "plan__trajectory__programme",
            "plan_id",
        )[:limit]
    ]
    entries += [
        TimelineEntry(
            at, "document", title, document_statuses.get(status, status), trajectory_id, programme
        )
        for at, title, status, trajectory_id, programme in Document.objects.filter(
            trajectory__in=visible
        )
        .order_by("-updated_at")
        .values_list("updated_at", "title", "status", "trajectory_id", "trajectory__programme")[
            :limit
        ]
    ]
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries[:limit]


def contact_or_none(pk: int | None) -> Contact | None:
    """The saved contact (as it is before a change), or None for a new one."""
    return Contact.objects.filter(pk=pk).first() if pk else None


# Contacts that take up time in an agenda; cancelled and rescheduled ones free it again.
BUSY_OUTCOMES = (ContactOutcome.PLANNED, ContactOutcome.HELD, ContactOutcome.ABSENT)


def busy_slots(
    slot: Slot, *, exclude_pk: int | None, client_id: int | None = None, staff: User | None = None
) -> list[Slot]:
    """The busy contacts that could overlap `slot`, of one client or of one staff member."""
    window = (slot.starts_at - timedelta(minutes=MAX_CONTACT_MINUTES), slot.ends_at)
    nearby = Contact.objects.filter(starts_at__range=window, outcome__in=BUSY_OUTCOMES).exclude(
        pk=exclude_pk
    )
    if client_id is not None:
        nearby = nearby.filter(trajectory__client_id=client_id)
    if staff is not None:
        nearby = nearby.filter(staff=staff)
    return [Slot(c.starts_at, c.duration_minutes) for c in nearby]


@dataclass(frozen=True)
class StatusMove:
    """A move the trajectory's page offers as a button."""

    value: str
    label: str

    @property
    def is_start(self) -> bool:
        return self.value == TrajectoryStatus.ACTIVE

    @property
    def is_close(self) -> bool:
        return self.value == TrajectoryStatus.CLOSED

    @property
    def is_cancel(self) -> bool:
        return self.value == TrajectoryStatus.CANCELLED


@dataclass(frozen=True)
class TrajectoryPage:
    trajectory: Trajectory
    moves: list[StatusMove]
    history: list[StateMove]
    contacts: Page  # one page, the newest first (`?contacts=<page>`)
    documents: Page  # one page, the newest first (`?documents=<page>`)


def trajectory_page(
    *, user: User, pk: int, contacts_page: str | None = None, documents_page: str | None = None
) -> TrajectoryPage:
    """What the trajectory's page shows: the trajectory with its parts, a page of its contacts
    and of its documents, the moves its status may make (the table of `rules`) and the moves it
    made. A fixed number of queries and a bounded page, however many contacts."""
    trajectory = trajectory_detail(user=user, pk=pk)
    moves = [StatusMove(s, TrajectoryStatus(s).label) for s in trajectory.next_statuses()]
    contacts = trajectory.contacts.select_related("staff").order_by("-starts_at", "-id")
    documents = trajectory.documents.order_by("-created_at", "-id")
    return TrajectoryPage(
        trajectory,
        moves,
        state_history(trajectory, "status"),
        Paginator(contacts, PAGE_PART_SIZE).get_page(contacts_page),
        Paginator(documents, PAGE_PART_SIZE).get_page(documents_page),
    )


def latest_plan_version(plan: Plan) -> PlanVersion | None:
    return PlanVersion.objects.filter(plan=plan).order_by("-number").first()


def plan_versions(plan: Plan) -> list[PlanVersion]:
    """Every version of a plan, newest first, with its author."""
    return list(PlanVersion.objects.filter(plan=plan).select_related("author").order_by("-number"))
