"""/billing/exports/hours, /statements, /deliveries, /invoices (issue 12 "Exports"): hours per coach
and month, statements, deliveries, invoices as CSV or XLSX, with the same access as the pages (a coach only
their own rows, centre staff their centre's). One operation per kind (a path id is always a
number here, `tests/api/test_huge_ids.py`); a new kind is one more four-line operation."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.billing.schemas.exports import BillingExportQuery
from koers.billing.selectors import exports as selectors

router = Router(tags=["billing"])
RESPONSES = {200: None, **ERRORS}


def _download(request: HttpRequest, kind: str, params: BillingExportQuery) -> HttpResponse:
    file = selectors.export_file(
        user=auth_user(request),
        kind=kind,
        fmt=params.format,
        today=timezone.localdate(),
        month=selectors.parse_month(params.month),
    )
    return file.as_response()


@router.get("/billing/exports/hours", response=RESPONSES, summary="Export: uren per coach en maand")
def export_billing_hours(request: HttpRequest, params: Query[BillingExportQuery]):
    """BIL-02/03: per coach and month the counted hours, entered at VDAB or not, settled,
    aftercare; without `month` the last year. A coach gets only their own."""
    return _download(request, "hours", params)


@router.get("/billing/exports/statements", response=RESPONSES, summary="Export: afrekeningen")
def export_billing_statements(request: HttpRequest, params: Query[BillingExportQuery]):
    """BIL-03: every line and correction entry of the statements you see."""
    return _download(request, "statements", params)


@router.get("/billing/exports/deliveries", response=RESPONSES, summary="Export: zendingen")
def export_billing_deliveries(request: HttpRequest, params: Query[BillingExportQuery]):
    """BIL-01: every dossier of the delivery batches you see, with the batch's state."""
    return _download(request, "deliveries", params)


@router.get("/billing/exports/invoices", response=RESPONSES, summary="Export: facturen")
def export_billing_invoices(request: HttpRequest, params: Query[BillingExportQuery]):
    """BIL-04: every invoice and credit note you see, with the seller as issued."""
    return _download(request, "invoices", params)
