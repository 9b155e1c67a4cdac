"""Staff pages for leads: the coach's list with the 24-hour clock, a lead with its acknowledgement,
call and feedback forms; centre staff see why a coach was chosen and can override it.

Every lead is looked up through `Lead.objects.visible_to(user)`: otherwise a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.core.form_pages import (
    REJECTED_STATUS,
    FormRejected,
    object_post,
    submitted,
)
from koers.core.models import Role, User
from koers.intake import calendar, forms, selectors, services
from koers.intake.models import CallKind, Lead, LeadState
from koers.trajectories.models import Contact


def _lead(request, pk: int) -> Lead:
    try:
        return selectors.lead_get(user=request.user, pk=pk)
    except Lead.DoesNotExist:
        raise Http404 from None


def _lead_page(request, lead: Lead, rejected: FormRejected):
    return _render_errors(request, lead, **rejected.forms())


# A POST on a lead: loaded through the access rules; a rejected form is shown again on the lead's
# page as typed (core/form_pages.py), a refused button action as a message.
lead_action = object_post(
    load=_lead,
    page=_lead_page,
    back=lambda lead: redirect("intake_lead_detail", pk=lead.pk),
)


def _is_staff_of(user: User, lead: Lead) -> bool:
    return user.is_administrator or lead.organisation_id in user.organisation_ids(Role.CENTRE_STAFF)


def _sees_all(user: User) -> bool:
    return user.is_administrator or bool(user.organisation_ids(Role.CENTRE_STAFF))


@login_required
@require_GET
def lead_list(request):
    user = request.user
    state = request.GET.get("status", "open")
    mine = request.GET.get("mijn") == "1" or not _sees_all(user)
    leads = selectors.leads_for_user(user=user, state=state, mine=mine and _sees_all(user))
    if request.GET.get("laat") == "1":
        leads = leads.filter(late_flagged_at__isnull=False)
    page = Paginator(leads, 25).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [
        {
            "lead": lead,
            "clock": selectors.lead_clock(lead, now),
            "feedback_missing": selectors.feedback_missing(lead),
            "handed_away": lead.coach_id != user.pk and not _sees_all(user),
        }
        for lead in page
    ]
    return render(
        request,
        "intake/lead_list.html",
        {
            "rows": rows,
            "page_obj": page,
            "state": state,
            "states": [("open", _("Open")), *LeadState.choices, ("all", _("Alle"))],
            "sees_all": _sees_all(user),
            "mine": mine,
        },
    )


def _detail_context(request, lead: Lead, **forms_in_error) -> dict:
    user = request.user
    now = timezone.now()
    clock = selectors.lead_clock(lead, now)
    coaches = list(services.centre_coaches(lead.organisation))
    is_coach = lead.coach_id == user.pk
    staff = _is_staff_of(user, lead)
    local_now = timezone.localtime(now)
    call_at = timezone.localtime(lead.call_at) if lead.call_at else local_now
    fields = services.feedback_fields(lead.organisation)
    feedback_class = forms.feedback_form_class(fields)
    return {
        "lead": lead,
        "clock": clock,
        "is_coach": is_coach,
        "can_act": is_coach or staff,
        "is_staff": staff,
        "is_open": lead.is_open,
        "ack_form": forms_in_error.get("ack_form")
        or forms.AcknowledgeForm(
            initial={
                "channel": "sms",
                "call_at": call_at.replace(tzinfo=None),
                "text": services.proposed_acknowledgement(lead),
            }
        ),
        "call_form": forms_in_error.get("call_form")
        or forms.CallForm(
            initial={
                "kind": CallKind.MATCH,
                "called_at": local_now.replace(second=0, microsecond=0, tzinfo=None),
                "duration_minutes": services.ruleset(now).introduction_minutes,
            },
            coaches=[c for c in coaches if c.pk != lead.coach_id],
        ),
        "assign_form": forms_in_error.get("assign_form")
        or forms.AssignForm(coaches=coaches, initial={"coach": lead.coach_id}),
        "convert_form": forms_in_error.get("convert_form") or forms.ConvertForm(),
        "feedback_form": forms_in_error.get("feedback_form") or feedback_class(),
        "feedback_labels": {f.key: f.label for f in fields},
        "feedback_required": services.feedback_required(lead),
        "introduction": getattr(lead, "introduction", None)
        if hasattr(lead, "introduction")
        else None,
        "routing": lead.routings.all()[0] if lead.routings.all() else None,
        "state_moves": selectors.lead_state_moves(lead),
    }


@login_required
@require_GET
def lead_detail(request, pk: int):
    lead = _lead(request, pk)
    return render(request, "intake/lead_detail.html", _detail_context(request, lead))


def _render_errors(request, lead, **form):
    context = _detail_context(request, lead, **form)
    return render(request, "intake/lead_detail.html", context, status=REJECTED_STATUS)


@login_required
@require_POST
def lead_acknowledge(request, pk: int):
    lead = _lead(request, pk)
    form = forms.AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            services.lead_acknowledge(
                lead=lead,
                channel=form.cleaned_data["channel"],
                text=form.cleaned_data["text"],
                call_at=form.cleaned_data["call_at"],
                now=timezone.now(),
                acting_user=request.user,
            )
        except ValidationError as exc:
            from koers.core.forms import apply_errors

            if not hasattr(exc, "error_dict") or set(exc.error_dict) == {"__all__"}:
                # INT-03: not called for; the form is not shown then, so say it at the top.
                for message in exc.messages:
                    messages.error(request, message)
            apply_errors(form, exc)
        else:
            messages.success(request, _("De bevestiging is verstuurd (INT-03)."))
            return redirect("intake_lead_detail", pk=lead.pk)
    return _render_errors(request, lead, ack_form=form)


@login_required
@require_POST
def lead_call(request, pk: int):
    lead = _lead(request, pk)
    coaches = list(services.centre_coaches(lead.organisation))
    form = forms.CallForm(request.POST, coaches=coaches)
    if form.is_valid():
        data = form.cleaned_data
        intro = None
        if data["kind"] == CallKind.MATCH and data["starts_at"]:
            intro = services.IntroductionData(
                starts_at=data["starts_at"],
                duration_minutes=data["duration_minutes"],
                form=data["form"] or "individual",
                place=data["place"],
            )
        to_coach = next((c for c in coaches if str(c.pk) == data["to_coach"]), None)
        try:
            services.lead_record_call(
                lead=lead,
                kind=data["kind"],
                called_at=data["called_at"],
                note=data["note"],
                introduction=intro,
                to_coach=to_coach,
                now=timezone.now(),
                acting_user=request.user,
            )
        except ValidationError as exc:
            from koers.core.forms import apply_errors

            apply_errors(form, exc)
        else:
            messages.success(request, _("Het gesprek is geregistreerd."))
            return redirect("intake_lead_detail", pk=lead.pk)
    return _render_errors(request, lead, call_form=form)


@login_required
@require_POST
def lead_feedback(request, pk: int):
    lead = _lead(request, pk)
    form = forms.feedback_form_class(services.feedback_fields(lead.organisation))(request.POST)
    if form.is_valid():
        try:
            services.feedback_submit(
                lead=lead, answers=form.cleaned_data, now=timezone.now(), acting_user=request.user
            )
        except ValidationError as exc:
            from koers.core.forms import apply_errors

            apply_errors(form, exc)
        else:
            messages.success(request, _("Bedankt voor de feedback (INT-07)."))
            return redirect("intake_lead_detail", pk=lead.pk)
    return _render_errors(request, lead, feedback_form=form)


@lead_action
def lead_assign(request, lead: Lead):
    form = forms.AssignForm(request.POST, coaches=list(services.centre_coaches(lead.organisation)))
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


@login_required
@require_GET
def lead_introduction_ics(request, pk: int):
    lead = _lead(request, pk)
    intro = getattr(lead, "introduction", None)
    if intro is None:
        raise Http404
    return _ics(calendar.single(calendar.introduction_event(intro)), f"kennismaking-{lead.pk}.ics")


@login_required
@require_GET
def contact_ics(request, pk: int):
    """One appointment as .ics, for any contact the user may see."""
    try:
        contact = (
            Contact.objects.visible_to(request.user).select_related("trajectory__client").get(pk=pk)
        )
    except Contact.DoesNotExist:
        raise Http404 from None
    return _ics(calendar.single(calendar.contact_event(contact)), f"afspraak-{contact.pk}.ics")


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
