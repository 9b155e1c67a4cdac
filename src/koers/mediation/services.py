"""Intensive-mediation use cases: they load models, ask `rules`, and save in one transaction.

Every refusal is a ValidationError naming the rule ("… (MED-03)") and changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import Client, Organisation, User
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules import ladder
from koers.mediation.rules import process as process_rules
from koers.mediation.rules.ruleset import Reason, Ruleset, ruleset_by_version, ruleset_for
from koers.trajectories.models import (
    AssignmentStatus,
    Contact,
    ContactForm,
    ContactOutcome,
    Programme,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.services import (
    AssignmentData,
    ContactData,
    assignment_create,
    contact_log,
    contact_validate,
    trajectory_open,
    trajectory_set_status,
)

ABSENCE_SIGNAL = "service geweigerd wegens afwezigheid"
DEFAULT_COVERING_TEXT = "Graag nodigen we je uit voor de eerste afspraak bij {partner}"


def _refuse(field_name: str, reason: Reason) -> ValidationError:
    return ValidationError({field_name: [f"{reason.message} ({reason.rule})"]})


def ruleset_of(service: m.MediationService) -> Ruleset:
    return ruleset_by_version(service.ruleset_version)


def _lock(service: m.MediationService) -> m.MediationService:
    return (
        m.MediationService.objects.select_for_update()
        .select_related("trajectory", "client", "trajectory__organisation")
        .get(pk=service.pk)
    )


def _save(obj, acting_user: User | None) -> None:
    obj._history_user = acting_user
    obj.save()


def _require_open(service: m.MediationService, field_name: str = "__all__") -> None:
    if not service.is_open:
        raise _refuse(
            field_name,
            Reason("MED-15", _("Deze service is afgesloten: er kan niets meer bij.")),
        )


def covering_text_default(organisation: Organisation) -> str:
    return DEFAULT_COVERING_TEXT.format(partner=organisation.working_name or organisation.name)


# ---- MED-01: referral ----------------------------------------------------------------------------


@dataclass
class AppointmentData:
    starts_at: datetime
    duration_minutes: int = 60
    place: str = ""
    send_by: str = m.SendBy.LETTER
    covering_text: str = ""
    comment: str = ""


@dataclass
class ReferralData:
    tender: str
    lot: str
    vdab_mediator_name: str
    vdab_mediator_email: str
    referral_date: date
    work_points: list[str] = field(default_factory=list)
    thresholds: list[str] = field(default_factory=list)


def _referral_validate(data: ReferralData) -> None:
    errors: dict[str, list[str]] = {}
    if data.tender not in m.Tender.values:
        errors["tender"] = [
            _("Kies een tender: TIBB4, TIBB4 anderstaligen, SCRABA, SAB3 of WIJ3. (MED-01)")
        ]
    if not data.lot.strip():
        errors["lot"] = [_("Geef het perceel waarnaar de werkzoekende werd toegeleid. (MED-01)")]
    if not data.vdab_mediator_name.strip():
        errors["vdab_mediator_name"] = [_("Geef de naam van de VDAB-bemiddelaar. (MED-01)")]
    if not data.vdab_mediator_email.strip() or "@" not in data.vdab_mediator_email:
        errors["vdab_mediator_email"] = [
            _("Geef het e-mailadres van de VDAB-bemiddelaar. (MED-01)")
        ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def mediation_refer(
    *,
    client: Client,
    responsible: User,
    organisation: Organisation,
    data: ReferralData,
    acting_user: User,
    first_appointment: AppointmentData | None = None,
    title: str = "",
) -> m.MediationService:
    """MED-01: a VDAB referral arrives: open the service (and plan the first appointment)."""
    _referral_validate(data)
    try:
        ruleset = ruleset_for(data.referral_date)
    except LookupError as exc:
        raise ValidationError(
            {"referral_date": [_("Voor deze datum is er geen regelset voor bemiddeling.")]}
        ) from exc
    trajectory = trajectory_open(
        client=client,
        programme=Programme.MEDIATION,
        responsible=responsible,
        organisation=organisation,
        start_date=data.referral_date,
        title=title or f"Intensieve bemiddeling {m.Tender(data.tender).label} — {data.lot.strip()}",
        acting_user=acting_user,
    )
    trajectory.phase = m.ServiceState.REFERRED
    trajectory.save(update_fields=["phase"])
    service = m.MediationService(
        trajectory=trajectory,
        client=client,
        ruleset_version=ruleset.version,
        tender=data.tender,
        lot=data.lot.strip(),
        vdab_mediator_name=data.vdab_mediator_name.strip(),
        vdab_mediator_email=data.vdab_mediator_email.strip(),
        work_points=[w.strip() for w in data.work_points if w.strip()],
        thresholds=[t.strip() for t in data.thresholds if t.strip()],
        referral_date=data.referral_date,
    )
    _save(service, acting_user)
    if first_appointment is not None:
        first_appointment_plan(
            service=service, data=first_appointment, acting_user=acting_user, now=timezone.now()
        )
    return service


def open_for_programme(
    *, client, responsible, organisation, start_date, title: str = "", acting_user
) -> Trajectory:
    """A mediation trajectory opened anywhere (client form, API, import) always gets its service;
    the referral details are completed on the service page."""
    service = mediation_refer(
        client=client,
        responsible=responsible,
        organisation=organisation,
        data=ReferralData(
            tender=m.Tender.TIBB4,
            lot=_("nog aan te vullen"),
            vdab_mediator_name=_("nog aan te vullen"),
            vdab_mediator_email="onbekend@vdab.be",
            referral_date=start_date,
        ),
        title=title,
        acting_user=acting_user,
    )
    return service.trajectory


@transaction.atomic
def referral_update(
    *, service: m.MediationService, data: ReferralData, acting_user: User
) -> m.MediationService:
    service = _lock(service)
    _require_open(service)
    _referral_validate(data)
    service.tender, service.lot = data.tender, data.lot.strip()
    service.vdab_mediator_name = data.vdab_mediator_name.strip()
    service.vdab_mediator_email = data.vdab_mediator_email.strip()
    service.work_points = [w.strip() for w in data.work_points if w.strip()]
    service.thresholds = [t.strip() for t in data.thresholds if t.strip()]
    _save(service, acting_user)
    return service


# ---- MED-02 / MED-03 / MED-04: the first appointment -------------------------------------------


def _outcomes(service: m.MediationService) -> list[ladder.Outcome]:
    return [
        ladder.outcome_of(a.outcome == m.AppointmentOutcome.PRESENT, a.absence_reason)
        for a in service.first_appointments.order_by("number")
        if a.outcome
    ]


def pending_appointment(service: m.MediationService) -> m.FirstAppointment | None:
    return service.first_appointments.filter(outcome="").order_by("-number").first()


def _contact_data(data: AppointmentData) -> ContactData:
    return ContactData(
        starts_at=data.starts_at,
        duration_minutes=data.duration_minutes,
        form=ContactForm.INDIVIDUAL,
        place=data.place.strip(),
        notes=_("Eerste afspraak voor bemiddeling bij partner"),
    )


@transaction.atomic
def first_appointment_plan(
    *, service: m.MediationService, data: AppointmentData, acting_user: User, now: datetime
) -> m.FirstAppointment:
    """Plan the (next) referral appointment: its number and type follow from the ladder (MED-03)."""
    service = _lock(service)
    _require_open(service, "starts_at")
    state = ladder.LadderState(service.ladder_state)
    if state in ladder.TERMINAL:
        raise _refuse(
            "__all__",
            Reason("MED-03", _("De eerste afspraak is al afgewerkt; plan een gewoon contact.")),
        )
    if pending_appointment(service):
        raise _refuse(
            "__all__",
            Reason(
                "MED-02",
                _("Er staat al een eerste afspraak gepland: werk die eerst af of plan ze in."),
            ),
        )
    number, kind = ladder.APPOINTMENT[state]
    if data.send_by not in m.SendBy.values:
        raise ValidationError({"send_by": [_("Kies brief of e-mail.")]})
    contact = contact_log(
        trajectory=service.trajectory,
        data=_contact_data(data),
        acting_user=acting_user,
        programme_checked=True,
    )
    last_absent = (
        service.first_appointments.filter(outcome=m.AppointmentOutcome.ABSENT)
        .order_by("-number")
        .first()
    )
    warning = None
    if last_absent is not None:
        warning = ladder.replan_on_time(
            absent_on=timezone.localdate(last_absent.recorded_at),
            fixed_on=timezone.localdate(now),
            ruleset=ruleset_of(service),
        )
    appointment = m.FirstAppointment(
        service=service,
        number=number,
        kind=kind.value,
        contact=contact,
        send_by=data.send_by,
        covering_text=data.covering_text.strip()
        or covering_text_default(service.trajectory.organisation),
        comment=data.comment.strip(),
        replan_warning=f"{warning.message} ({warning.rule})" if warning else "",
    )
    _save(appointment, acting_user)
    return appointment


def _lock_appointment(appointment: m.FirstAppointment) -> m.FirstAppointment:
    return (
        m.FirstAppointment.objects.select_for_update()
        .select_related("contact", "service")
        .get(pk=appointment.pk)
    )


@transaction.atomic
def first_appointment_reschedule(
    *,
    appointment: m.FirstAppointment,
    data: AppointmentData,
    mediator_unavailable: bool,
    acting_user: User,
    now: datetime,
    kind: str | None = None,
) -> m.FirstAppointment:
    """MED-02 "contact herinplannen": only when the mediator cannot be there; never the type."""
    appointment = _lock_appointment(appointment)
    service = _lock(appointment.service)
    _require_open(service)
    refusal = ladder.reschedule_refusal(
        appointment_outcome=appointment.outcome or None,
        mediator_unavailable=mediator_unavailable,
        kind_before=appointment.kind,
        kind_after=kind or appointment.kind,
    )
    if refusal:
        raise _refuse("__all__", refusal)
    contact = appointment.contact
    contact_data = _contact_data(data)
    contact_validate(
        trajectory=service.trajectory,
        staff=contact.staff,
        data=contact_data,
        now=now,
        exclude_pk=contact.pk,
        programme_checked=True,
    )
    contact.starts_at = contact_data.starts_at
    contact.duration_minutes = contact_data.duration_minutes
    contact.place = contact_data.place
    _save(contact, acting_user)
    appointment.rescheduled += 1
    if data.comment.strip():
        appointment.comment = data.comment.strip()
    _save(appointment, acting_user)
    return appointment


@transaction.atomic
def first_appointment_record(
    *,
    appointment: m.FirstAppointment,
    present: bool,
    acting_user: User,
    now: datetime,
    reason: str = "",
    comment: str = "",
) -> ladder.Step:
    """Finish a referral appointment as present or absent (none/valid/invalid) — MED-02..04."""
    appointment = _lock_appointment(appointment)
    service = _lock(appointment.service)
    _require_open(service)
    if appointment.outcome:
        raise _refuse("__all__", Reason("MED-02", _("Deze afspraak is al afgewerkt.")))
    refusal = ladder.outcome_refusal(planned_on_or_before_now=appointment.contact.starts_at <= now)
    if refusal:
        raise _refuse("__all__", refusal)
    if not present and reason not in m.AbsenceReason.values:
        raise ValidationError(
            {
                "absence_reason": [
                    _("Kies de reden van afwezigheid: geen, geldig of ongeldig. (MED-02)")
                ]
            }
        )
    try:
        step = ladder.ladder_step(
            ladder.LadderState(service.ladder_state), ladder.outcome_of(present, reason)
        )
    except ladder.LadderError as exc:
        raise _refuse("__all__", exc.reason) from exc
    appointment.outcome = m.AppointmentOutcome.PRESENT if present else m.AppointmentOutcome.ABSENT
    appointment.absence_reason = step.recorded_reason.value if step.recorded_reason else ""
    appointment.comment = comment.strip() or appointment.comment
    appointment.recorded_at = now
    _save(appointment, acting_user)
    contact = appointment.contact
    contact.outcome = ContactOutcome.HELD if present else ContactOutcome.ABSENT
    contact.absence_reason = (
        "" if present else str(m.AbsenceReason(appointment.absence_reason).label)
    )
    _save(contact, acting_user)
    service.ladder_state = step.after.value
    if step.after == ladder.LadderState.PRESENT:
        # MED-04: mediatorship passes to the partner at once (banner and red bar).
        service.state = m.ServiceState.FIRST_PRESENT
        service.present_on = timezone.localdate(contact.starts_at)
        _save(service, acting_user)
        _set_phase(service, acting_user)
    elif step.stops:
        _stop_for_absence(service, acting_user=acting_user, now=now)
    else:
        _save(service, acting_user)
    return step


def _set_phase(service: m.MediationService, acting_user) -> None:
    trajectory = service.trajectory
    trajectory.phase = service.state
    _save(trajectory, acting_user)


def _send_signal(service_pk: int, subject: str, body: str) -> None:
    service = m.MediationService.objects.select_related("trajectory__organisation").get(
        pk=service_pk
    )
    organisation = service.trajectory.organisation
    sender = organisation.email or None
    send_mail(subject, body, sender, [service.vdab_mediator_email], fail_silently=True)


def _stop_for_absence(service: m.MediationService, *, acting_user, now: datetime) -> None:
    """MED-03: the service ends, the partner loses access at once, VDAB gets the signal."""
    service.state = m.ServiceState.STOPPED
    service.closing_reason = m.ClosingReason.ABSENCE
    service.closing_way = m.ClosingWay.ABSENCE_STOP
    service.closed_at = now
    service.vdab_signal = ABSENCE_SIGNAL
    decision = closing_rules.return_to_vdab(
        tender=service.tender, reason="absence", way="absence_stop", advice=None, open_items=False
    )
    service.returned_to = decision.to.value
    service.returned_reasons = [{"rule": r.rule, "message": r.message} for r in decision.reasons]
    _save(service, acting_user)
    _end_trajectory(
        service, TrajectoryStatus.CANCELLED, now=now, acting_user=acting_user, access_until=now
    )
    transaction.on_commit(
        lambda pk=service.pk, n=service.client.full_name: _send_signal(
            pk,
            f"Koers: {ABSENCE_SIGNAL}",
            f"Service intensieve bemiddeling voor {n}: {ABSENCE_SIGNAL} (MED-03).",
        )
    )


def _end_trajectory(service, status: str, *, now: datetime, acting_user, access_until: datetime):
    trajectory = service.trajectory
    on = max(timezone.localdate(now), trajectory.start_date)
    trajectory = trajectory_set_status(
        trajectory=trajectory, status=status, acting_user=acting_user, on=on
    )
    trajectory.access_until = access_until
    trajectory.phase = service.state
    _save(trajectory, acting_user)
    service.trajectory = trajectory


@transaction.atomic
def absence_stop_sweep_one(service_pk: int, now: datetime) -> bool:
    """Catch-up for the sweep: a ladder that reached STOP while the service is still open."""
    service = _lock(m.MediationService(pk=service_pk))
    if service.ladder_state != ladder.LadderState.STOPPED or not service.is_open:
        return False
    _stop_for_absence(service, acting_user=None, now=now)
    return True


# ---- MED-05 / MED-07: agreement sheets ---------------------------------------------------------


@dataclass
class SheetAssignment:
    title: str
    what: str = ""
    deadline: date | None = None
    remark: str = ""


def next_contacts(service: m.MediationService, now: datetime) -> list[Contact]:
    return list(
        Contact.objects.filter(
            trajectory=service.trajectory, outcome=ContactOutcome.PLANNED, starts_at__gt=now
        )
        .select_related("staff", "first_appointment")
        .order_by("starts_at")[:5]
    )


def _contact_snapshot(contact: Contact, organisation: Organisation) -> dict:
    start = timezone.localtime(contact.starts_at)
    kind = (
        _("Eerste afspraak voor bemiddeling bij partner")
        if hasattr(contact, "first_appointment")
        else _("Gesprek: Zoektocht naar werk")
    )
    return {
        "starts_at": start.isoformat(),
        "type": str(kind),
        "mediator": contact.staff.get_full_name() or contact.staff.username,
        "organisation": organisation.working_name or organisation.name,
        "address": contact.place,
    }


@transaction.atomic
def sheet_create(
    *,
    service: m.MediationService,
    made_on: date,
    work_points: list[str],
    assignments: list[SheetAssignment],
    services_remark: str,
    acting_user: User,
    now: datetime,
) -> m.AgreementSheet:
    """MED-05/MED-07: a sheet from chosen work points and assignments plus the next contacts."""
    service = _lock(service)
    _require_open(service)
    if service.present_on is None:
        raise _refuse(
            "__all__",
            Reason("MED-05", _("Een afsprakenblad kan pas na aanwezigheid op de eerste afspraak.")),
        )
    if service.state == m.ServiceState.TO_CLOSE:
        raise _refuse(
            "__all__",
            Reason("MED-14", _("De bemiddeling is beëindigd: geef nu het eindadvies.")),
        )
    if not assignments and not work_points:
        raise ValidationError(
            {"assignments": [_("Kies minstens één werkpunt of opdracht. (MED-05)")]}
        )
    for item in assignments:
        if not item.title.strip():
            raise ValidationError({"assignments": [_("Elke opdracht heeft een titel. (MED-07)")]})
        if item.deadline is None:
            raise ValidationError(
                {"assignments": [_("Elke opdracht heeft een deadline. (MED-07)")]}
            )
    upcoming = next_contacts(service, now)
    number = (service.sheets.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    if number == 1 and not upcoming:
        raise _refuse(
            "next_contacts",
            Reason(
                "MED-05",
                _("Plan eerst een volgend contact: het hoort op het eerste afsprakenblad."),
            ),
        )
    created = [
        assignment_create(
            trajectory=service.trajectory,
            data=AssignmentData(
                title=item.title.strip(),
                description="\n".join(x for x in (item.what.strip(), item.remark.strip()) if x),
                deadline=item.deadline,
            ),
            acting_user=acting_user,
        )
        for item in assignments
    ]
    organisation = service.trajectory.organisation
    sheet = m.AgreementSheet(
        service=service,
        number=number,
        made_on=made_on,
        made_by=acting_user,
        content={
            "work_points": [w.strip() for w in work_points if w.strip()],
            "assignments": [
                {
                    "title": a.title.strip(),
                    "what": a.what.strip(),
                    "deadline": a.deadline.isoformat(),
                    "remark": a.remark.strip(),
                }
                for a in assignments
            ],
            "next_contacts": [_contact_snapshot(c, organisation) for c in upcoming],
            "services_remark": services_remark.strip(),
        },
    )
    _save(sheet, acting_user)
    sheet.assignments.set(created)
    return sheet


@transaction.atomic
def sheet_sign(
    *,
    sheet: m.AgreementSheet,
    partner_on: date | None,
    participant_on: date | None,
    acting_user: User,
) -> m.AgreementSheet:
    """MED-05: partner and participant both sign at the bottom of the sheet."""
    sheet = m.AgreementSheet.objects.select_for_update().get(pk=sheet.pk)
    service = _lock(sheet.service)
    _require_open(service)
    for name, value in (("partner_on", partner_on), ("participant_on", participant_on)):
        if value is not None and value < sheet.made_on:
            raise ValidationError({name: [_("Ondertekend vóór de datum van het blad?")]})
    sheet.signed_by_partner_on = partner_on or sheet.signed_by_partner_on
    sheet.signed_by_participant_on = participant_on or sheet.signed_by_participant_on
    _save(sheet, acting_user)
    return sheet


def first_sheet_status(service: m.MediationService, today: date):
    if service.present_on is None:
        return None
    return process_rules.first_sheet_countdown(
        present_on=service.present_on, today=today, ruleset=ruleset_of(service)
    )


# ---- MED-06: start -------------------------------------------------------------------------------


def start_refusals(service: m.MediationService, now: datetime) -> list[Reason]:
    first = service.sheets.filter(number=1).first()
    return process_rules.start_refusals(
        first_present=service.present_on is not None,
        first_sheet=first is not None,
        sheet_signed=bool(first and first.signed),
        next_contact_planned=bool(next_contacts(service, now)),
        started=service.mediation_started_on is not None,
    )


@transaction.atomic
def mediation_start(
    *, service: m.MediationService, acting_user: User, now: datetime, on: date | None = None
) -> m.MediationService:
    """MED-06 "Start bemiddelingsproces": the date from which the 6 / 18 months count."""
    service = _lock(service)
    _require_open(service)
    refusals = start_refusals(service, now)
    if refusals:
        raise ValidationError({"__all__": [f"{r.message} ({r.rule})" for r in refusals]})
    service.mediation_started_on = on or timezone.localdate(now)
    service.state = m.ServiceState.MEDIATING
    _save(service, acting_user)
    _set_phase(service, acting_user)
    return service


# ---- MED-09: contacts with the residence-status and work-permit check -------------------------


@transaction.atomic
def mediation_contact_log(
    *,
    service: m.MediationService,
    data: ContactData,
    residence_status_checked: bool,
    work_permit_checked: bool,
    acting_user: User,
    note: str = "",
) -> Contact:
    service = _lock(service)
    _require_open(service)
    if service.present_on is None:
        raise _refuse(
            "__all__",
            Reason("MED-02", _("Werk eerst de eerste afspraak af (aanwezig of afwezig).")),
        )
    if data.outcome == ContactOutcome.HELD and not (
        residence_status_checked and work_permit_checked
    ):
        raise _refuse(
            "residence_status_checked",
            Reason(
                "MED-09",
                _(
                    "Controleer bij elk contact het verblijfsstatuut en de arbeidskaart van de deelnemer."
                ),
            ),
        )
    contact = contact_log(
        trajectory=service.trajectory, data=data, acting_user=acting_user, programme_checked=True
    )
    if data.outcome == ContactOutcome.HELD:
        m.ContactCheck.objects.create(
            contact=contact,
            residence_status_checked=residence_status_checked,
            work_permit_checked=work_permit_checked,
            note=note.strip(),
            checked_by=acting_user,
        )
    return contact


def mediation_contact_check(trajectory: Trajectory, data: ContactData, existing) -> None:
    """Contacts entered outside the mediation page (the generic form, the API).

    A referral appointment is finished only on the mediation page (MED-02); once Koers follows the
    first-appointment ladder, a held contact needs the residence/work-permit check (MED-09), which
    only the mediation page and its API record.
    """
    service = m.MediationService.objects.filter(trajectory=trajectory).first()
    if service is None:
        return
    if existing is not None and m.FirstAppointment.objects.filter(contact=existing).exists():
        raise _refuse(
            "__all__",
            Reason("MED-02", _("Werk de eerste afspraak af op de pagina van de bemiddeling.")),
        )
    if data.outcome == ContactOutcome.HELD and service.first_appointments.exists():
        raise _refuse(
            "__all__",
            Reason(
                "MED-09",
                _(
                    "Registreer dit contact op de pagina van de bemiddeling: daar hoort de controle "
                    "van verblijfsstatuut en arbeidskaart bij."
                ),
            ),
        )


# ---- MED-12: month-end categories ---------------------------------------------------------------


@dataclass
class MonthEndData:
    month_end: date
    category: str = ""
    passive: bool | None = None


@transaction.atomic
def month_end_record(
    *,
    service: m.MediationService,
    month_end: date,
    category: str,
    acting_user: User | None,
    passive: bool | None = None,
    today: date | None = None,
) -> m.MonthEndCategory:
    """MED-12: the file's category on the last day of a month (entered by hand)."""
    return month_ends_record(
        service=service,
        items=[MonthEndData(month_end, category, passive)],
        acting_user=acting_user,
        today=today,
    )[0]


@transaction.atomic
def month_ends_record(
    *,
    service: m.MediationService,
    items: list[MonthEndData],
    acting_user: User | None,
    today: date | None = None,
) -> list[m.MonthEndCategory]:
    """MED-12: record (or import) month-end categories, then check whether mediation ended."""
    service = _lock(service)
    _require_open(service)
    today = today or timezone.localdate()
    ruleset = ruleset_of(service)
    existing = {
        r.month_end: r
        for r in service.month_ends.filter(month_end__in=[i.month_end for i in items])
    }
    records, new, changed = [], [], []
    for item in items:
        if closing_rules.month_end(item.month_end.year, item.month_end.month) != item.month_end:
            raise ValidationError({"month_end": [_("Kies de laatste dag van de maand. (MED-12)")]})
        if item.month_end > today:
            raise ValidationError({"month_end": [_("Deze maand is nog niet voorbij. (MED-12)")]})
        category = item.category.strip().upper()
        passive = item.passive if item.passive is not None else category in ruleset.passive_codes
        record = existing.get(item.month_end)
        if record is None:
            record = m.MonthEndCategory(service=service, month_end=item.month_end)
            new.append(record)
            existing[item.month_end] = record
        elif record.pk:
            changed.append(record)
        record.category, record.passive, record.recorded_by = category, passive, acting_user
        records.append(record)
    m.MonthEndCategory.objects.bulk_create(new)
    m.MonthEndCategory.objects.bulk_update(changed, ["category", "passive", "recorded_by"])
    closing_refresh(service=service, today=today, acting_user=acting_user)
    return records


def closing_facts(service: m.MediationService, today: date) -> closing_rules.ClosingDue:
    return closing_rules.closing_due(
        tender=service.tender,
        started_on=service.mediation_started_on,
        month_ends=[
            closing_rules.MonthEnd(r.month_end, r.passive) for r in service.month_ends.all()
        ],
        today=today,
        ruleset=ruleset_of(service),
    )


def closing_refresh(*, service: m.MediationService, today: date, acting_user=None) -> bool:
    """MED-12/13/14: raise "ter afsluiting" when the mediation process ended (idempotent)."""
    if service.state != m.ServiceState.MEDIATING:
        return False
    due = closing_facts(service, today)
    if due.reason is None:
        return False
    service.state = m.ServiceState.TO_CLOSE
    service.closing_reason = due.reason.value
    service.closing_due_on = due.on
    service.advice_deadline = closing_rules.advice_deadline(due.on, ruleset_of(service))
    _save(service, acting_user)
    _set_phase(service, acting_user)
    return True


# ---- MED-14 .. MED-17: closing -------------------------------------------------------------------


def _has_open_items(service: m.MediationService, now: datetime) -> bool:
    trajectory = service.trajectory
    return (
        trajectory.assignments.filter(status=AssignmentStatus.OPEN).exists()
        or trajectory.contacts.filter(outcome=ContactOutcome.PLANNED, starts_at__gt=now).exists()
    )


def _close(service, *, way: str, now: datetime, acting_user) -> None:
    decision = closing_rules.return_to_vdab(
        tender=service.tender,
        reason=service.closing_reason,
        way=way,
        advice=service.advice or None,
        open_items=_has_open_items(service, now),
    )
    service.state = m.ServiceState.CLOSED
    service.closing_way = way
    service.closed_at = now
    service.returned_to = decision.to.value
    service.returned_reasons = [{"rule": r.rule, "message": r.message} for r in decision.reasons]
    _save(service, acting_user)
    # Local time: "the next day" starts at midnight in Belgium, not in UTC.
    until = closing_rules.access_ends(
        way=way, reason=service.closing_reason, closed_at=timezone.localtime(now)
    )
    _end_trajectory(
        service, TrajectoryStatus.CLOSED, now=now, acting_user=acting_user, access_until=until
    )


@transaction.atomic
def advice_give(
    *,
    service: m.MediationService,
    option: str,
    remark: str,
    mail: bool,
    printed: bool,
    acting_user: User,
    now: datetime,
) -> m.MediationService:
    """MED-14/MED-15: "Geef eindadvies" closes the service; access ends the next day."""
    service = _lock(service)
    _require_open(service)
    refusal = closing_rules.advice_refusal(
        reason=service.closing_reason if service.state == m.ServiceState.TO_CLOSE else None,
        option=option,
        mail=mail,
        printed=printed,
        deadline=service.advice_deadline,
        today=timezone.localdate(now),
    )
    if refusal:
        field_name = {"Vink": "mail"}.get(refusal.message[:4], "advice")
        raise _refuse(field_name, refusal)
    service.advice = option
    service.advice_remark = remark.strip()
    service.advice_mail = mail
    service.advice_print = printed
    service.advice_given_at = now
    _close(service, way=m.ClosingWay.PARTNER_ADVICE, now=now, acting_user=acting_user)
    return service


@transaction.atomic
def auto_close_one(service_pk: int, now: datetime) -> bool:
    """MED-16: without advice after one month the service closes automatically (idempotent)."""
    service = _lock(m.MediationService(pk=service_pk))
    if service.state != m.ServiceState.TO_CLOSE or service.advice_deadline is None:
        return False
    if timezone.localdate(now) <= service.advice_deadline:
        return False
    _close(service, way=m.ClosingWay.AUTOMATIC, now=now, acting_user=None)
    return True


@transaction.atomic
def close_by_vdab(*, service: m.MediationService, acting_user: User, now: datetime):
    """Annex 3/4 "Afgesloten door VDAB" (recorded by an administrator): back to the VDAB mediator."""
    service = _lock(service)
    if service.state != m.ServiceState.TO_CLOSE:
        raise _refuse(
            "__all__", Reason("MED-17", _("Alleen een service “ter afsluiting” sluit VDAB af."))
        )
    _close(service, way=m.ClosingWay.VDAB, now=now, acting_user=acting_user)
    return service


# ---- MED-08, MED-10, MED-11, MED-12 (projectopvolger) -------------------------------------------


@transaction.atomic
def checklist_update(
    *,
    service: m.MediationService,
    ticked: dict[str, bool],
    extra: dict[str, bool],
    acting_user: User,
) -> m.MediationService:
    service = _lock(service)
    _require_open(service)
    service.file_checklist = {k: bool(ticked.get(k)) for k in process_rules.FILE_ITEMS}
    service.file_checklist_extra = {k.strip(): bool(v) for k, v in extra.items() if k.strip()}
    _save(service, acting_user)
    return service


def file_checklist(service: m.MediationService):
    client = service.client
    return process_rules.file_checklist(
        has_contact_data=bool((client.email or client.phone) and client.street and client.city),
        ticked=service.file_checklist,
        extra=service.file_checklist_extra,
    )


@transaction.atomic
def ibo_note(*, service: m.MediationService, employer: str, acting_user: User):
    """MED-10: an IBO is an agreed action; the employer applies itself, the partner registers nothing
    else — VDAB's IBO mediator contacts the partner."""
    service = _lock(service)
    _require_open(service)
    if not employer.strip():
        raise ValidationError({"employer": [_("Bij welke werkgever? (MED-10)")]})
    return assignment_create(
        trajectory=service.trajectory,
        data=AssignmentData(
            title=_("IBO bij %(employer)s") % {"employer": employer.strip()},
            description=_(
                "Actie binnen de persoonlijke dienstverlening, akkoord van werkzoekende en "
                "bemiddelaar. De werkgever vraagt de IBO aan via zijn eigen VDAB-account; de "
                "VDAB-IBO-bemiddelaar neemt contact op en houdt ons op de hoogte."
            ),
        ),
        acting_user=acting_user,
    )


@dataclass
class TrainingData:
    kind: str
    title: str
    code: str
    is_bvs: bool = False
    organiser: str = ""
    organiser_email: str = ""
    organiser_is_vdab: bool = False
    work_point: str = ""
    summary: str = ""
    starts_on: date | None = None


@transaction.atomic
def training_register(
    *, service: m.MediationService, data: TrainingData, acting_user: User
) -> m.TrainingRegistration:
    """MED-11: start an own training or request one; the organiser's contact gets an e-mail."""
    service = _lock(service)
    _require_open(service)
    if service.mediation_started_on is None:
        raise _refuse(
            "__all__", Reason("MED-11", _("Start eerst het bemiddelingsproces. (MED-06)"))
        )
    if data.kind not in m.TrainingKind.values:
        raise ValidationError({"kind": [_("Kies: eigen opleiding of opleiding aanvragen.")]})
    if not data.title.strip():
        raise ValidationError({"title": [_("Geef de opleiding.")]})
    refusal = process_rules.own_training_refusal(
        is_bvs=data.is_bvs and data.kind == m.TrainingKind.OWN,
        code=data.code,
        ruleset=ruleset_of(service),
    )
    if refusal:
        raise _refuse("code", refusal)
    if data.kind == m.TrainingKind.REQUESTED and not (
        data.organiser.strip() and "@" in data.organiser_email
    ):
        raise ValidationError(
            {
                "organiser_email": [
                    _("Geef de organisator en het e-mailadres van de contactpersoon. (MED-11)")
                ]
            }
        )
    training = m.TrainingRegistration(
        service=service,
        kind=data.kind,
        title=data.title.strip(),
        code=data.code.strip(),
        is_bvs=data.is_bvs and data.kind == m.TrainingKind.OWN,
        organiser=data.organiser.strip()
        or (service.trajectory.organisation.name if data.kind == m.TrainingKind.OWN else ""),
        organiser_email=data.organiser_email.strip(),
        organiser_is_vdab=data.organiser_is_vdab and data.kind == m.TrainingKind.REQUESTED,
        work_point=data.work_point.strip() or _("competentieversterking"),
        summary=data.summary.strip(),
        starts_on=data.starts_on,
        started=data.kind == m.TrainingKind.OWN,
        created_by=acting_user,
    )
    _save(training, acting_user)
    if data.kind == m.TrainingKind.REQUESTED:
        organisation = service.trajectory.organisation
        transaction.on_commit(
            lambda t=training, o=organisation: send_mail(
                _("Aanvraag opleiding %(code)s") % {"code": t.code},
                _(
                    "%(partner)s vraagt de opleiding %(title)s (%(code)s) aan voor een deelnemer in "
                    "intensieve bemiddeling. Wij nemen contact op om de startvoorwaarden te bespreken."
                )
                % {"partner": o.working_name or o.name, "title": t.title, "code": t.code},
                o.email or None,
                [t.organiser_email],
                fail_silently=True,
            )
        )
    return training


def _lock_training(training) -> m.TrainingRegistration:
    return m.TrainingRegistration.objects.select_for_update().get(pk=training.pk)


@transaction.atomic
def training_cancel(*, training: m.TrainingRegistration, acting_user: User, now: datetime):
    training = _lock_training(training)
    _require_open(_lock(training.service))
    if training.cancelled_at:
        return training
    refusal = process_rules.training_cancel_refusal(
        requested=training.kind == m.TrainingKind.REQUESTED,
        organiser_is_vdab=training.organiser_is_vdab,
        started=training.started,
    )
    if refusal:
        raise _refuse("__all__", refusal)
    training.cancelled_at = now
    _save(training, acting_user)
    return training


@transaction.atomic
def training_progress(
    *,
    training: m.TrainingRegistration,
    acting_user: User,
    started: bool | None = None,
    competences_updated_on: date | None = None,
):
    """The organiser records the start; after a training the competences are updated (MED-11)."""
    training = _lock_training(training)
    _require_open(_lock(training.service))
    if training.cancelled_at:
        raise _refuse("__all__", Reason("MED-11", _("Deze aanvraag is geannuleerd.")))
    if started is not None:
        training.started = started or training.started
    if competences_updated_on is not None:
        training.competences_updated_on = competences_updated_on
    _save(training, acting_user)
    return training


@transaction.atomic
def followup_contact_record(
    *,
    service: m.MediationService,
    on: date,
    reason: str,
    projectopvolger: str,
    note: str,
    acting_user: User,
) -> m.ProjectFollowUpContact:
    """MED-12: on onttering or early termination the partner contacts the projectopvolger."""
    service = _lock(service)
    _require_open(service)
    if reason not in m.FollowUpReason.values:
        raise ValidationError({"reason": [_("Kies een reden.")]})
    if not projectopvolger.strip():
        raise ValidationError({"projectopvolger": [_("Met welke projectopvolger? (MED-12)")]})
    return m.ProjectFollowUpContact.objects.create(
        service=service,
        on=on,
        reason=reason,
        projectopvolger=projectopvolger.strip(),
        note=note.strip(),
        recorded_by=acting_user,
    )


def red_bar(service: m.MediationService, now: datetime) -> bool:
    """MED-04/15/16: the red bar shows from "present" until access ends."""
    until = service.trajectory.access_until
    return service.present_on is not None and (until is None or now < until)


def replan_deadline(service: m.MediationService, today: date) -> ladder.NextStep:
    last_absent = (
        service.first_appointments.filter(outcome=m.AppointmentOutcome.ABSENT)
        .order_by("-number")
        .first()
    )
    return ladder.next_step(
        state=ladder.LadderState(service.ladder_state),
        last_absent_on=timezone.localdate(last_absent.recorded_at) if last_absent else None,
        appointment_made=pending_appointment(service) is not None,
        today=today,
        ruleset=ruleset_of(service),
    )
