"""/billing/aftercare (BIL-02): a coach's aftercare, marked entered at VDAB or taken back — the
same access as the hours page (only the coach who recorded it). Never billable."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.billing.schemas.aftercare import BillingAftercareListOut, BillingAftercareOut
from koers.billing.schemas.hours import BillingHourEnteredIn
from koers.billing.selectors.aftercare import aftercare_out, coach_aftercare
from koers.billing.services import aftercare as services

router = Router(tags=["billing"])


@router.get(
    "/billing/aftercare",
    response={200: BillingAftercareListOut, **ERRORS},
    summary="Nazorg bij VDAB",
)
def list_billing_aftercare(request: HttpRequest):
    """BIL-02: your aftercare of the last year, entered at VDAB or not; never billable."""
    rows = coach_aftercare(user=auth_user(request), today=timezone.localdate())
    items = [aftercare_out(r) for r in rows]
    return {"count": len(items), "items": items}


@router.post(
    "/billing/aftercare/{aftercare_id}/entered",
    response={200: BillingAftercareOut, **ERRORS},
    summary="Nazorg ingegeven bij VDAB",
)
def mark_billing_aftercare(request: HttpRequest, aftercare_id: Id, payload: BillingHourEnteredIn):
    """BIL-02: mark your aftercare "ingegeven bij VDAB" (not in the future, not before it)."""
    user, today = auth_user(request), timezone.localdate()
    services.aftercare_mark_entered(
        aftercare_id=aftercare_id, entered_on=payload.entered_on, acting_user=user, today=today
    )
    rows = coach_aftercare(user=user, today=today)
    return aftercare_out(next(r for r in rows if r.hour.aftercare_id == aftercare_id))


@router.delete(
    "/billing/aftercare/{aftercare_id}/entered",
    response={204: None, **ERRORS},
    summary="Ingave van nazorg terugnemen",
)
def unmark_billing_aftercare(request: HttpRequest, aftercare_id: Id):
    """BIL-02: take an aftercare entry back."""
    services.aftercare_unmark(aftercare_id=aftercare_id, acting_user=auth_user(request))
    return 204, None
