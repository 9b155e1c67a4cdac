"""The partner's dashboard "klanten opvolgen": open services, deadlines and figures (MED-01..17)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.db.models import Count, Prefetch
from django.utils import timezone

from koers.core.models import Role, User
from koers.mediation import models as m
from koers.mediation.rules import ladder
from koers.mediation.rules import states as state_rules
from koers.mediation.selectors.facts import ruleset_of
from koers.mediation.selectors.lookups import services_for_user

OPEN_STATES = tuple(m.ServiceState(s) for s in state_rules.OPEN_STATES)


@dataclass(frozen=True)
class Deadline:
    service: m.MediationService
    kind: str  # replan | first_sheet | advice | first_appointment
    label: str
    due_on: date
    rule: str

    @property
    def is_first_appointment(self) -> bool:
        """An appointment still to finish (not late, only "af te werken")."""
        return self.kind == "first_appointment"

    @property
    def days_left(self) -> int:
        return (self.due_on - timezone.localdate()).days


class StateCount(NamedTuple):
    """One figure on the dashboard: how many open services are in a state."""

    state: str
    label: str
    n: int

    @property
    def warn(self) -> bool:
        """Services waiting for their final advice (MED-14) stand out."""
        return self.state == m.ServiceState.TO_CLOSE and self.n > 0


@dataclass
class Dashboard:
    counts: list[StateCount]
    new: list[m.MediationService] = field(default_factory=list)
    incomplete: list[m.MediationService] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    to_close: list[m.MediationService] = field(default_factory=list)
    stopped: list[dict] = field(default_factory=list)
    outcomes: list[dict] = field(default_factory=list)
    state_labels: dict[str, str] = field(default_factory=dict)


def _deadlines(service: m.MediationService, today: date) -> list[Deadline]:
    ruleset = ruleset_of(service)
    appointments = list(service.first_appointments.all())
    pending = next((a for a in appointments if not a.outcome), None)
    out = []
    if pending is not None:
        out.append(
            Deadline(
                service,
                "first_appointment",
                f"Eerste afspraak afwerken ({pending.get_kind_display().lower()} {pending.number})",
                timezone.localdate(pending.contact.starts_at),
                "MED-02",
            )
        )
    state = ladder.LadderState(service.ladder_state)
    absences = [a for a in appointments if a.outcome == m.AppointmentOutcome.ABSENT]
    if state not in ladder.TERMINAL and pending is None and absences:
        # MED-03: from the missed appointment, not from when the absence was recorded.
        absent_on = timezone.localdate(absences[-1].contact.starts_at)
        kind = ladder.APPOINTMENT[state][1]
        out.append(
            Deadline(
                service,
                "replan",
                "Nieuwe aangetekende afspraak maken"
                if kind == ladder.AppointmentKind.REGISTERED
                else "Nieuwe eerste afspraak maken",
                absent_on + timedelta(days=ruleset.replan_target_days),
                "MED-03",
            )
        )
    if service.present_on and not any(s.number == 1 for s in service.sheets.all()):
        out.append(
            Deadline(
                service,
                "first_sheet",
                "Eerste afsprakenblad",
                service.present_on + timedelta(days=ruleset.first_sheet_days),
                "MED-05",
            )
        )
    if service.is_to_close and service.advice_deadline:
        out.append(
            Deadline(service, "advice", "Eindadvies geven", service.advice_deadline, "MED-14")
        )
    return out


def _scope_organisations(user: User) -> list[int] | None:
    if user.is_administrator:
        return None
    return user.organisation_ids(Role.MEDIATOR, Role.CENTRE_STAFF)


def dashboard(*, user: User, now: datetime | None = None) -> Dashboard:
    """The partner's "klanten opvolgen": a fixed number of queries, however many services."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    services = list(
        services_for_user(user=user)
        .filter(state__in=OPEN_STATES)
        .prefetch_related(
            Prefetch(
                "first_appointments",
                queryset=m.FirstAppointment.objects.select_related("contact").order_by("number"),
            ),
            Prefetch(
                "sheets", queryset=m.AgreementSheet.objects.only("id", "service_id", "number")
            ),
        )
        .order_by("referral_date", "pk")
    )
    counts = Counter(s.state for s in services)
    board = Dashboard(
        counts=[StateCount(s.value, str(s.label), counts.get(s, 0)) for s in OPEN_STATES],
        state_labels={s.value: str(s.label) for s in m.ServiceState},
    )
    for service in services:
        if service.is_referred:
            board.new.append(service)
        if service.is_incomplete:
            board.incomplete.append(service)
        if service.is_to_close:
            board.to_close.append(service)
        board.deadlines.extend(_deadlines(service, today))
    board.deadlines.sort(key=lambda d: (d.due_on, d.service.pk))
    # Stopped and closed services are no longer the partner's to see (MED-15/16): only figures,
    # no names, for the organisations the user works for.
    scope = m.MediationService.objects.all()
    orgs = _scope_organisations(user)
    if orgs is not None:
        scope = scope.filter(trajectory__organisation_id__in=orgs)
    rows = (
        scope.values("tender", "lot", "state", "closing_reason", "advice", "returned_to")
        .annotate(n=Count("id"))
        .order_by("tender", "lot")
    )
    outcomes: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["tender"], row["lot"])
        entry = outcomes.setdefault(
            key,
            {
                "tender": m.Tender(row["tender"]).label if row["tender"] else "—",
                "lot": row["lot"],
                "open": 0,
                "stopped": 0,
                "closed_passive": 0,
                "closed_max": 0,
                "returned": 0,
                "advice": Counter(),
            },
        )
        if row["state"] in OPEN_STATES:
            entry["open"] += row["n"]
        elif row["state"] == m.ServiceState.STOPPED:
            entry["stopped"] += row["n"]
        elif row["closing_reason"] == m.ClosingReason.PASSIVE:
            entry["closed_passive"] += row["n"]
        else:
            entry["closed_max"] += row["n"]
        if (
            row["state"] in (m.ServiceState.CLOSED, m.ServiceState.STOPPED)
            and row["returned_to"] != m.ReturnTo.NONE
        ):
            entry["returned"] += row["n"]
        if row["advice"]:
            entry["advice"][str(m.Advice(row["advice"]).label)] += row["n"]
    for entry in outcomes.values():
        entry["advice"] = sorted(entry["advice"].items())
    board.outcomes = list(outcomes.values())
    board.stopped = list(
        scope.filter(state=m.ServiceState.STOPPED, closed_at__gte=now - timedelta(days=90))
        .order_by("-closed_at")
        .values("pk", "tender", "lot", "closed_at", "vdab_signal")[:20]
    )
    for row in board.stopped:
        row["tender_label"] = m.Tender(row["tender"]).label if row["tender"] else "—"
    return board
