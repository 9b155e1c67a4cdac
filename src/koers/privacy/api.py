"""/privacy: the retention preview, erasure requests (four eyes) and the subject-access ZIP.

Administrators only, like the pages under /privacy/; for anyone else these answer 404. Both go
through `koers.privacy.selectors` and the services (`erasure`, `exports`).
"""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.privacy import selectors
from koers.privacy.erasure import erasure_cancel, erasure_confirm, erasure_request
from koers.privacy.exports import subject_export
from koers.privacy.models import SubjectKindChoice
from koers.privacy.retention import retention_preview
from koers.privacy.schemas import (
    ErasureRequestIn,
    ErasureRequestListOut,
    ErasureRequestOut,
    RetentionPreviewOut,
)

OPERATION_ID_PREFIX = "koers_api_privacy"

router = Router(tags=["privacy"])


def _admin(request: HttpRequest):
    user = auth_user(request)
    selectors.require_privacy_admin(user)
    return user


@router.get(
    "/privacy/retention", response={200: RetentionPreviewOut, **ERRORS}, summary="Bewaartermijnen"
)
def preview_retention(request: HttpRequest):
    """Per kind of record its retention period (days), how many are due now and how many the
    next run of the sweep erases. Counts only, no names."""
    _admin(request)
    rows = retention_preview(timezone.now())
    items = [{**row.__dict__, "label": str(row.label), "keep": str(row.keep)} for row in rows]
    return {"count": len(items), "items": items}


@router.get(
    "/privacy/erasure-requests",
    response={200: ErasureRequestListOut, **ERRORS},
    summary="Verzoeken tot wissen",
)
def list_erasure_requests(request: HttpRequest, params: PageQuery):
    """Every erasure request, newest first: open, carried out (with counts) or withdrawn."""
    return page(selectors.erasure_requests(_admin(request)), params)


@router.post(
    "/privacy/erasure-requests",
    response={201: ErasureRequestOut, **ERRORS},
    summary="Wissen aanvragen",
)
def request_erasure(request: HttpRequest, payload: ErasureRequestIn):
    """Ask to erase a client or a lead (Art. 17). Nothing is erased until a second
    administrator confirms. 422 when the person is unknown to you, already erased, or asked."""
    user = _admin(request)
    asked = erasure_request(
        kind=payload.subject_kind,
        subject_id=payload.subject_id,
        acting_user=user,
        now=timezone.now(),
    )
    return 201, asked


@router.post(
    "/privacy/erasure-requests/{request_id}/confirm",
    response={200: ErasureRequestOut, **ERRORS},
    summary="Wissen bevestigen",
)
def confirm_erasure(request: HttpRequest, request_id: Id):
    """The second administrator confirms: the person's data are erased across every app and
    their history, the documents deleted. 422 for the administrator who asked."""
    user = _admin(request)
    selectors.erasure_request_get(user, request_id)
    return erasure_confirm(request_id=request_id, acting_user=user, now=timezone.now())


@router.post(
    "/privacy/erasure-requests/{request_id}/cancel",
    response={200: ErasureRequestOut, **ERRORS},
    summary="Verzoek intrekken",
)
def cancel_erasure(request: HttpRequest, request_id: Id):
    user = _admin(request)
    selectors.erasure_request_get(user, request_id)
    return erasure_cancel(request_id=request_id, acting_user=user, now=timezone.now())


@router.get(
    "/privacy/subjects/{subject_kind}/{subject_id}/export",
    response={200: None, **ERRORS},
    summary="Alle gegevens van één persoon (ZIP)",
)
def export_subject(request: HttpRequest, subject_kind: SubjectKindChoice, subject_id: Id):
    """Art. 15/20: a ZIP with one JSON file per app and the documents; never the national
    number. Every download is recorded."""
    user = _admin(request)
    export = subject_export(
        kind=subject_kind,
        subject_id=subject_id,
        acting_user=user,
        now=timezone.now(),
        channel="api",
    )
    response = HttpResponse(export.content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response
