"""BIL-01 reads: the dossiers to deliver, the batches, the quarter reminder, audits — every one
starting from what the user may see, in a fixed number of queries whatever the data."""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Max, QuerySet
from django.utils import timezone

from koers.billing.models import Audit, BatchDossier, DeliveryBatch
from koers.billing.rules import delivery as rules
from koers.billing.selectors.ruleset import billing_ruleset
from koers.core.models import Membership, Role, User
from koers.core.states import StateMove, state_history
from koers.lib.rules import Reason
from koers.trajectories.dossiers import DossierState, dossier_facts
from koers.trajectories.models import Trajectory

PAGE_SIZE = 25


def is_centre_staff(user: User, organisation_id: int) -> bool:
    return user.is_administrator or organisation_id in user.organisation_ids(Role.CENTRE_STAFF)


def delivered_on(trajectory_ids: Collection[int]) -> dict[int, date]:
    """The day each of these dossiers went into a batch (one query)."""
    rows = BatchDossier.objects.filter(trajectory_id__in=trajectory_ids).values_list(
        "trajectory_id", "batch__created_at"
    )
    return {t: timezone.localdate(at) for t, at in rows}


def as_facts(states: list[DossierState], delivered: dict[int, date]) -> list[rules.DossierFacts]:
    """The read interface's dossiers as the pure core's facts (coach ids as text)."""
    return [
        rules.DossierFacts(
            voucher=s.voucher,
            client_name=s.client_name,
            coach=str(s.coach_id),
            closed_on=s.closed_on,
            missing=s.missing,
            delivered_on=delivered.get(s.trajectory_id),
            key=s.trajectory_id,
        )
        for s in states
    ]


def batches_for_user(user: User) -> QuerySet[DeliveryBatch]:
    return DeliveryBatch.objects.visible_to(user).select_related("coach", "organisation")


def batch_get(*, user: User, pk: int) -> DeliveryBatch:
    """A batch the user may see (DoesNotExist otherwise: a 404)."""
    return batches_for_user(user).get(pk=pk)


def audits_for_user(user: User) -> QuerySet[Audit]:
    return Audit.objects.visible_to(user).select_related("organisation", "created_by")


def staff_organisations(user: User) -> list[int]:
    return user.organisation_ids(Role.CENTRE_STAFF)


def visible_coaches(user: User) -> list[User]:
    """A coach: themselves; centre staff: the coaches of their centres; administrators: all."""
    staff_orgs = staff_organisations(user)
    if not staff_orgs and not user.is_administrator:
        return [user]
    memberships = Membership.objects.filter(role=Role.COACH, is_active=True)
    if not user.is_administrator:
        memberships = memberships.filter(organisation_id__in=staff_orgs)
    return list(User.objects.filter(pk__in=memberships.values("user_id")).order_by("first_name"))


def visible_dossiers(user: User, coaches: list[User]) -> list[DossierState]:
    """The closed dossiers of these coaches that the user may see (a coach: their own)."""
    states = dossier_facts(coach_ids=[c.pk for c in coaches])
    if user.is_administrator:
        return states
    staff_orgs = set(staff_organisations(user))
    return [s for s in states if s.coach_id == user.pk or s.organisation_id in staff_orgs]


@dataclass(frozen=True)
class CoachDossiers:
    coach: User
    ready: list[DossierState]  # complete and not delivered: can go into a batch
    incomplete: list[DossierState]  # closed, with pieces missing
    due: list[rules.DossierFacts] = field(default_factory=list)  # in the audit
    late: bool = False
    audit_reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class DeliveryPage:
    is_staff: bool
    coaches: list[CoachDossiers]
    batches: Page
    awaiting: list[DeliveryBatch]  # staff: handed in or "verstuurd per post", not yet received
    reminder: Reason | None  # the coach's quarter reminder
    audit: Audit | None
    late: list[User] = field(default_factory=list)

    @property
    def own(self) -> CoachDossiers | None:
        return None if self.is_staff else (self.coaches[0] if self.coaches else None)

    def context(self) -> dict:
        return {"page": self}


def _split(coach: User, states: list[DossierState], delivered: dict[int, date]):
    mine = [s for s in states if s.coach_id == coach.pk and s.trajectory_id not in delivered]
    return [s for s in mine if s.complete], [s for s in mine if not s.complete]


def delivery_page(*, user: User, today: date, page: str | None = None) -> DeliveryPage:
    """/facturatie/dossiers/: per coach the completed dossiers not yet delivered, the batches,
    the quarter reminder (a coach), the audit and who is late (staff)."""
    is_staff = user.is_administrator or bool(staff_organisations(user))
    coaches = visible_coaches(user)
    states = visible_dossiers(user, coaches)
    delivered = delivered_on([s.trajectory_id for s in states])
    audit = audits_for_user(user).order_by("-created_at", "-id").first()
    ruleset = billing_ruleset(today)
    rows = []
    for coach in coaches:
        ready, incomplete = _split(coach, states, delivered)
        status = None
        if audit is not None:
            facts = as_facts(
                [s for s in states if s.organisation_id == audit.organisation_id], delivered
            )
            status = rules.audit_status(str(coach.pk), facts, audit.deadline, today, ruleset)
        rows.append(
            CoachDossiers(
                coach,
                ready,
                incomplete,
                list(status.due) if status else [],
                status.late if status else False,
                status.reasons if status else (),
            )
        )
    batches = batches_for_user(user).order_by("-created_at", "-id")
    reminder = None
    if not is_staff:
        last = batches.aggregate(last=Max("created_at"))["last"]
        reminder = rules.quarter_reminder(
            as_facts(states, delivered), last.date() if last else None, today, ruleset
        )
    awaiting = list(batches.filter(state__in=_AWAITING)) if is_staff else []
    return DeliveryPage(
        is_staff=is_staff,
        coaches=[r for r in rows if not is_staff or r.ready or r.incomplete or r.due],
        batches=Paginator(batches, PAGE_SIZE).get_page(page),
        awaiting=awaiting,
        reminder=reminder,
        audit=audit,
        late=[r.coach for r in rows if r.late],
    )


_AWAITING = (rules.HANDED_IN, rules.POSTED)


@dataclass(frozen=True)
class BatchPage:
    batch: DeliveryBatch
    dossiers: list[DossierState]  # with their pieces, for the cover sheet
    moves: list[StateMove]
    coach_may_move: bool
    staff_may_receive: bool

    def context(self) -> dict:
        return {"page": self, "batch": self.batch, "moves": self.moves}


def batch_page(*, user: User, batch: DeliveryBatch) -> BatchPage:
    """A batch with its dossiers and their pieces (the cover sheet), its state history and what
    the user may do with it."""
    ids = list(BatchDossier.objects.filter(batch=batch).values_list("trajectory_id", flat=True))
    states = dossier_facts(coach_ids=[batch.coach_id], trajectory_ids=ids)
    return BatchPage(
        batch=batch,
        dossiers=states,
        moves=state_history(batch, "state"),
        coach_may_move=batch.is_prepared and batch.coach_id == user.pk,
        staff_may_receive=batch.awaits_receipt and is_centre_staff(user, batch.organisation_id),
    )


def batch_preview(*, user: User, trajectory_ids: list[int]) -> list[DossierState]:
    """The dossiers a coach selected, to confirm before the batch is made."""
    return dossier_facts(coach_ids=[user.pk], trajectory_ids=trajectory_ids)


def dossier_choices(user: User) -> list[tuple[int, str]]:
    """Every closed dossier of the coach (complete or not: the service names what is missing)."""
    return [
        (s.trajectory_id, f"{s.client_name} — {s.voucher}")
        for s in dossier_facts(coach_ids=[user.pk])
    ]


def dossiers_to_deliver(user: User) -> list[DossierState]:
    """The completed, undelivered dossiers the user may see (the API's list)."""
    states = visible_dossiers(user, visible_coaches(user))
    delivered = delivered_on([s.trajectory_id for s in states])
    return [s for s in states if s.complete and s.trajectory_id not in delivered]


def batch_dossiers(batches: list[DeliveryBatch]) -> dict[int, list[DossierState]]:
    """Each batch's dossiers with their pieces, by batch id (a bounded number of queries). A
    dossier its programme no longer states for the batch's coach (the trajectory changed hands)
    shows as the batch recorded it, without pieces."""
    rows = list(BatchDossier.objects.filter(batch__in=batches).select_related("batch"))
    if not rows:
        return {}
    coach_ids = {b.coach_id for b in batches}
    states = {
        s.trajectory_id: s
        for s in dossier_facts(coach_ids=coach_ids, trajectory_ids=[r.trajectory_id for r in rows])
    }
    out: dict[int, list[DossierState]] = {}
    for r in rows:
        recorded = DossierState(
            trajectory_id=r.trajectory_id,
            organisation_id=r.batch.organisation_id,
            voucher=r.voucher,
            client_name=r.client_name,
            coach_id=r.batch.coach_id,
            closed_on=r.closed_on,
        )
        out.setdefault(r.batch_id, []).append(states.get(r.trajectory_id, recorded))
    return out


def audit_pack(*, user: User, trajectory_id: int) -> DossierState:
    """One dossier's audit pack (BIL-01): per rule, the evidence that satisfies it, or what is
    lacking — for a trajectory the user may see (Trajectory.DoesNotExist otherwise: a 404)."""
    trajectory = (
        Trajectory.objects.visible_to(user).only("pk", "responsible_id").get(pk=trajectory_id)
    )
    states = dossier_facts(coach_ids=[trajectory.responsible_id], trajectory_ids=[trajectory.pk])
    if not states:
        raise Trajectory.DoesNotExist
    return states[0]
