"""How the mediation API shows a service and what hangs under it (the JSON of the Out schemas)."""

from django.utils import timezone

from koers.mediation import models as m
from koers.mediation import selectors, services
from koers.mediation.schemas import AppointmentIn


def _referral_fields(service: m.MediationService) -> dict:
    return {
        "id": service.pk,
        "trajectory_id": service.trajectory_id,
        "client_id": service.client_id,
        "client_name": service.client.full_name,
        "responsible_id": service.trajectory.responsible_id,
        "tender": service.tender,
        "lot": service.lot,
        "vdab_mediator_name": service.vdab_mediator_name,
        "vdab_mediator_email": service.vdab_mediator_email,
        "work_points": service.work_points,
        "thresholds": service.thresholds,
        "referral_date": service.referral_date,
    }


def _state_fields(service: m.MediationService) -> dict:
    return {
        "state": service.state,
        "state_label": str(m.ServiceState(service.state).label),
        "ladder_state": service.ladder_state,
        "present_on": service.present_on,
        "mediation_started_on": service.mediation_started_on,
        "closing_reason": service.closing_reason,
        "closing_due_on": service.closing_due_on,
        "advice_deadline": service.advice_deadline,
        "closing_way": service.closing_way,
        "closed_at": service.closed_at,
        "advice": service.advice,
        "advice_remark": service.advice_remark,
        "returned_to": service.returned_to,
        "vdab_signal": service.vdab_signal,
        "access_until": service.trajectory.access_until,
    }


def service_out(service: m.MediationService) -> dict:
    facts = selectors.service_facts(service, timezone.now())
    return {
        **_referral_fields(service),
        **_state_fields(service),
        "closable_on": facts.closable_on,
        "max_duration_on": facts.max_duration_on,
        "returned_reasons": facts.returned_reasons,
        "red_bar": facts.red_bar,
    }


def appointment_out(a: m.FirstAppointment) -> dict:
    return {
        "id": a.pk,
        "number": a.number,
        "kind": a.kind,
        "contact_id": a.contact_id,
        "starts_at": a.contact.starts_at,
        "duration_minutes": a.contact.duration_minutes,
        "place": a.contact.place,
        "outcome": a.outcome,
        "absence_reason": a.absence_reason,
        "comment": a.comment,
        "rescheduled": a.rescheduled,
        "send_by": a.send_by,
        "covering_text": a.covering_text,
        "replan_warning": a.replan_warning,
    }


def sheet_out(s: m.AgreementSheet) -> dict:
    return {
        "id": s.pk,
        "number": s.number,
        "made_on": s.made_on,
        "content": s.content,
        "signed_by_partner_on": s.signed_by_partner_on,
        "signed_by_participant_on": s.signed_by_participant_on,
        "document_id": s.document_id,
    }


def training_out(t: m.TrainingRegistration) -> dict:
    return {
        "id": t.pk,
        "kind": t.kind,
        "title": t.title,
        "code": t.code,
        "is_bvs": t.is_bvs,
        "organiser": t.organiser,
        "organiser_email": t.organiser_email,
        "organiser_is_vdab": t.organiser_is_vdab,
        "work_point": t.work_point,
        "summary": t.summary,
        "starts_on": t.starts_on,
        "started": t.started,
        "cancelled_at": t.cancelled_at,
        "competences_updated_on": t.competences_updated_on,
        "created_at": t.created_at,
    }


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
