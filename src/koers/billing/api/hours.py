"""/billing/hours (BIL-02), /billing/statements (BIL-03), /billing/rates (BIL-04): the same
access as the pages — a coach sees and marks only their own hours and sees only their own
statements; centre staff settle, correct and set rates for their centre."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.billing.schemas.hours import (
    BillingCorrectionIn,
    BillingCorrectionOut,
    BillingHourEnteredIn,
    BillingHourListOut,
    BillingHourOut,
    BillingMonthEnteredIn,
    BillingRateIn,
    BillingRateListOut,
    BillingRateOut,
    BillingSettleIn,
    BillingSettleOut,
    BillingStatementDetailOut,
    BillingStatementListOut,
)
from koers.billing.selectors import hours as selectors
from koers.billing.services import hours as services

router = Router(tags=["billing"])


@router.get("/billing/hours", response={200: BillingHourListOut, **ERRORS}, summary="Uren bij VDAB")
def list_billing_hours(request: HttpRequest, params: PageQuery):
    """BIL-02: your counted hours of the last year, the newest first, `limit` (at most 100) from
    `offset`: still to enter at VDAB or entered, the month each is paid in; `count` and the
    warning before VDAB's deadline are over all of them."""
    found = selectors.hours_slice(
        user=auth_user(request),
        today=timezone.localdate(),
        offset=params.offset,
        limit=params.limit,
    )
    warning = found["warning"].as_dict() if found["warning"] else None
    items = [selectors.hour_out(r) for r in found["rows"]]
    return {"count": found["count"], "warning": warning, "items": items}


@router.post(
    "/billing/hours/{contact_id}/entered",
    response={200: BillingHourOut, **ERRORS},
    summary="Uur ingegeven bij VDAB",
)
def mark_billing_hour(request: HttpRequest, contact_id: Id, payload: BillingHourEnteredIn):
    """BIL-02: mark one of your hours "ingegeven bij VDAB" (not in the future, not before the hour)."""
    user, today = auth_user(request), timezone.localdate()
    services.hour_mark_entered(
        contact_id=contact_id, entered_on=payload.entered_on, acting_user=user, today=today
    )
    return selectors.hour_out(selectors.hour_row(user=user, contact_id=contact_id, today=today))


@router.delete(
    "/billing/hours/{contact_id}/entered",
    response={204: None, **ERRORS},
    summary="Ingave bij VDAB terugnemen",
)
def unmark_billing_hour(request: HttpRequest, contact_id: Id):
    """BIL-02: take an entry back while no statement carries the hour."""
    services.hour_unmark(contact_id=contact_id, acting_user=auth_user(request))
    return 204, None


@router.post(
    "/billing/hours/entered",
    response={200: BillingHourListOut, **ERRORS},
    summary="Alle uren van een maand ingegeven",
)
def mark_billing_month(request: HttpRequest, payload: BillingMonthEnteredIn):
    """BIL-02: mark every hour of the month still to enter; all or none."""
    user, today = auth_user(request), timezone.localdate()
    month = selectors.parse_month(payload.month)
    entries = services.hours_mark_month_entered(
        month=month, entered_on=payload.entered_on, acting_user=user, today=today
    )
    rows = selectors.hour_rows(
        user=user,
        today=today,
        contact_ids={e.contact_id for e in entries},
        since=month.first_day,
        until=min(month.last_day, today),
    )
    return {"count": len(rows), "warning": None, "items": [selectors.hour_out(r) for r in rows]}


@router.get(
    "/billing/statements", response={200: BillingStatementListOut, **ERRORS}, summary="Afrekeningen"
)
def list_billing_statements(request: HttpRequest, params: PageQuery):
    """BIL-03: a coach sees their own statements, centre staff their centre's."""
    found = page(selectors.statements_for(auth_user(request)), params)
    return {"count": found["count"], "items": [selectors.statement_out(s) for s in found["items"]]}


@router.get(
    "/billing/statements/{statement_id}",
    response={200: BillingStatementDetailOut, **ERRORS},
    summary="Afrekening",
)
def get_billing_statement(request: HttpRequest, statement_id: Id):
    """BIL-03: lines per client, voucher and rate; corrections; the corrected total."""
    view = selectors.statement_view(user=auth_user(request), pk=statement_id)
    return selectors.statement_detail_out(view)


@router.post(
    "/billing/settlements",
    response={200: BillingSettleOut, **ERRORS},
    summary="Maand afrekenen",
)
def settle_billing_month(request: HttpRequest, payload: BillingSettleIn):
    """BIL-03: settle an ended month for every coach of the centre (centre staff). Running it
    again changes nothing: each coach has one statement per month."""
    user = auth_user(request)
    centre = get_object_or_404(selectors.staff_centres(user), pk=payload.centre_id)
    done = services.statement_settle(
        centre=centre,
        month=selectors.parse_month(payload.month),
        acting_user=user,
        today=timezone.localdate(),
    )
    return {"count": len(done), "items": [selectors.statement_out(s) for s in done]}


@router.post(
    "/billing/statements/{statement_id}/corrections",
    response={201: BillingCorrectionOut, **ERRORS},
    summary="Afrekening corrigeren",
)
def correct_billing_statement(request: HttpRequest, statement_id: Id, payload: BillingCorrectionIn):
    """BIL-03: a visible correction entry with its reason; the statement is never edited."""
    user = auth_user(request)
    statement = selectors.statement_get(user=user, pk=statement_id)
    return 201, services.statement_correct(
        statement_id=statement.pk,
        line_id=payload.line_id,
        minutes=payload.minutes,
        note=payload.note,
        acting_user=user,
    )


@router.get("/billing/rates", response={200: BillingRateListOut, **ERRORS}, summary="Uurtarieven")
def list_billing_rates(request: HttpRequest, params: PageQuery):
    """BIL-04: a coach sees their own rates, centre staff their centre's coaches'."""
    return page(selectors.rates_for(auth_user(request)), params)


@router.post(
    "/billing/rates", response={201: BillingRateOut, **ERRORS}, summary="Uurtarief instellen"
)
def set_billing_rate(request: HttpRequest, payload: BillingRateIn):
    """BIL-04: a rate from the allowed list from `valid_from`; a rate still open then ends the
    day before; any other overlap is refused."""
    user = auth_user(request)
    centre = get_object_or_404(selectors.staff_centres(user), pk=payload.centre_id)
    return 201, services.coach_rate_set(
        centre=centre,
        coach_id=payload.coach_id,
        rate=payload.rate,
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        acting_user=user,
    )
