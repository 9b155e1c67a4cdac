"""The dashboard's "Wat komt eraan": every open service's deadlines (MED-02/03/05/14), as the
rules decide them (`rules.deadlines`), read from the rows `services.deadlines` keeps of them
(`ServiceDeadline`, issue 14): the database orders and pages them from one index and only one
page becomes objects, however many services are open."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from koers.core.models import User
from koers.mediation import models as m
from koers.mediation.rules import ladder
from koers.mediation.rules.deadlines import KIND_ORDER

_RULES = {
    "first_appointment": "MED-02",
    "replan": "MED-03",
    "first_sheet": "MED-05",
    "advice": "MED-14",
}
_COLUMNS = ("due_on", "service_id", "kind", "number", "appointment_kind")

__all__ = ["KIND_ORDER", "Deadline", "deadline_rows", "deadlines_of", "shown_services"]


@dataclass(frozen=True)
class Deadline:
    service: m.MediationService
    kind: str  # replan | first_sheet | advice | first_appointment
    label: str
    due_on: date
    rule: str
    state_label: str = ""  # the service's state, as the list shows it

    @property
    def is_first_appointment(self) -> bool:
        """An appointment still to finish (not late, only "af te werken")."""
        return self.kind == "first_appointment"

    @property
    def days_left(self) -> int:
        return (self.due_on - timezone.localdate()).days


def deadline_rows(
    open_services: QuerySet[m.MediationService], until: date | None = None
) -> QuerySet:
    """Value rows (due, service pk, kind order, appointment number and kind), one per deadline
    of the services of `open_services`, ordered by due day then service then kind.
    `until`: only the deadlines due by that day."""
    rows = m.ServiceDeadline.objects.filter(service_id__in=open_services.order_by().values("pk"))
    if until is not None:
        rows = rows.filter(due_on__lte=until)
    return rows.order_by("due_on", "service_id", "kind").values_list(*_COLUMNS)


def shown_services(user: User, rows) -> dict[int, m.MediationService]:
    """The services of a page of `deadline_rows`, by pk, with only what a deadline shows (the
    client's name, the state and the ladder for its label): a page of whole services with their
    trajectory and coach cost more to build than the rest of the page."""
    return (
        m.MediationService.objects.visible_to(user)
        .select_related("client")
        .only("state", "ladder_state", "client__first_name", "client__last_name")
        .in_bulk([row[1] for row in rows])
    )


def deadlines_of(rows, services: dict[int, m.MediationService]) -> list[Deadline]:
    """One page of `deadline_rows` as deadlines with their (loaded) services and labels."""
    out, states = [], {}
    for due, pk, order, number, appointment_kind in rows:
        service = services[pk]
        name = KIND_ORDER[order]
        if service.state not in states:  # once per state, not per row (`get_state_display`)
            states[service.state] = str(m.ServiceState(service.state).label)
        label = _label(name, service, number, appointment_kind)
        out.append(Deadline(service, name, label, due, _RULES[name], states[service.state]))
    return out


def _label(kind: str, service: m.MediationService, number, appointment_kind: str) -> str:
    if kind == "first_appointment":
        what = m.AppointmentKind(appointment_kind).label.lower()
        return f"Eerste afspraak afwerken ({what} {number})"
    if kind == "replan":
        due_kind = ladder.APPOINTMENT[ladder.LadderState(service.ladder_state)][1]
        if due_kind == ladder.AppointmentKind.REGISTERED:
            return "Nieuwe aangetekende afspraak maken"
        return "Nieuwe eerste afspraak maken"
    if kind == "first_sheet":
        return "Eerste afsprakenblad"
    return "Eindadvies geven"
