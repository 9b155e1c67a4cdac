"""/leads, /coach-unavailability, /lead-marketing: lead intake (INT).

Every lead is looked up through `Lead.objects.visible_to(user)` (404 otherwise); every write goes
through `koers.intake.services`, whose refusals name the rule (e.g. "(INT-05)").
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound, renamed_fields
from koers.api.intake_schemas import (
    AcknowledgementIn,
    AcknowledgementOut,
    AssignIn,
    CallIn,
    CallOut,
    FeedbackIn,
    FeedbackOut,
    LeadIn,
    LeadOut,
    LeadPage,
    MarketingOut,
    UnavailabilityIn,
    UnavailabilityOut,
    UnavailabilityPage,
)
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page, staff_member
from koers.api.schemas import Id
from koers.core.models import Organisation, Role, User
from koers.intake import selectors, services
from koers.intake.models import CoachUnavailability, Lead, LeadState
from koers.lib.rules import shown

router = Router(tags=["aanvragen"])


def lead_out(lead: Lead, now: datetime) -> dict:
    clock = selectors.lead_clock(lead, now)
    return {
        **{
            f: shown(lead.routing_reasons) if f == "routing_reasons" else getattr(lead, f)
            for f in (
                "id",
                "organisation_id",
                "first_name",
                "last_name",
                "email",
                "phone",
                "postal_code",
                "preferred_location_id",
                "career_question",
                "channel",
                "channel_other",
                "consent",
                "arrived_at",
                "clock_started_at",
                "state",
                "coach_id",
                "self_brought",
                "routing_reasons",
                "contacted_at",
                "late_flagged_at",
                "client_id",
                "trajectory_id",
                "submissions",
            )
        },
        "windows": [{"starts_at": w.starts_at, "ends_at": w.ends_at} for w in lead.windows.all()],
        "clock": {
            "status": clock.status,
            "deadline": clock.lateness.deadline,
            "arrival_deadline": clock.arrival_deadline,
            "call_at": lead.call_at,
            "acknowledgement_due": clock.plan.acknowledgement_due,
            "acknowledgement_needed": clock.needs_acknowledgement,
            "reasons": [
                {"rule": clock.lateness.reason.rule, "message": clock.lateness.reason.message},
                {"rule": clock.plan.reason.rule, "message": clock.plan.reason.message},
            ],
        },
    }


def _lead(user: User, pk: int) -> Lead:
    return selectors.lead_get(user=user, pk=pk)


def _detail(user: User, pk: int) -> dict:
    return lead_out(_lead(user, pk), timezone.now())


@router.get("/leads", response={200: LeadPage, **ERRORS}, summary="Aanvragen")
def list_leads(
    request: HttpRequest,
    params: PageQuery,
    state: LeadState | None = None,
    mine: bool = False,
    late: bool = False,
):
    """Leads you may see (a coach: assigned and handed over; centre staff: the centre's), newest
    first, each with its 24-hour clock (INT-02, INT-03)."""
    user = auth_user(request)
    leads = selectors.leads_for_user(user=user, state=state or "", mine=mine)
    if late:
        leads = leads.filter(late_flagged_at__isnull=False)
    result = page(leads, params)
    now = timezone.now()
    result["items"] = [lead_out(lead, now) for lead in result["items"]]
    return result


@router.get("/leads/{lead_id}", response={200: LeadOut, **ERRORS}, summary="Eén aanvraag")
def get_lead(request: HttpRequest, lead_id: Id):
    return _detail(auth_user(request), lead_id)


@router.post("/leads", response={201: LeadOut, 200: LeadOut, **ERRORS}, summary="Aanvraag invoeren")
def create_lead(request: HttpRequest, payload: LeadIn):
    """A lead from another form or an import (INT-01): validated like the public form, routed,
    confirmed by e-mail. A repeat within minutes answers 200 with the existing lead."""
    user = auth_user(request)
    organisation = acting_organisation(user, payload.organisation_id)
    arrived = payload.arrived_at or timezone.now()
    if arrived > timezone.now():
        raise ValidationError(
            {"arrived_at": [_("Een aanvraag kan niet in de toekomst binnenkomen.")]}
        )
    data = services.LeadData(
        first_name=payload.first_name,
        last_name=payload.last_name,
        email=payload.email,
        phone=payload.phone,
        career_question=payload.career_question,
        channel=payload.channel,
        channel_other=payload.channel_other,
        consent=payload.consent,
        windows=[(w.starts_at, w.ends_at) for w in payload.windows],
        postal_code=payload.postal_code,
        preferred_location_id=payload.preferred_location_id,
    )
    with renamed_fields(preferred_location="preferred_location_id"):
        lead, created = services.lead_submit(
            organisation=organisation,
            data=data,
            now=arrived,
            acting_user=user,
            self_brought=payload.self_brought,
        )
    try:
        detail = _detail(user, lead.pk)
    except Lead.DoesNotExist:
        # Routed to a colleague: the caller (e.g. an import by a coach) cannot see it. Say so.
        detail = lead_out(
            selectors.Lead.objects.select_related("coach").get(pk=lead.pk), timezone.now()
        )
        detail = {**detail, "email": "", "phone": "", "career_question": "", "windows": []}
    return (201 if created else 200), detail


@router.post(
    "/leads/{lead_id}/route", response={200: LeadOut, **ERRORS}, summary="Aanvraag toewijzen"
)
def route_lead(request: HttpRequest, lead_id: Id, payload: AssignIn):
    """Centre staff: route automatically (no coach_id) or override with a coach of the centre;
    an absent coach (INT-05) only with allow_unavailable."""
    user = auth_user(request)
    lead = _lead(user, lead_id)
    now = timezone.now()
    if payload.coach_id is None:
        services.lead_route(lead=lead, now=now, acting_user=user)
    else:
        coach = staff_member(lead.organisation, payload.coach_id, field="coach_id")
        with renamed_fields(coach="coach_id"):
            services.lead_assign(
                lead=lead,
                coach=coach,
                now=now,
                acting_user=user,
                allow_unavailable=payload.allow_unavailable,
            )
    return _detail(user, lead_id)


@router.post(
    "/leads/{lead_id}/acknowledgements",
    response={201: AcknowledgementOut, **ERRORS},
    summary="Bevestiging sturen (INT-03)",
)
def acknowledge_lead(request: HttpRequest, lead_id: Id, payload: AcknowledgementIn):
    user = auth_user(request)
    ack = services.lead_acknowledge(
        lead=_lead(user, lead_id),
        channel=payload.channel,
        text=payload.text,
        call_at=payload.call_at,
        now=timezone.now(),
        acting_user=user,
    )
    return 201, ack


@router.post(
    "/leads/{lead_id}/calls",
    response={201: CallOut, **ERRORS},
    summary="Gesprek registreren (INT-06)",
)
def record_call(request: HttpRequest, lead_id: Id, payload: CallIn):
    """match (with the introduction: INT-08, never voucher hours), no_match, or handover (with
    to_coach_id and a note)."""
    user = auth_user(request)
    lead = _lead(user, lead_id)
    to_coach = None
    if payload.to_coach_id is not None:
        to_coach = staff_member(lead.organisation, payload.to_coach_id, field="to_coach_id")
    intro = None
    if payload.introduction is not None:
        intro = services.IntroductionData(**payload.introduction.dict())
    with renamed_fields(to_coach="to_coach_id", starts_at="introduction"):
        outcome = services.lead_record_call(
            lead=lead,
            kind=payload.kind,
            called_at=payload.called_at,
            note=payload.note,
            introduction=intro,
            to_coach=to_coach,
            now=timezone.now(),
            acting_user=user,
        )
    return 201, outcome


@router.post(
    "/leads/{lead_id}/feedback", response={201: FeedbackOut, **ERRORS}, summary="Feedback (INT-07)"
)
def lead_feedback(request: HttpRequest, lead_id: Id, payload: FeedbackIn):
    user = auth_user(request)
    feedback = services.feedback_submit(
        lead=_lead(user, lead_id), answers=payload.answers, now=timezone.now(), acting_user=user
    )
    return 201, feedback


# ---- unavailability (INT-05) --------------------------------------------------------------------


@router.get(
    "/coach-unavailability", response={200: UnavailabilityPage, **ERRORS}, summary="Afwezigheden"
)
def list_unavailability(request: HttpRequest, params: PageQuery):
    """Your own periods; centre staff: those of the centre's coaches."""
    return page(
        selectors.unavailability_for(user=auth_user(request)).order_by("-starts_at"), params
    )


@router.post(
    "/coach-unavailability",
    response={201: UnavailabilityOut, **ERRORS},
    summary="Afwezigheid doorgeven (INT-05)",
)
def create_unavailability(request: HttpRequest, payload: UnavailabilityIn):
    user = auth_user(request)
    organisation = acting_organisation(user, payload.organisation_id)
    coach = (
        user
        if payload.coach_id is None
        else staff_member(organisation, payload.coach_id, field="coach_id")
    )
    with renamed_fields(coach="coach_id"):
        item = services.unavailability_add(
            coach=coach,
            organisation=organisation,
            starts_at=payload.starts_at,
            ends_at=payload.ends_at,
            reason=payload.reason,
            acting_user=user,
        )
    return 201, item


@router.delete(
    "/coach-unavailability/{item_id}",
    response={204: None, **ERRORS},
    summary="Afwezigheid schrappen",
)
def delete_unavailability(request: HttpRequest, item_id: Id):
    user = auth_user(request)
    try:
        item = selectors.unavailability_for(user=user).get(pk=item_id)
    except CoachUnavailability.DoesNotExist:
        raise FieldNotFound("item_id") from None
    services.unavailability_delete(item=item, acting_user=user)
    return 204, None


# ---- marketing (INT-07) -------------------------------------------------------------------------


@router.get("/lead-marketing", response={200: MarketingOut, **ERRORS}, summary="Marketingcijfers")
def marketing(request: HttpRequest, since: datetime | None = None, until: datetime | None = None):
    """Centre staff: leads per channel and month, time to first contact, share contacted within
    24 hours, conversion to a first session and to a voucher."""
    user = auth_user(request)
    if user.is_administrator:
        orgs = list(Organisation.objects.all())
    else:
        orgs = list(Organisation.objects.filter(pk__in=user.organisation_ids(Role.CENTRE_STAFF)))
    if not orgs:
        raise FieldNotFound("organisation")
    f = selectors.marketing_figures(organisations=orgs, since=since, until=until)
    return {
        "total": f.total,
        "per_channel": [
            {"channel": k, "label": label, "count": n} for k, label, n in f.per_channel
        ],
        "per_month": [{"month": m, "count": n} for m, n in f.per_month],
        "median_hours_to_contact": f.median_hours_to_contact,
        "contacted_within_24h_percent": f.contacted_within_24h,
        "to_first_session_percent": f.to_first_session,
        "to_voucher_percent": f.to_voucher,
    }
