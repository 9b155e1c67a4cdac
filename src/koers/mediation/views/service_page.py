"""The service page: first appointments (MED-02..04), agreement sheets (MED-05, MED-07), the start
(MED-06) and contacts with the residence-status and work-permit check (MED-09)."""

from datetime import date, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.form_pages import REJECTED_STATUS, FormRejected, distinct_ids, submitted
from koers.mediation import forms, pdfs, selectors, services
from koers.mediation import models as m
from koers.mediation.rules.closing import CITIZEN_TEXTS, advice_options
from koers.mediation.rules.ladder import TERMINAL, LadderState
from koers.mediation.views.common import (
    can_close_by_vdab,
    object_action,
    service_action,
    service_or_404,
)
from koers.trajectories.models import ContactOutcome


def _detail_context(request, service: m.MediationService, about=None, **forms_in_error) -> dict:
    """The service page; `forms_in_error` are posted forms shown again as typed, with their errors
    (`about`: the sheet whose signatures were posted)."""
    now = timezone.now()
    today = timezone.localdate(now)
    appointments = list(
        service.first_appointments.select_related("contact", "letter_document").order_by("number")
    )
    for a in appointments:
        a.registered_letter_missing = (
            a.kind == m.AppointmentKind.REGISTERED and not services.registered_letter_sent(a)
        )
    pending = next((a for a in appointments if not a.outcome), None)
    ladder_state = LadderState(service.ladder_state)
    sheets = list(service.sheets.select_related("document").order_by("-number"))
    rejected_sign = forms_in_error.pop("sign_form", None)
    for sheet in sheets:
        sheet.rows = [
            (a["title"], date.fromisoformat(a["deadline"])) for a in sheet.content["assignments"]
        ]
        # Each unsigned sheet has its own signature form (and element ids); the posted one stays.
        sheet.sign_form = (
            rejected_sign
            if rejected_sign is not None and about is not None and about.pk == sheet.pk
            else forms.SignForm(initial={"partner_on": today, "participant_on": today})
        )
        sheet.sign_form.auto_id = f"id_sign{sheet.pk}_%s"
    trajectory = service.trajectory
    contacts = list(
        trajectory.contacts.filter(first_appointment__isnull=True)
        .select_related("staff", "mediation_check")
        .order_by("-starts_at")
    )
    appointment_initial = {
        "date": today,
        "start_time": time(9, 0),
        "duration_minutes": 60,
        "place": appointments[-1].contact.place if appointments else "",
        "covering_text": services.covering_text_default(trajectory.organisation),
    }
    due = services.closing_facts(service, today) if service.mediation_started_on else None
    setting = services.service_setting(service)
    options = advice_options(service.closing_reason) if service.state == "to_close" else ()
    return {
        "service": service,
        "client": service.client,
        "trajectory": trajectory,
        "red_bar": services.red_bar(service, now),
        "appointments": appointments,
        "pending": pending,
        "can_plan_first": ladder_state not in TERMINAL
        and pending is None
        and service.is_open
        and service.state != m.ServiceState.INCOMPLETE,
        "setting": setting,
        "auto_close_hold": services.auto_close_hold(service)
        if service.state == m.ServiceState.TO_CLOSE
        else None,
        "signatures_missing": services.first_sheet_signatures(service),
        "next_step": services.replan_deadline(service, today),
        "sheets": sheets,
        "countdown": services.first_sheet_status(service, today)
        if service.present_on and not any(s.number == 1 for s in sheets)
        else None,
        "start_refusals": services.start_refusals(service, now)
        if service.present_on and not service.mediation_started_on
        else [],
        "upcoming": services.next_contacts(service, now),
        "contacts": contacts,
        "month_ends": list(service.month_ends.order_by("-month_end")),
        "closing_due": due,
        "trainings": list(service.trainings.all()),
        "checklist": services.file_checklist(service),
        "followups": list(service.followup_contacts.all()),
        "advice_options": [(o.value, m.Advice(o.value).label, CITIZEN_TEXTS[o]) for o in options],
        "documents": list(trajectory.documents.order_by("-created_at")[:20]),
        "appointment_form": forms_in_error.get("appointment_form")
        or forms.AppointmentForm(initial=appointment_initial),
        "reschedule_form": forms_in_error.get("reschedule_form")
        or forms.RescheduleForm(initial=appointment_initial),
        "outcome_form": forms_in_error.get("outcome_form") or forms.OutcomeForm(),
        "invitation_form": forms_in_error.get("invitation_form") or forms.InvitationForm(),
        "sheet_form": forms_in_error.get("sheet_form")
        or forms.SheetForm(work_points=service.work_points, initial={"made_on": today}),
        "contact_form": forms_in_error.get("contact_form")
        or forms.MediationContactForm(
            initial={
                "date": today,
                "start_time": appointment_initial["start_time"],
                "duration_minutes": 60,
                "outcome": ContactOutcome.PLANNED,
            }
        ),
        "month_end_form": forms_in_error.get("month_end_form") or forms.MonthEndForm(),
        "training_form": forms_in_error.get("training_form") or forms.TrainingForm(),
        "checklist_form": forms_in_error.get("checklist_form")
        or forms.ChecklistForm(
            initial={
                **service.file_checklist,
                "extra": "\n".join(
                    f"{'+ ' if ok else ''}{k}" for k, ok in service.file_checklist_extra.items()
                ),
            }
        ),
        "advice_form": forms_in_error.get("advice_form") or forms.AdviceForm(options=options),
        "followup_form": forms_in_error.get("followup_form")
        or forms.FollowUpForm(initial={"on": today}),
        "ibo_form": forms_in_error.get("ibo_form") or forms.IboForm(),
        "can_close_by_vdab": can_close_by_vdab(request.user),
        "today": today,
        "section": "mediation_dashboard",
    }


@login_required
def detail(request, pk: int):
    service = service_or_404(request, pk)
    context = distinct_ids(_detail_context(request, service))
    return render(request, "mediation/service_detail.html", context)


def page_with_rejected_form(
    request, service: m.MediationService, rejected: FormRejected, about=None
):
    """The service page again, with the rejected form as typed and its errors next to the fields."""
    context = distinct_ids(_detail_context(request, service, about=about, **rejected.forms()))
    return render(request, "mediation/service_detail.html", context, status=REJECTED_STATUS)


def _appointment_data(form) -> services.AppointmentData:
    return services.AppointmentData(
        starts_at=form.starts_at(),
        duration_minutes=form.cleaned_data["duration_minutes"],
        place=form.cleaned_data["place"],
        send_by=form.cleaned_data.get("send_by") or m.SendBy.LETTER,
        covering_text=form.cleaned_data.get("covering_text", ""),
        comment=form.cleaned_data.get("comment", ""),
    )


@service_action
def appointment_new(request, service):
    form = forms.AppointmentForm(request.POST)
    with submitted(form, "appointment_form"):
        appointment = services.first_appointment_plan(
            service=service,
            data=_appointment_data(form),
            acting_user=request.user,
            now=timezone.now(),
        )
    messages.success(
        request,
        _("%(kind)s %(n)d is gepland.")
        % {"kind": appointment.get_kind_display(), "n": appointment.number},
    )
    if appointment.replan_warning:
        messages.warning(request, appointment.replan_warning)


@object_action(selectors.appointment_get)
def appointment_outcome(request, appointment):
    form = forms.OutcomeForm(request.POST)
    with submitted(form, "outcome_form"):
        step = services.first_appointment_record(
            appointment=appointment,
            present=form.cleaned_data["present"],
            reason=form.cleaned_data["absence_reason"],
            comment=form.cleaned_data["comment"],
            acting_user=request.user,
            now=timezone.now(),
        )
    for reason in step.reasons:
        (messages.warning if step.stops else messages.success)(
            request, f"{reason.message} ({reason.rule})"
        )
    if step.stops:
        # The partner lost access at once (MED-03): back to the dashboard.
        return redirect("mediation_dashboard")
    return None


@object_action(selectors.appointment_get)
def appointment_reschedule(request, appointment):
    form = forms.RescheduleForm(request.POST)
    with submitted(form, "reschedule_form"):
        services.first_appointment_reschedule(
            appointment=appointment,
            data=_appointment_data(form),
            mediator_unavailable=form.cleaned_data["mediator_unavailable"],
            acting_user=request.user,
            now=timezone.now(),
        )
    messages.success(request, _("Het contact is opnieuw ingepland."))


@object_action(selectors.appointment_get)
def appointment_invite(request, appointment):
    form = forms.InvitationForm(request.POST, request.FILES)
    with submitted(form, "invitation_form"):
        document = pdfs.invitation_send(
            appointment=appointment,
            attachments=request.FILES.getlist("attachments"),
            acting_user=request.user,
        )
    messages.success(request, _("De uitnodiging is klaar: %(title)s.") % {"title": document.title})


@service_action
def sheet_new(request, service):
    form = forms.SheetForm(request.POST, work_points=service.work_points)
    with submitted(form, "sheet_form"):
        sheet = services.sheet_create(
            service=service,
            made_on=form.cleaned_data["made_on"],
            work_points=form.cleaned_data["work_points"],
            assignments=form.assignments(),
            services_remark=form.cleaned_data["services_remark"],
            acting_user=request.user,
            now=timezone.now(),
        )
    messages.success(request, _("%(sheet)s is opgemaakt.") % {"sheet": sheet})


@object_action(selectors.sheet_get)
def sheet_sign(request, sheet):
    form = forms.SignForm(request.POST)
    with submitted(form, "sign_form"):
        services.sheet_sign(
            sheet=sheet,
            partner_on=form.cleaned_data["partner_on"],
            participant_on=form.cleaned_data["participant_on"],
            acting_user=request.user,
        )
    messages.success(request, _("De handtekeningen zijn geregistreerd."))


@object_action(selectors.sheet_get)
def sheet_pdf(request, sheet):
    mail = request.POST.get("mail") == "1"
    pdfs.sheet_pdf(sheet=sheet, acting_user=request.user, mail=mail)
    messages.success(
        request,
        _("Het afsprakenblad is gemaild.")
        if mail
        else _("Het afsprakenblad staat klaar om te printen."),
    )


@service_action
def start(request, service):
    services.mediation_start(service=service, acting_user=request.user, now=timezone.now())
    messages.success(request, _("Het bemiddelingsproces is gestart. (MED-06)"))


@service_action
def contact_new(request, service):
    form = forms.MediationContactForm(request.POST)
    with submitted(form, "contact_form"):
        services.mediation_contact_log(
            service=service,
            data=form.contact_data(),
            residence_status_checked=form.cleaned_data["residence_status_checked"],
            work_permit_checked=form.cleaned_data["work_permit_checked"],
            note=form.cleaned_data["check_note"],
            acting_user=request.user,
        )
    messages.success(request, _("Het contact is geregistreerd."))
