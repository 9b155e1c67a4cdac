"""How the mediation API shows a service and what hangs under it (the JSON of the Out schemas)."""

from django.utils import timezone

from koers.mediation import models as m
from koers.mediation import selectors, services
from koers.mediation.schemas import AppointmentIn
from koers.mediation.services.referral import REFERRAL_FIELDS as REFERRAL_DETAILS

REFERRAL_FIELDS = ("trajectory_id", "client_id", *REFERRAL_DETAILS, "referral_date")
STATE_FIELDS = (
    "state",
    "ladder_state",
    "present_on",
    "mediation_started_on",
    "closing_reason",
    "closing_due_on",
    "advice_deadline",
    "closing_way",
    "closed_at",
    "advice",
    "advice_remark",
    "returned_to",
    "vdab_signal",
)
APPOINTMENT_FIELDS = (
    "number",
    "kind",
    "contact_id",
    "outcome",
    "absence_reason",
    "comment",
    "rescheduled",
    "send_by",
    "covering_text",
    "replan_warning",
)
SHEET_FIELDS = (
    "number",
    "made_on",
    "content",
    "signed_by_partner_on",
    "signed_by_participant_on",
    "document_id",
)
TRAINING_FIELDS = (
    "kind",
    "title",
    "code",
    "is_bvs",
    "organiser",
    "organiser_email",
    "organiser_is_vdab",
    "work_point",
    "summary",
    "starts_on",
    "started",
    "cancelled_at",
    "competences_updated_on",
    "created_at",
)


def _fields(obj, names: tuple[str, ...]) -> dict:
    """The row's id and the named fields, as the Out schema names them."""
    return {"id": obj.pk, **{name: getattr(obj, name) for name in names}}


def service_out(service: m.MediationService) -> dict:
    facts = selectors.service_facts(service, timezone.now())
    return {
        **_fields(service, REFERRAL_FIELDS + STATE_FIELDS),
        "client_name": service.client.full_name,
        "responsible_id": service.trajectory.responsible_id,
        "state_label": str(m.ServiceState(service.state).label),
        "access_until": service.trajectory.access_until,
        "closable_on": facts.closable_on,
        "max_duration_on": facts.max_duration_on,
        "returned_reasons": facts.returned_reasons,
        "red_bar": facts.red_bar,
    }


def appointment_out(a: m.FirstAppointment) -> dict:
    contact = {
        "starts_at": a.contact.starts_at,
        "duration_minutes": a.contact.duration_minutes,
        "place": a.contact.place,
    }
    return {**_fields(a, APPOINTMENT_FIELDS), **contact}


def sheet_out(s: m.AgreementSheet) -> dict:
    return _fields(s, SHEET_FIELDS)


def training_out(t: m.TrainingRegistration) -> dict:
    return _fields(t, TRAINING_FIELDS)


def checklist_out(service: m.MediationService) -> dict:
    items = selectors.file_checklist(service)
    return {
        "items": [{"key": i.key, "label": i.label, "ok": i.ok} for i in items],
        "missing": [i.label for i in items if not i.ok],
    }


def setting_out(setting: selectors.EffectiveSetting) -> dict:
    return {
        "tender": setting.tender,
        "tender_label": setting.tender_label,
        "maximum_months": setting.maximum_months,
        "passive_codes": list(setting.passive_codes),
        "confirmed": setting.confirmed,
        "configurable": setting.configurable,
        "confirmed_by_id": setting.confirmed_by.pk if setting.confirmed_by else None,
        "confirmed_at": setting.confirmed_at,
    }


def appointment_data(payload: AppointmentIn) -> services.AppointmentData:
    return services.AppointmentData(
        starts_at=payload.starts_at,
        duration_minutes=payload.duration_minutes,
        place=payload.place,
        send_by=payload.send_by,
        covering_text=payload.covering_text,
        comment=payload.comment,
    )
