"""MED-01: a VDAB referral opens the service; its details can be completed later."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Client, Organisation, User
from koers.mediation import models as m
from koers.mediation.services.common import lock_service, require_open, set_phase
from koers.mediation.services.first_appointment import AppointmentData, first_appointment_plan
from koers.mediation.services.states import service_set_state, states_record_first
from koers.trajectories.models import (
    Programme,
    Trajectory,
)
from koers.trajectories.rulesets import NoRulesetInForce, ruleset_in_force
from koers.trajectories.services import (
    trajectory_open,
)


@dataclass
class ReferralData:
    tender: str
    lot: str
    vdab_mediator_name: str
    vdab_mediator_email: str
    referral_date: date
    vdab_client_number: str = ""  # may follow later; the PDFs then say it is missing
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
    number = data.vdab_client_number.replace(" ", "")
    if number and not (number.isdigit() and len(number) <= 12):
        errors["vdab_client_number"] = [
            _("Het VDAB-klantnummer bestaat uit cijfers, zoals op de toeleiding (bv. 13007034).")
        ]
    if errors:
        raise ValidationError(errors)


def _service_open(
    *, client, responsible, organisation, data: ReferralData, acting_user, title: str, state: str
) -> m.MediationService:
    try:
        ruleset = ruleset_in_force(Programme.MEDIATION, data.referral_date)
    except NoRulesetInForce as exc:
        raise ValidationError({"referral_date": [exc.message]}) from exc
    default_title = (
        f"Intensieve bemiddeling {m.Tender(data.tender).label} — {data.lot.strip()}"
        if data.tender
        else _("Intensieve bemiddeling")
    )
    trajectory = trajectory_open(
        client=client,
        programme=Programme.MEDIATION,
        responsible=responsible,
        organisation=organisation,
        start_date=data.referral_date,
        title=title or default_title,
        acting_user=acting_user,
    )
    trajectory.phase = state
    trajectory.save(update_fields=["phase"])
    service = m.MediationService(
        trajectory=trajectory,
        client=client,
        ruleset_version=ruleset.version,
        tender=data.tender,
        lot=data.lot.strip(),
        vdab_mediator_name=data.vdab_mediator_name.strip(),
        vdab_mediator_email=data.vdab_mediator_email.strip(),
        vdab_client_number=data.vdab_client_number.replace(" ", ""),
        work_points=[w.strip() for w in data.work_points if w.strip()],
        thresholds=[t.strip() for t in data.thresholds if t.strip()],
        referral_date=data.referral_date,
        state=state,
    )
    save_with_user(service, acting_user)
    states_record_first(service, acting_user=acting_user)
    return service


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
    service = _service_open(
        client=client,
        responsible=responsible,
        organisation=organisation,
        data=data,
        acting_user=acting_user,
        title=title,
        state=m.ServiceState.REFERRED,
    )
    if first_appointment is not None:
        first_appointment_plan(
            service=service, data=first_appointment, acting_user=acting_user, now=timezone.now()
        )
    return service


def open_for_programme(
    *, client, responsible, organisation, start_date, title: str = "", acting_user
) -> Trajectory:
    """A mediation trajectory opened anywhere (client form, API, import) always gets its service,
    but without invented referral details: it stays "Toeleiding onvolledig" — no "Nieuwe service",
    no first appointment, no signal to a VDAB mediator — until tender, lot and VDAB mediator are
    completed on the service page (MED-01)."""
    service = _service_open(
        client=client,
        responsible=responsible,
        organisation=organisation,
        data=ReferralData(
            tender="",
            lot="",
            vdab_mediator_name="",
            vdab_mediator_email="",
            referral_date=start_date,
        ),
        acting_user=acting_user,
        title=title,
        state=m.ServiceState.INCOMPLETE,
    )
    return service.trajectory


# The referral's details a mediator completes or corrects (MED-01).
REFERRAL_FIELDS = (
    "tender",
    "lot",
    "vdab_mediator_name",
    "vdab_mediator_email",
    "vdab_client_number",
    "work_points",
    "thresholds",
)


@transaction.atomic
def referral_update(
    *, service: m.MediationService, data: ReferralData, acting_user: User
) -> m.MediationService:
    service = lock_service(service)
    require_open(service)
    _referral_validate(data)
    service.tender, service.lot = data.tender, data.lot.strip()
    service.vdab_mediator_name = data.vdab_mediator_name.strip()
    service.vdab_mediator_email = data.vdab_mediator_email.strip()
    service.vdab_client_number = data.vdab_client_number.replace(" ", "")
    service.work_points = [w.strip() for w in data.work_points if w.strip()]
    service.thresholds = [t.strip() for t in data.thresholds if t.strip()]
    if service.is_incomplete:
        # MED-01: complete now, so it shows as "Nieuwe service - Intensieve bemiddeling".
        service_set_state(
            service,
            m.ServiceState.REFERRED,
            acting_user=acting_user,
            why="Toeleiding aangevuld (MED-01)",
            also_save=REFERRAL_FIELDS,
        )
        set_phase(service, acting_user)
    else:
        save_with_user(service, acting_user)
    return service
