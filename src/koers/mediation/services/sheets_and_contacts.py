"""MED-05 / MED-07 agreement sheets, MED-06 start, MED-09 contacts with the residence check."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.mediation import models as m
from koers.mediation.selectors.facts import next_contacts, start_refusals
from koers.mediation.services.common import lock_service, require_open, set_phase
from koers.mediation.services.states import service_set_state
from koers.trajectories.models import (
    Contact,
    ContactOutcome,
    Trajectory,
)
from koers.trajectories.services import (
    AssignmentData,
    ContactData,
    assignment_create,
    contact_log,
)


@dataclass
class SheetAssignment:
    title: str
    what: str = ""
    deadline: date | None = None
    remark: str = ""


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
    service = lock_service(service)
    require_open(service)
    if service.present_on is None:
        raise refusal(
            "__all__",
            Reason("MED-05", _("Een afsprakenblad kan pas na aanwezigheid op de eerste afspraak.")),
        )
    if service.is_to_close:
        raise refusal(
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
        raise refusal(
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
    save_with_user(sheet, acting_user)
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
    # Both signatures posted at once (partner and participant on two screens): the second waits
    # and keeps the first one's date instead of overwriting it with an older copy of the sheet.
    sheet = m.AgreementSheet.objects.select_for_update().get(pk=sheet.pk)
    service = lock_service(sheet.service)
    require_open(service)
    for name, value in (("partner_on", partner_on), ("participant_on", participant_on)):
        if value is not None and value < sheet.made_on:
            raise ValidationError({name: [_("Ondertekend vóór de datum van het blad?")]})
    sheet.signed_by_partner_on = partner_on or sheet.signed_by_partner_on
    sheet.signed_by_participant_on = participant_on or sheet.signed_by_participant_on
    save_with_user(sheet, acting_user)
    return sheet


@transaction.atomic
def mediation_start(
    *, service: m.MediationService, acting_user: User, now: datetime, on: date | None = None
) -> m.MediationService:
    """MED-06 "Start bemiddelingsproces": the date from which the 6 / 18 months count."""
    service = lock_service(service)
    require_open(service)
    refusals = start_refusals(service, now)
    if refusals:
        raise refusal("__all__", *refusals)
    service.mediation_started_on = on or timezone.localdate(now)
    service_set_state(
        service,
        m.ServiceState.MEDIATING,
        acting_user=acting_user,
        why="Start bemiddelingsproces (MED-06)",
        at=now,
        also_save=("mediation_started_on",),
    )
    set_phase(service, acting_user)
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
    service = lock_service(service)
    require_open(service)
    if service.present_on is None:
        raise refusal(
            "__all__",
            Reason("MED-02", _("Werk eerst de eerste afspraak af (aanwezig of afwezig).")),
        )
    if data.outcome == ContactOutcome.HELD and not (
        residence_status_checked and work_permit_checked
    ):
        raise refusal(
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
        raise refusal(
            "__all__",
            Reason("MED-02", _("Werk de eerste afspraak af op de pagina van de bemiddeling.")),
        )
    if data.outcome == ContactOutcome.HELD and service.first_appointments.exists():
        raise refusal(
            "__all__",
            Reason(
                "MED-09",
                _(
                    "Registreer dit contact op de pagina van de bemiddeling: daar hoort de controle "
                    "van verblijfsstatuut en arbeidskaart bij."
                ),
            ),
        )
