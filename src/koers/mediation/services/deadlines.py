"""Keep `ServiceDeadline` equal to what `rules.deadlines` says of each open service (issue 14).

`refresh` rewrites the rows of some services; `signals.py` calls it after every save or delete
of a service, a referral appointment or an agreement sheet, in the same transaction. `rebuild_all`
writes every row again (the first `migrate` with the table, the benchmark generator's
`bulk_create`, which passes no signal). What bypasses the ORM's save and delete (a queryset
`update()`, a `bulk_create`) must call `refresh` for the services it changed.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from koers.mediation import models as m
from koers.mediation.rules import deadlines as rules
from koers.mediation.rules import ladder
from koers.mediation.rules import states as state_rules
from koers.trajectories.models import Programme
from koers.trajectories.rulesets import ruleset_by_version

_TERMINAL = {s.value for s in ladder.TERMINAL}


def _rows(services: QuerySet[m.MediationService]) -> list[m.ServiceDeadline]:
    """The deadline rows of the open services among `services`: three reads, whatever their
    number (the services, their referral appointments, which have a sheet 1)."""
    open_services = services.filter(state__in=state_rules.OPEN_STATES).order_by()
    facts = list(
        open_services.values_list(
            "pk", "state", "ladder_state", "present_on", "advice_deadline", "ruleset_version"
        )
    )
    if not facts:
        return []
    tz = timezone.get_current_timezone()
    appointments = defaultdict(list)
    for service_id, number, kind, outcome, starts_at in (
        m.FirstAppointment.objects.filter(service__in=open_services)
        .order_by()
        .values_list("service_id", "number", "kind", "outcome", "contact__starts_at")
    ):
        appointments[service_id].append(
            rules.Appointment(
                number=number,
                kind=kind,
                pending=outcome == "",
                absent=outcome == m.AppointmentOutcome.ABSENT,
                day=timezone.localtime(starts_at, tz).date(),
            )
        )
    with_sheet = set(
        m.AgreementSheet.objects.filter(service__in=open_services, number=1)
        .order_by()
        .values_list("service_id", flat=True)
    )
    out = []
    for pk, state, ladder_state, present_on, advice_deadline, version in facts:
        ruleset = ruleset_by_version(Programme.MEDIATION, version)
        for due in rules.service_deadlines(
            appointments=appointments[pk],
            ladder_done=ladder_state in _TERMINAL,
            present_on=present_on,
            has_first_sheet=pk in with_sheet,
            to_close=state == m.ServiceState.TO_CLOSE,
            advice_deadline=advice_deadline,
            replan_target_days=ruleset.replan_target_days,
            first_sheet_days=ruleset.first_sheet_days,
        ):
            out.append(
                m.ServiceDeadline(
                    service_id=pk,
                    kind=due.order,
                    due_on=due.due_on,
                    number=due.number,
                    appointment_kind=due.appointment_kind,
                )
            )
    return out


@transaction.atomic
def refresh(service_ids: Iterable[int]) -> None:
    """Rewrite the deadline rows of these services (none for one no longer open or gone)."""
    ids = sorted({pk for pk in service_ids if pk is not None})
    if not ids:
        return
    m.ServiceDeadline.objects.filter(service_id__in=ids).delete()
    m.ServiceDeadline.objects.bulk_create(_rows(m.MediationService.objects.filter(pk__in=ids)))


@transaction.atomic
def rebuild_all() -> int:
    """Every open service's deadline rows, written again; returns how many."""
    m.ServiceDeadline.objects.all().delete()
    rows = _rows(m.MediationService.objects.all())
    m.ServiceDeadline.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
