"""Reads for leads, always starting from `Lead.objects.visible_to(user)`, and the facts the
intake services and pages judge by (rule set, the centre's coaches, the 24-hour clock)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from koers.core.models import Membership, Organisation, Role, User
from koers.core.states import StateMove, state_history
from koers.intake import rules
from koers.intake.models import (
    Acknowledgement,
    CallOutcome,
    CoachUnavailability,
    Handover,
    Lead,
    LeadFeedback,
    LeadState,
    ReachableWindow,
)
from koers.lib.rules import shown


def ruleset(now: datetime) -> rules.Ruleset:
    return rules.ruleset_for(timezone.localdate(now))


def local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def is_centre_staff(user: User, organisation_id: int) -> bool:
    return user.is_administrator or organisation_id in user.organisation_ids(Role.CENTRE_STAFF)


def sees_all_leads(user: User) -> bool:
    """Administrators and centre staff see the centre's leads, not only their own."""
    return user.is_administrator or bool(user.organisation_ids(Role.CENTRE_STAFF))


def leads_for_user(*, user: User, state: str = "", mine: bool = False) -> QuerySet[Lead]:
    """The list: windows prefetched, feedback presence annotated — a fixed number of queries."""
    leads = (
        Lead.objects.visible_to(user)
        .select_related("coach", "organisation", "preferred_location")
        .prefetch_related(
            Prefetch("windows", queryset=ReachableWindow.objects.order_by("starts_at"))
        )
        .annotate(
            has_feedback=Exists(LeadFeedback.objects.filter(lead=OuterRef("pk"))),
            has_call=Exists(CallOutcome.objects.filter(lead=OuterRef("pk"))),
        )
    )
    if mine:
        leads = leads.filter(coach=user)
    if state == "open":
        leads = leads.filter(state__in=rules.states.OPEN_STATES)
    elif state in LeadState.values:
        leads = leads.filter(state=state)
    return leads


def lead_get(*, user: User, pk: int) -> Lead:
    return (
        Lead.objects.visible_to(user)
        .select_related(
            "coach", "organisation", "preferred_location", "client", "trajectory", "introduction"
        )
        .prefetch_related(
            "windows",
            Prefetch(
                "handovers", queryset=Handover.objects.select_related("from_coach", "to_coach")
            ),
            Prefetch(
                "acknowledgements", queryset=Acknowledgement.objects.select_related("sent_by")
            ),
            Prefetch("calls", queryset=CallOutcome.objects.select_related("recorded_by")),
            Prefetch("feedback", queryset=LeadFeedback.objects.select_related("coach")),
            "routings",
        )
        .get(pk=pk)
    )


def lead_unseen(pk: int) -> Lead:
    """A lead the caller just wrote but may not see (routed to a colleague): its bare row."""
    return Lead.objects.select_related("coach").get(pk=pk)


@dataclass(frozen=True)
class Clock:
    """What the page shows about the 24 hours of a lead (INT-02, INT-03)."""

    lateness: rules.Lateness
    plan: rules.CallPlan
    arrival_deadline: datetime  # always arrival + 24 h, also after a hand-over
    hours_left: float
    acknowledgement_sent: bool

    @property
    def status(self) -> str:
        return self.lateness.status

    @property
    def is_open(self) -> bool:
        return self.lateness.is_open

    @property
    def is_nearing(self) -> bool:
        return self.lateness.is_nearing

    @property
    def is_late(self) -> bool:
        return self.lateness.is_late

    @property
    def is_met(self) -> bool:
        return self.lateness.is_met

    @property
    def needs_acknowledgement(self) -> bool:
        return self.plan.acknowledgement_due and not self.acknowledgement_sent

    @property
    def reasons(self) -> list[dict]:
        """The clock's and the call plan's reasons, as {"rule", "message"}."""
        return [self.lateness.reason.as_dict(), self.plan.reason.as_dict()]


def lead_windows(lead: Lead) -> list[rules.Window]:
    return [rules.Window(w.starts_at, w.ends_at) for w in lead.windows.all()]


def lead_clock(lead: Lead, now: datetime) -> Clock:
    params = ruleset(lead.arrived_at)
    plan = rules.call_plan(lead.clock_started_at, lead_windows(lead), params)
    met = lead.clock_met_at
    if met is None and lead.state in (LeadState.MATCHED, LeadState.NO_MATCH, LeadState.CLIENT):
        met = lead.contacted_at
    lateness = rules.lateness(
        clock_started_at=lead.clock_started_at, contacted_at=met, now=now, ruleset=params
    )
    return Clock(
        lateness=lateness,
        plan=plan,
        arrival_deadline=rules.deadline(lead.arrived_at, params),
        hours_left=round((lateness.deadline - now).total_seconds() / 3600, 1),
        acknowledgement_sent=lead.state == LeadState.ACKNOWLEDGED or lead.clock_met_at is not None,
    )


def lead_state_moves(lead: Lead) -> list[StateMove]:
    """The lead's recorded state moves, oldest first, for its page (INT-06)."""
    return state_history(lead, "state")


def routing_reasons(lead: Lead) -> list[dict]:
    """The stored routing reasons, each sentence in the reader's language."""
    return shown(lead.routing_reasons)


def proposed_acknowledgement(lead: Lead, call_at: datetime | None = None) -> str:
    """INT-03: the message with the call's date and time filled in (the coach may edit it, as
    long as it still names them)."""
    call_at = call_at or lead.call_at
    if call_at is None:
        return ""
    return rules.acknowledgement_text(first_name=lead.first_name, call_at=local(call_at))


def feedback_required(lead: Lead) -> bool:
    """INT-07: for every lead the centre routed; not for clients the coach brought in."""
    return not lead.self_brought


def feedback_missing(lead: Lead) -> bool:
    """INT-07: a routed lead that was called but has no feedback yet (uses the list annotations)."""
    return feedback_required(lead) and lead.has_call and not lead.has_feedback


# ---- routing facts (INT-01, INT-05) -------------------------------------------------------------


def centre_coaches(organisation: Organisation):
    return (
        User.objects.filter(
            is_active=True,
            memberships__organisation=organisation,
            memberships__role=Role.COACH,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "id")
    )


def coach_facts(
    organisation: Organisation, now: datetime, params: rules.Ruleset
) -> list[rules.CoachFacts]:
    """The routing facts of every coach of the centre, in four queries."""
    coaches = list(
        centre_coaches(organisation).annotate(
            recent=Count(
                "leads",
                filter=Q(
                    leads__organisation=organisation,
                    leads__arrived_at__gte=now - timedelta(days=params.recent_load_days),
                ),
                distinct=True,
            )
        )
    )
    ids = [c.pk for c in coaches]
    postal: dict[int, set[str]] = {}
    for user_id, code in Membership.objects.filter(
        user_id__in=ids, organisation=organisation, is_active=True, location__isnull=False
    ).values_list("user_id", "location__postal_code"):
        postal.setdefault(user_id, set()).add(code)
    off: dict[int, list[tuple[datetime, datetime]]] = {}
    horizon = now + timedelta(hours=params.availability_horizon_hours)
    for row in CoachUnavailability.objects.filter(
        coach_id__in=ids, starts_at__lt=horizon, ends_at__gt=now
    ).values_list("coach_id", "starts_at", "ends_at"):
        off.setdefault(row[0], []).append((row[1], row[2]))
    return [
        rules.CoachFacts(
            c.pk,
            c.get_full_name() or c.username,
            tuple(sorted(postal.get(c.pk, ()))),
            tuple(off.get(c.pk, ())),
            c.recent,
        )
        for c in coaches
    ]


def coach_unavailable(organisation: Organisation, coach: User, now: datetime) -> bool:
    """INT-05: is the coach away in the coming hours the rule set looks ahead?"""
    params = ruleset(now)
    facts = next(f for f in coach_facts(organisation, now, params) if f.coach_id == coach.pk)
    return rules.routing.unavailable_during(
        facts, now, now + timedelta(hours=params.availability_horizon_hours)
    )
