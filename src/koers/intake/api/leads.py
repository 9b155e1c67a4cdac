"""/leads: lead intake (INT).

Every lead is looked up through `Lead.objects.visible_to(user)` (404 otherwise); every write goes
through `koers.intake.services`, whose refusals name the rule (e.g. "(INT-05)").
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router

from koers.api.errors import ERRORS, renamed_fields
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page, staff_member
from koers.api.schemas import Id
from koers.core.models import User
from koers.intake import selectors, services
from koers.intake.models import Lead, LeadState
from koers.intake.schemas import (
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
)

OPERATION_ID_PREFIX = "koers_api_intake"  # the ids these operations had in `koers.api.intake`

router = Router(tags=["aanvragen"])


LEAD_FIELDS = (
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
    "contacted_at",
    "late_flagged_at",
    "client_id",
    "trajectory_id",
    "submissions",
)


def lead_out(lead: Lead, now: datetime) -> dict:
    clock = selectors.lead_clock(lead, now)
    return {
        **{f: getattr(lead, f) for f in LEAD_FIELDS},
        "routing_reasons": selectors.routing_reasons(lead),
        "windows": [{"starts_at": w.starts_at, "ends_at": w.ends_at} for w in lead.windows.all()],
        "clock": {
            "status": clock.status,
            "deadline": clock.lateness.deadline,
            "arrival_deadline": clock.arrival_deadline,
            "call_at": lead.call_at,
            "acknowledgement_due": clock.plan.acknowledgement_due,
            "acknowledgement_needed": clock.needs_acknowledgement,
            "reasons": clock.reasons,
        },
    }


def load_lead(user: User, pk: int) -> Lead:
    return selectors.lead_get(user=user, pk=pk)


def lead_detail(user: User, pk: int) -> dict:
    return lead_out(load_lead(user, pk), timezone.now())


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
    return lead_detail(auth_user(request), lead_id)


def _lead_data(payload: LeadIn) -> services.LeadData:
    return services.LeadData(
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


def _created_out(user: User, lead: Lead) -> dict:
    try:
        return lead_detail(user, lead.pk)
    except Lead.DoesNotExist:
        # Routed to a colleague: the caller (e.g. an import by a coach) cannot see it. Say so.
        detail = lead_out(selectors.lead_unseen(lead.pk), timezone.now())
        return {**detail, "email": "", "phone": "", "career_question": "", "windows": []}


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
    with renamed_fields(preferred_location="preferred_location_id"):
        lead, created = services.lead_submit(
            organisation=organisation,
            data=_lead_data(payload),
            now=arrived,
            acting_user=user,
            self_brought=payload.self_brought,
        )
    return (201 if created else 200), _created_out(user, lead)


@router.post(
    "/leads/{lead_id}/route", response={200: LeadOut, **ERRORS}, summary="Aanvraag toewijzen"
)
def route_lead(request: HttpRequest, lead_id: Id, payload: AssignIn):
    """Centre staff: route automatically (no coach_id) or override with a coach of the centre;
    an absent coach (INT-05) only with allow_unavailable."""
    user = auth_user(request)
    lead = load_lead(user, lead_id)
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
    return lead_detail(user, lead_id)


@router.post(
    "/leads/{lead_id}/acknowledgements",
    response={201: AcknowledgementOut, **ERRORS},
    summary="Bevestiging sturen (INT-03)",
)
def acknowledge_lead(request: HttpRequest, lead_id: Id, payload: AcknowledgementIn):
    user = auth_user(request)
    ack = services.lead_acknowledge(
        lead=load_lead(user, lead_id),
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
    lead = load_lead(user, lead_id)
    to_coach = None
    if payload.to_coach_id is not None:
        to_coach = staff_member(lead.organisation, payload.to_coach_id, field="to_coach_id")
    intro = None
    if payload.introduction is not None:
        intro = services.IntroductionData(**payload.introduction.model_dump())
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
        lead=load_lead(user, lead_id), answers=payload.answers, now=timezone.now(), acting_user=user
    )
    return 201, feedback
