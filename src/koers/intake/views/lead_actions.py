"""What a coach or centre staff do on a lead's page: acknowledge (INT-03), record the call
(INT-02, INT-06), give feedback (INT-07), assign or route (INT-01, INT-05), make a client
(INT-08). A rejected form comes back on the lead's page as typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koers.core.form_pages import submitted
from koers.core.forms import apply_errors
from koers.core.models import User
from koers.intake import forms, selectors, services
from koers.intake.models import CallKind, Lead
from koers.intake.views.common import accepted
from koers.intake.views.leads import lead_action, load_lead, render_errors


@login_required
@require_POST
def lead_acknowledge(request, pk: int):
    lead = load_lead(request, pk)
    form = forms.AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            services.lead_acknowledge(
                lead=lead, now=timezone.now(), acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            if not hasattr(exc, "error_dict") or set(exc.error_dict) == {"__all__"}:
                # INT-03: not called for; the form is not shown then, so say it at the top.
                for message in exc.messages:
                    messages.error(request, message)
            apply_errors(form, exc)
        else:
            messages.success(request, _("De bevestiging is verstuurd (INT-03)."))
            return redirect("intake_lead_detail", pk=lead.pk)
    return render_errors(request, lead, ack_form=form)


def _introduction(data: dict) -> services.IntroductionData | None:
    """INT-08: the introduction planned with a match."""
    if data["kind"] != CallKind.MATCH or not data["starts_at"]:
        return None
    return services.IntroductionData(
        starts_at=data["starts_at"],
        duration_minutes=data["duration_minutes"],
        form=data["form"] or "individual",
        place=data["place"],
    )


def _record_call(request, lead: Lead, form, coaches: list[User]) -> None:
    data = form.cleaned_data
    services.lead_record_call(
        lead=lead,
        kind=data["kind"],
        called_at=data["called_at"],
        note=data["note"],
        introduction=_introduction(data),
        to_coach=next((c for c in coaches if str(c.pk) == data["to_coach"]), None),
        now=timezone.now(),
        acting_user=request.user,
    )


@login_required
@require_POST
def lead_call(request, pk: int):
    lead = load_lead(request, pk)
    coaches = list(selectors.centre_coaches(lead.organisation))
    form = forms.CallForm(request.POST, coaches=coaches)
    if form.is_valid() and accepted(form, lambda: _record_call(request, lead, form, coaches)):
        messages.success(request, _("Het gesprek is geregistreerd."))
        return redirect("intake_lead_detail", pk=lead.pk)
    return render_errors(request, lead, call_form=form)


@login_required
@require_POST
def lead_feedback(request, pk: int):
    lead = load_lead(request, pk)
    form = forms.feedback_form_class(services.feedback_fields(lead.organisation))(request.POST)

    def submit() -> None:
        services.feedback_submit(
            lead=lead, answers=form.cleaned_data, now=timezone.now(), acting_user=request.user
        )

    if form.is_valid() and accepted(form, submit):
        messages.success(request, _("Bedankt voor de feedback (INT-07)."))
        return redirect("intake_lead_detail", pk=lead.pk)
    return render_errors(request, lead, feedback_form=form)


@lead_action
def lead_assign(request, lead: Lead):
    coaches = list(selectors.centre_coaches(lead.organisation))
    form = forms.AssignForm(request.POST, coaches=coaches)
    with submitted(form, "assign_form"):
        coach = User.objects.get(pk=form.cleaned_data["coach"])
        services.lead_assign(
            lead=lead,
            coach=coach,
            now=timezone.now(),
            acting_user=request.user,
            allow_unavailable=form.cleaned_data["allow_unavailable"],
        )
    messages.success(request, _("De aanvraag is toegewezen aan %(coach)s.") % {"coach": coach})


@lead_action
def lead_route(request, lead: Lead):
    lead = services.lead_route(lead=lead, now=timezone.now(), acting_user=request.user)
    if lead.coach_id:
        messages.success(request, _("De aanvraag is automatisch toegewezen."))
    else:
        messages.warning(request, _("Geen enkele coach is beschikbaar (INT-05)."))


@lead_action
def lead_convert(request, lead: Lead):
    form = forms.ConvertForm(request.POST)
    with submitted(form, "convert_form"):
        lead = services.lead_convert(
            lead=lead,
            acting_user=request.user,
            open_voucher=form.cleaned_data["open_voucher"],
            now=timezone.now(),
        )
    messages.success(request, _("%(name)s is nu cliënt.") % {"name": lead.full_name})
