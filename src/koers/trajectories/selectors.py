"""Read queries of the trajectory core, starting from `visible_to(user)`."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, QuerySet

from koers.core.models import Client, User
from koers.core.states import StateMove, state_history
from koers.trajectories.models import (
    Assignment,
    Contact,
    ContactOutcome,
    Document,
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
    obj: object
    programme: str = ""  # the trajectory's programme (its value), read along with the entry


def client_timeline(
    *, user: User, client: Client, limit: int = TIMELINE_LIMIT
) -> list[TimelineEntry]:
    """Contacts, assignments, plan versions and documents of a client, newest first, merged.

    Four bounded queries whatever the size of the file; only the newest `limit` of each kind are
    read, which is all the merged list can show.
    """
    visible = Trajectory.objects.visible_to(user).filter(client=client).values("pk")
    entries: list[TimelineEntry] = []
    for contact in (
        Contact.objects.filter(trajectory__in=visible)
        .select_related("staff")
        .annotate(programme=F("trajectory__programme"))
        .order_by("-starts_at")[:limit]
    ):
        entries.append(
            TimelineEntry(
                contact.starts_at,
                "contact",
                contact.get_form_display(),
                f"{contact.duration_minutes} min · {contact.get_outcome_display()}",
                contact.trajectory_id,
                contact,
                contact.programme,
            )
        )
    assignments = (
        Assignment.objects.filter(trajectory__in=visible)
        .annotate(programme=F("trajectory__programme"))
        .order_by("-created_at")[:limit]
    )
    for assignment in assignments:
        entries.append(
            TimelineEntry(
                assignment.created_at,
                "assignment",
                assignment.title,
                assignment.get_status_display(),
                assignment.trajectory_id,
                assignment,
                assignment.programme,
            )
        )
    versions = (
        PlanVersion.objects.filter(plan__trajectory__in=visible)
        .select_related("plan", "author")
        .annotate(programme=F("plan__trajectory__programme"))
        .order_by("-created_at")[:limit]
    )
    for version in versions:
        entries.append(
            TimelineEntry(
                version.created_at,
                "plan",
                version.plan.title,
                f"v{version.number}",
                version.plan.trajectory_id,
                version,
                version.programme,
            )
        )
    documents = (
        Document.objects.filter(trajectory__in=visible)
        .annotate(programme=F("trajectory__programme"))
        .order_by("-updated_at")[:limit]
    )
    for document in documents:
        entries.append(
            TimelineEntry(
                document.updated_at,
                "document",
                document.title,
                document.get_status_display(),
                document.trajectory_id,
                document,
                document.programme,
            )
        )
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
