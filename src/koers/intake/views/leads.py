"""Staff pages for leads: the coach's list with the 24-hour clock, a lead with its acknowledgement,
call and feedback forms; centre staff see why a coach was chosen and can override it.

Every lead is looked up through `Lead.objects.visible_to(user)`: otherwise a 404.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.core.form_pages import REJECTED_STATUS, FormRejected, object_post
from koers.intake import forms, selectors, services
from koers.intake.models import CallKind, Lead, LeadState


def load_lead(request, pk: int) -> Lead:
    try:
        return selectors.lead_get(user=request.user, pk=pk)
    except Lead.DoesNotExist:
        raise Http404 from None


def _lead_page(request, lead: Lead, rejected: FormRejected):
    return render_errors(request, lead, **rejected.forms())


# A POST on a lead: loaded through the access rules; a rejected form is shown again on the lead's
# page as typed (core/form_pages.py), a refused button action as a message.
lead_action = object_post(
    load=load_lead,
    page=_lead_page,
    back=lambda lead: redirect("intake_lead_detail", pk=lead.pk),
)


@login_required
@require_GET
def lead_list(request):
    user = request.user
    state = request.GET.get("status", "open")
    sees_all = selectors.sees_all_leads(user)
    mine = request.GET.get("mijn") == "1" or not sees_all
    leads = selectors.leads_for_user(user=user, state=state, mine=mine and sees_all)
    if request.GET.get("laat") == "1":
        leads = leads.filter(late_flagged_at__isnull=False)
    page = Paginator(leads, 25).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [
        {
            "lead": lead,
            "clock": selectors.lead_clock(lead, now),
            "feedback_missing": selectors.feedback_missing(lead),
            "handed_away": lead.coach_id != user.pk and not sees_all,
        }
        for lead in page
    ]
    states = [("open", _("Open")), *LeadState.choices, ("all", _("Alle"))]
    context = {"rows": rows, "page_obj": page, "state": state, "states": states}
    return render(request, "intake/lead_list.html", {**context, "sees_all": sees_all, "mine": mine})


def _forms(page: selectors.LeadPage, fields, given: dict) -> dict:
    """The lead page's forms: the rejected one as typed (`given`), the others fresh."""
    ack = {"channel": "sms", "call_at": page.call_at, "text": page.acknowledgement_text}
    call = {
        "kind": CallKind.MATCH,
        "called_at": page.called_at,
        "duration_minutes": page.introduction_minutes,
    }
    lead = page.lead
    return {
        "ack_form": given.get("ack_form") or forms.AcknowledgeForm(initial=ack),
        "call_form": given.get("call_form")
        or forms.CallForm(initial=call, coaches=page.other_coaches),
        "assign_form": given.get("assign_form")
        or forms.AssignForm(coaches=page.coaches, initial={"coach": lead.coach_id}),
        "convert_form": given.get("convert_form") or forms.ConvertForm(),
        "feedback_form": given.get("feedback_form") or forms.feedback_form_class(fields)(),
    }


def detail_context(request, lead: Lead, **forms_in_error) -> dict:
    page = selectors.lead_page(request.user, lead, timezone.now())
    fields = services.feedback_fields(lead.organisation)  # the defaults, the first time (INT-07)
    return {
        "lead": lead,
        "clock": page.clock,
        "is_coach": page.is_coach,
        "can_act": page.can_act,
        "is_staff": page.is_staff,
        "is_open": lead.is_open,
        **_forms(page, fields, forms_in_error),
        "feedback_labels": {f.key: f.label for f in fields},
        "feedback_required": page.feedback_required,
        "introduction": page.introduction,
        "routing": page.routing,
        "state_moves": page.state_moves,
    }


@login_required
@require_GET
def lead_detail(request, pk: int):
    lead = load_lead(request, pk)
    return render(request, "intake/lead_detail.html", detail_context(request, lead))


def render_errors(request, lead, **form):
    context = detail_context(request, lead, **form)
    return render(request, "intake/lead_detail.html", context, status=REJECTED_STATUS)
