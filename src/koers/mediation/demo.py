"""The intensive mediation of `manage.py demo` (see `koers.core.demo`): each mediation
trajectory's referral completed (MED-01); for a few, the first appointment at the partner, one
still to come, one held, and one service brought to "ter afsluiting" (MED-14)."""

from datetime import timedelta

from django.utils import timezone

from koers.mediation.models import MediationService, Tender
from koers.mediation.rules.closing import previous_month_ends
from koers.mediation.services import (
    AppointmentData,
    MonthEndData,
    ReferralData,
    SheetAssignment,
    first_appointment_plan,
    first_appointment_record,
    mediation_start,
    month_ends_record,
    referral_update,
    sheet_create,
    sheet_sign,
)
from koers.trajectories.demo import Built, register_trajectory_demo
from koers.trajectories.models import Programme

# Fictional VDAB mediators for the mediation referrals (MED-01).
VDAB_MEDIATORS = [("Bart", "Meulemeester"), ("Sofie", "Ruelens"), ("Griet", "Lambrechts")]
# Mediation trajectories (by client index) whose first appointment at the partner is planned.
# 19: a service "ter afsluiting" (3× passive) whose final advice a new user can give (MED-14);
# the trajectories demo starts it long enough ago (`LONG_MEDIATIONS`).
FIRST_APPOINTMENTS = {16: "planned", 17: "present", 19: "to_close"}


def _referral(built: Built) -> None:
    """MED-01: complete the referral that programme_open left "nog aan te vullen"."""
    service = MediationService.objects.get(trajectory=built.trajectory)
    i = built.index
    first, last = VDAB_MEDIATORS[i % len(VDAB_MEDIATORS)]
    referral_update(
        service=service,
        data=ReferralData(
            tender=Tender.SCRABA if i % 2 else Tender.TIBB4,
            lot="Perceel 1 – Gent",
            vdab_mediator_name=f"{first} {last}",
            vdab_mediator_email=f"{first}.{last}@example.be".lower(),
            vdab_client_number="" if i == 0 else f"{13007034 + 17 * i}",  # one still missing
            referral_date=service.referral_date,
            work_points=["Zoektocht naar werk", "Nederlands op de werkvloer"],
            thresholds=["Mobiliteit"] if i % 2 else [],
        ),
        acting_user=built.responsible,
    )


def _partner_place(built: Built) -> str:
    organisation = built.trajectory.organisation
    return organisation.working_name or organisation.name


def _first_appointment(built: Built) -> None:
    """The first appointment at the partner: one still to come, one held (the first agreement
    sheet is then due within 15 days) — both show as deadlines on the mediation dashboard."""
    what = FIRST_APPOINTMENTS.get(built.index)
    if what is None:
        return
    service = MediationService.objects.get(trajectory=built.trajectory)
    if what == "to_close":
        _to_close(built, service)
        return
    held = what == "present"
    today = built.demo.today
    day = today - timedelta(days=6) if held else today + timedelta(days=2)
    starts_at = built.demo.agenda.slot(day, staff=built.responsible, client_pk=built.client.pk)
    now = timezone.now()
    appointment = first_appointment_plan(
        service=service,
        data=AppointmentData(starts_at=starts_at, place=_partner_place(built)),
        acting_user=built.responsible,
        now=now,
    )
    built.demo.counts["contacts"] += 1
    if held and starts_at <= now:
        first_appointment_record(
            appointment=appointment, present=True, acting_user=built.responsible, now=now
        )


def _to_close(built: Built, service: MediationService) -> None:
    """MED-14: present at the first appointment, a signed first sheet, the start, then three
    passive month-ends (as VDAB's import flags them): the service is "ter afsluiting" and the
    partner mediator can give the final advice and print it."""
    responsible = built.responsible
    first_day = built.trajectory.start_date + timedelta(days=3)
    now = timezone.now()
    starts_at = built.demo.agenda.slot(first_day, staff=responsible, client_pk=built.client.pk)
    appointment = first_appointment_plan(
        service=service,
        data=AppointmentData(starts_at=starts_at, place=_partner_place(built)),
        acting_user=responsible,
        now=now,
    )
    built.demo.counts["contacts"] += 1
    first_appointment_record(
        appointment=appointment, present=True, acting_user=responsible, now=now
    )
    _signed_first_sheet(service, responsible, first_day, now)
    mediation_start(
        service=service, acting_user=responsible, now=now, on=first_day + timedelta(days=2)
    )
    month_ends_record(
        service=service,
        items=[MonthEndData(end, "52", True) for end in previous_month_ends(built.demo.today, 3)],
        acting_user=responsible,
        today=built.demo.today,
    )


def _signed_first_sheet(service: MediationService, responsible, first_day, now) -> None:
    sheet = sheet_create(
        service=service,
        made_on=first_day + timedelta(days=1),
        work_points=["Zoektocht naar werk"],
        assignments=[
            SheetAssignment(
                "Solliciteer op passende vacatures",
                "Vier per week; overzicht meebrengen",
                first_day + timedelta(days=30),
            )
        ],
        services_remark="",
        acting_user=responsible,
        now=now,
    )
    sheet_sign(
        sheet=sheet,
        partner_on=sheet.made_on,
        participant_on=sheet.made_on,
        acting_user=responsible,
    )


def _absent(built: Built, k: int) -> bool:
    """Every other client misses their second contact."""
    return k == 1 and built.index % 2 == 0


register_trajectory_demo(
    Programme.MEDIATION,
    title="Intensieve bemiddeling — perceel 1",
    absent=_absent,
    opened=_referral,
    finished=_first_appointment,
)
