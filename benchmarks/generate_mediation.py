"""Mediation services (MED-01..17) for the benchmark database: every trajectory of the mediation
programme gets its service, as `programme_open` and the referral would have made it. Called by
`generate.py` after the clients; bulk_create, bypassing the services (as generate.py does), valid by
construction from what the agenda already holds:

- a closed trajectory: a closed service (three passive month-ends or the maximum duration), a few
  stopped for absence — only figures on the dashboard;
- an open one whose first contact is still to come: "Nieuwe service" with that contact as the
  first appointment at the partner, not yet recorded (a deadline on "klanten opvolgen");
- an open one whose first contact was missed: the absence recorded, a registered appointment due;
- an open one whose first contact was held: present, then (by turns) no sheet yet (a deadline),
  a signed first agreement sheet and the mediation started, or "ter afsluiting" with the final
  advice due (three passive month-ends); one in twenty with an incomplete referral (no tender).

At 20,000 clients that is a few hundred open services on the dashboard of the main centre. Their
deadlines (`ServiceDeadline`, kept by signals the bulk inserts do not send) are written at the end."""

from datetime import datetime, time, timedelta

VDAB_MEDIATORS = [("Bart", "Meulemeester"), ("Sofie", "Ruelens"), ("Griet", "Lambrechts")]
LOTS = ["Perceel 1 – Gent", "Perceel 2 – Aalst", "Perceel 3 – Brugge"]


def _first_contacts(trajectory_ids):
    from koers.trajectories.models import Contact

    first = {}
    for row in (
        Contact.objects.filter(trajectory_id__in=trajectory_ids)
        .order_by("trajectory_id", "starts_at", "pk")
        .values("trajectory_id", "pk", "starts_at", "outcome")
        .iterator(chunk_size=5000)
    ):
        first.setdefault(row["trajectory_id"], row)
    return first


def _service(m, t, n, first, today, tz):
    from koers.mediation.rules.ruleset import ruleset_for

    """The service of trajectory row `t` (and its first appointment's outcome, or None)."""
    tenders = [m.Tender.TIBB4, m.Tender.SCRABA, m.Tender.SAB3, m.Tender.WIJ3]
    vdab_first, vdab_last = VDAB_MEDIATORS[n % len(VDAB_MEDIATORS)]
    service = m.MediationService(
        trajectory_id=t["pk"],
        client_id=t["client_id"],
        ruleset_version=ruleset_for(t["start_date"] - timedelta(days=3)).version,
        tender=tenders[n % len(tenders)],
        lot=LOTS[n % len(LOTS)],
        vdab_mediator_name=f"{vdab_first} {vdab_last}",
        vdab_mediator_email=f"{vdab_first}.{vdab_last}@example.be".lower(),
        work_points=["Zoektocht naar werk", "Nederlands op de werkvloer"],
        thresholds=["Mobiliteit"] if n % 2 else [],
        referral_date=t["start_date"] - timedelta(days=3),
    )
    held_on = first["starts_at"].astimezone(tz).date() if first else None
    if t["status"] == "closed":
        closed_at = datetime.combine(t["end_date"], time(17), tzinfo=tz)
        if n % 10 == 0 or not first:
            service.state, service.ladder_state = m.ServiceState.STOPPED, m.LadderState.STOPPED
            service.closing_reason = m.ClosingReason.ABSENCE
            service.closing_way = m.ClosingWay.ABSENCE_STOP
            service.vdab_signal = "Drie keer afwezig op de eerste afspraak"
            service.closed_at = closed_at
            return service, "absent"
        service.state, service.ladder_state = m.ServiceState.CLOSED, m.LadderState.PRESENT
        service.present_on = held_on
        service.mediation_started_on = held_on + timedelta(days=2)
        service.closing_reason = (m.ClosingReason.PASSIVE, m.ClosingReason.MAX_DURATION)[n % 2]
        service.closing_way = m.ClosingWay.AUTOMATIC
        service.closed_at = closed_at
        return service, "present"
    if n % 20 == 0:
        service.tender, service.state = "", m.ServiceState.INCOMPLETE
    if first is None or first["outcome"] == "planned":
        if service.state != m.ServiceState.INCOMPLETE:
            service.state = m.ServiceState.REFERRED
        return service, "" if first else None
    if first["outcome"] == "absent":
        if service.state != m.ServiceState.INCOMPLETE:
            service.state = m.ServiceState.REFERRED
        service.ladder_state = m.LadderState.REGISTERED_2
        return service, "absent"
    service.ladder_state, service.present_on = m.LadderState.PRESENT, held_on
    if service.state == m.ServiceState.INCOMPLETE:
        return service, "present"
    step = n % 3
    if step == 0:
        service.state = m.ServiceState.FIRST_PRESENT  # the first sheet is due
    else:
        service.state = m.ServiceState.MEDIATING
        service.mediation_started_on = held_on + timedelta(days=2)
        if step == 2 and n % 6 == 5:
            service.state = m.ServiceState.TO_CLOSE
            # MED-13: a WIJ3 service never closes on the passive category, only on its maximum.
            service.closing_reason = (
                m.ClosingReason.MAX_DURATION
                if service.tender == m.Tender.WIJ3
                else m.ClosingReason.PASSIVE
            )
            service.closing_due_on = today - timedelta(days=n % 10)
            service.advice_deadline = service.closing_due_on + timedelta(days=30)
    return service, "present"


def generate_mediation(*, today) -> dict[str, int]:
    from django.db import transaction
    from django.utils import timezone

    from koers.mediation import models as m
    from koers.mediation.rules.closing import previous_month_ends
    from koers.mediation.services.deadlines import rebuild_all
    from koers.trajectories.models import Programme, Trajectory

    tz = timezone.get_current_timezone()
    rows = list(
        Trajectory.objects.filter(programme=Programme.MEDIATION)
        .order_by("pk")
        .values("pk", "client_id", "responsible_id", "status", "start_date", "end_date")
    )
    first = _first_contacts([t["pk"] for t in rows])
    services, outcomes = [], []
    for n, t in enumerate(rows):
        service, outcome = _service(m, t, n, first.get(t["pk"]), today, tz)
        services.append(service)
        outcomes.append(outcome)
    with transaction.atomic():
        m.MediationService.objects.bulk_create(services, batch_size=2000)
        appointments, sheets = [], []
        for t, service, outcome in zip(rows, services, outcomes, strict=True):
            contact = first.get(t["pk"])
            if outcome is None or contact is None:
                continue
            appointments.append(
                m.FirstAppointment(
                    service=service,
                    number=1,
                    kind=m.AppointmentKind.ORDINARY,
                    contact_id=contact["pk"],
                    outcome=outcome,
                    absence_reason=m.AbsenceReason.NONE if outcome == "absent" else "",
                    recorded_at=contact["starts_at"] + timedelta(hours=1) if outcome else None,
                )
            )
            if service.mediation_started_on:
                made_on = service.present_on + timedelta(days=1)
                sheets.append(
                    m.AgreementSheet(
                        service=service,
                        number=1,
                        made_on=made_on,
                        content={
                            "work_points": service.work_points,
                            "assignments": [],
                            "next_contacts": [],
                            "services_remark": "",
                        },
                        signed_by_partner_on=made_on,
                        signed_by_participant_on=made_on,
                        made_by_id=t["responsible_id"],
                    )
                )
        m.FirstAppointment.objects.bulk_create(appointments, batch_size=5000)
        m.AgreementSheet.objects.bulk_create(sheets, batch_size=5000)
        # "Ter afsluiting" because the last three month-ends were passive (MED-12), as imported.
        ends = previous_month_ends(today, 3)
        m.MonthEndCategory.objects.bulk_create(
            (
                m.MonthEndCategory(service=s, month_end=end, category="52", passive=True)
                for s in services
                if s.state == m.ServiceState.TO_CLOSE
                for end in ends
            ),
            batch_size=5000,
        )
        # `bulk_create` passes no signal: the deadlines of "klanten opvolgen" are kept rows.
        deadlines = rebuild_all()
    open_states = {s.value for s in m.ServiceState} - {"closed", "stopped"}
    return {
        "mediation services": len(services),
        "open services": sum(s.state in open_states for s in services),
        "first appointments": len(appointments),
        "agreement sheets": len(sheets),
        "deadlines": deadlines,
    }
