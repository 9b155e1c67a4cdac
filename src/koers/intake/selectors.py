"""Reads for lead intake, always starting from `Lead.objects.visible_to(user)`."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from koers.core.models import Organisation, Role, User
from koers.core.states import StateMove, state_history
from koers.intake import rules
from koers.intake.models import (
    Acknowledgement,
    CallOutcome,
    CoachUnavailability,
    Handover,
    Lead,
    LeadChannel,
    LeadFeedback,
    LeadState,
    ReachableWindow,
)
from koers.intake.services import feedback_required, ruleset


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


def lead_clock(lead: Lead, now: datetime) -> Clock:
    params = ruleset(lead.arrived_at)
    windows = [rules.Window(w.starts_at, w.ends_at) for w in lead.windows.all()]
    plan = rules.call_plan(lead.clock_started_at, windows, params)
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


def feedback_missing(lead: Lead) -> bool:
    """INT-07: a routed lead that was called but has no feedback yet (uses the list annotations)."""
    return feedback_required(lead) and lead.has_call and not lead.has_feedback


def unavailability_for(*, user: User) -> QuerySet[CoachUnavailability]:
    """A coach sees their own periods; centre staff those of their centre's coaches."""
    staff_orgs = user.organisation_ids(Role.CENTRE_STAFF)
    items = CoachUnavailability.objects.select_related("coach", "organisation")
    if user.is_administrator:
        return items
    from django.db.models import Q

    return items.filter(Q(coach=user) | Q(organisation_id__in=staff_orgs))


# ---- marketing (INT-07) -------------------------------------------------------------------------


@dataclass(frozen=True)
class MarketingFigures:
    total: int
    per_channel: list[tuple[str, str, int]]  # (key, label, count)
    per_month: list[tuple[str, int]]  # ("2026-03", count)
    median_hours_to_contact: float | None
    contacted_within_24h: float | None  # share of contacted leads
    to_first_session: float | None
    to_voucher: float | None


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def marketing_figures(
    *,
    organisations: list[Organisation],
    since: datetime | None = None,
    until: datetime | None = None,
) -> MarketingFigures:
    """Leads per channel and month, time to first contact, share within 24 hours, conversion to a
    first session (a match) and to a voucher (the client's trajectory is a voucher). One query."""
    leads = Lead.objects.filter(organisation__in=organisations)
    if since:
        leads = leads.filter(arrived_at__gte=since)
    if until:
        leads = leads.filter(arrived_at__lt=until)
    rows = list(
        leads.values_list(
            "channel", "arrived_at", "contacted_at", "state", "trajectory__voucher__id"
        )
    )
    channels = Counter(r[0] for r in rows)
    months: dict[str, int] = defaultdict(int)
    for r in rows:
        months[f"{timezone.localtime(r[1]):%Y-%m}"] += 1
    waits = sorted((r[2] - r[1]).total_seconds() / 3600 for r in rows if r[2])
    median = None
    if waits:
        mid = len(waits) // 2
        median = round(waits[mid] if len(waits) % 2 else (waits[mid - 1] + waits[mid]) / 2, 1)
    params_hours = 24
    within = sum(1 for r in rows if r[2] and r[2] - r[1] <= timedelta(hours=params_hours))
    matched = sum(1 for r in rows if r[3] in (LeadState.MATCHED, LeadState.CLIENT))
    vouchers = sum(1 for r in rows if r[4])
    labels = dict(LeadChannel.choices)
    return MarketingFigures(
        total=len(rows),
        per_channel=[(k, str(labels.get(k, k)), n) for k, n in channels.most_common()],
        per_month=sorted(months.items()),
        median_hours_to_contact=median,
        contacted_within_24h=_share(within, len(rows)),
        to_first_session=_share(matched, len(rows)),
        to_voucher=_share(vouchers, len(rows)),
    )


def bar_chart(items: list[tuple[str, int]], *, width: int = 560, bar: int = 22) -> dict:
    """Geometry for a server-rendered horizontal SVG bar chart (no JavaScript)."""
    top = max((n for _label, n in items), default=0) or 1
    label_w = 180
    rows = [
        {
            "label": label,
            "value": n,
            "y": i * (bar + 8),
            "w": round((width - label_w - 40) * n / top),
            "ty": i * (bar + 8) + round(bar * 0.7),  # ints: "15,4" would be an SVG list
        }
        for i, (label, n) in enumerate(items)
    ]
    return {
        "rows": rows,
        "width": width,
        "height": max(len(rows) * (bar + 8), bar),
        "bar": bar,
        "label_w": label_w,
    }
