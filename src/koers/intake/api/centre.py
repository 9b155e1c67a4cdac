"""/coach-unavailability (INT-05) and /lead-marketing (INT-07): the centre's side of intake."""

from datetime import datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from koers.api.errors import ERRORS, FieldNotFound, renamed_fields
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page, staff_member
from koers.api.schemas import Id
from koers.core.models import Organisation, Role
from koers.intake import selectors, services
from koers.intake.models import CoachUnavailability
from koers.intake.schemas import (
    MarketingOut,
    UnavailabilityIn,
    UnavailabilityOut,
    UnavailabilityPage,
)

OPERATION_ID_PREFIX = "koers_api_intake"  # the ids these operations had in `koers.api.intake`

router = Router(tags=["aanvragen"])


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
def marketing(
    request: HttpRequest,
    since: datetime | None = None,
    until: datetime | None = None,
    months: int = Query(selectors.DEFAULT_MONTHS, ge=1, le=selectors.MAX_MONTHS),
):
    """Centre staff: leads per channel and month, time to first contact, share contacted within
    24 hours, conversion to a first session and to a voucher. Of the leads that arrived since
    `since`, or else in the last `months` months (12 unless asked, as on the page)."""
    user = auth_user(request)
    if user.is_administrator:
        orgs = list(Organisation.objects.all())
    else:
        orgs = list(Organisation.objects.filter(pk__in=user.organisation_ids(Role.CENTRE_STAFF)))
    if not orgs:
        raise FieldNotFound("organisation")
    since = since or selectors.months_back(months, timezone.now())
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
