"""The service page: first appointments (MED-02..04), agreement sheets (MED-05, MED-07), the start
(MED-06) and contacts with the residence-status and work-permit check (MED-09)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.form_pages import REJECTED_STATUS, FormRejected, distinct_ids, submitted
from koers.mediation import forms, pdfs, selectors, services
from koers.mediation import models as m
from koers.mediation.views.common import object_action, service_action, service_or_404
from koers.mediation.views.page_forms import page_context


def _render(request, service: m.MediationService, posted=None, about=None, status=200):
    page = selectors.service_page(request.user, now=timezone.now(), service=service)
    context = distinct_ids(page_context(page, posted, about=about))
    return render(request, "mediation/service_detail.html", context, status=status)


@login_required
def detail(request, pk: int):
    return _render(request, service_or_404(request, pk))


def page_with_rejected_form(
    request, service: m.MediationService, rejected: FormRejected, about=None
):
    """The service page again, with the rejected form as typed and its errors next to the fields."""
    return _render(request, service, rejected.forms(), about=about, status=REJECTED_STATUS)


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
        (messages.warning if step.stops else messages.success)(request, str(reason))
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
