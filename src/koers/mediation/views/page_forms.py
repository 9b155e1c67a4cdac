"""The forms of the service page, empty or as posted (a rejected form keeps what was typed)."""

from datetime import time

from koers.mediation import forms
from koers.mediation.selectors import ServicePage, covering_text_default
from koers.trajectories.models import ContactOutcome


def _appointment_forms(page: ServicePage, posted: dict) -> dict:
    initial = {
        "date": page.today,
        "start_time": time(9, 0),
        "duration_minutes": 60,
        "place": page.next_place,
        "covering_text": covering_text_default(page.trajectory.organisation),
    }
    contact_initial = {
        "date": page.today,
        "start_time": initial["start_time"],
        "duration_minutes": 60,
        "outcome": ContactOutcome.PLANNED,
    }
    return {
        "appointment_form": posted.get("appointment_form")
        or forms.AppointmentForm(initial=initial),
        "reschedule_form": posted.get("reschedule_form") or forms.RescheduleForm(initial=initial),
        "outcome_form": posted.get("outcome_form") or forms.OutcomeForm(),
        "invitation_form": posted.get("invitation_form") or forms.InvitationForm(),
        "contact_form": posted.get("contact_form")
        or forms.MediationContactForm(initial=contact_initial),
    }


def _file_forms(page: ServicePage, posted: dict) -> dict:
    service = page.service
    extra = "\n".join(f"{'+ ' if ok else ''}{k}" for k, ok in service.file_checklist_extra.items())
    return {
        "sheet_form": posted.get("sheet_form")
        or forms.SheetForm(work_points=service.work_points, initial={"made_on": page.today}),
        "month_end_form": posted.get("month_end_form") or forms.MonthEndForm(),
        "training_form": posted.get("training_form") or forms.TrainingForm(),
        "checklist_form": posted.get("checklist_form")
        or forms.ChecklistForm(initial={**service.file_checklist, "extra": extra}),
        "advice_form": posted.get("advice_form")
        or forms.AdviceForm(options=service.advice_options),
        "followup_form": posted.get("followup_form")
        or forms.FollowUpForm(initial={"on": page.today}),
        "ibo_form": posted.get("ibo_form") or forms.IboForm(),
    }


def _sign_forms(page: ServicePage, rejected_sign, about) -> None:
    """Each unsigned sheet has its own signature form (and element ids); the posted one stays."""
    initial = {"partner_on": page.today, "participant_on": page.today}
    for sheet in page.sheets:
        posted_here = rejected_sign is not None and about is not None and about.pk == sheet.pk
        sheet.sign_form = rejected_sign if posted_here else forms.SignForm(initial=initial)
        sheet.sign_form.auto_id = f"id_sign{sheet.pk}_%s"


def page_context(page: ServicePage, posted: dict | None = None, about=None) -> dict:
    """The page's context: the selector's facts and the forms (`about`: the sheet whose
    signatures were posted)."""
    posted = dict(posted or {})
    _sign_forms(page, posted.pop("sign_form", None), about)
    return {
        **page.as_context(),
        **_appointment_forms(page, posted),
        **_file_forms(page, posted),
        "section": "mediation_dashboard",
    }
