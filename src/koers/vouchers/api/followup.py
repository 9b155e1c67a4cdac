"""/vouchers/{id}/…: aftercare (LBC-18), closing, the code of conduct (LBC-11), the certificate
(LBC-20), the interim evaluation (LBC-16) and the e-coaching consent (LBC-06)."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.vouchers import services
from koers.vouchers.api.shapes import (
    aftercare_totals_out,
    changed,
)
from koers.vouchers.schemas import (
    AftercareIn,
    AftercareListOut,
    AftercareOut,
    CertificateIn,
    CodeOfConductIn,
    InterimEvaluationIn,
    VideoConsentIn,
    VoucherCloseIn,
    VoucherDetailOut,
)
from koers.vouchers.selectors import (
    voucher_get,
)

# The operation ids are public: they stay those of the module this came from (koers.api.vouchers).
OPERATION_ID_PREFIX = "koers_api_vouchers"

router = Router(tags=["vouchers"])

# ---- aftercare, close, certificate -------------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/aftercare",
    response={200: AftercareListOut, **ERRORS},
    summary="Nazorg van een cheque (LBC-18)",
)
def list_voucher_aftercare(request: HttpRequest, voucher_id: Id):
    """Every aftercare registration, the minutes registered and the part within the client's
    right (30 minutes per voucher)."""
    voucher = voucher_get(user=auth_user(request), pk=voucher_id)
    return aftercare_totals_out(voucher) | {"items": list(voucher.aftercare.all())}


@router.post(
    "/vouchers/{voucher_id}/aftercare",
    response={201: AftercareOut, **ERRORS},
    summary="Nazorg registreren (LBC-18)",
)
def register_voucher_aftercare(request: HttpRequest, voucher_id: Id, payload: AftercareIn):
    """All aftercare done may be registered, per half hour, up to a year after the synthesis
    conversation (the same date a year later included). The client's right is 30 minutes per
    voucher: `GET /vouchers/{id}/aftercare` shows how much falls within it."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    entry = services.aftercare_register(voucher=voucher, acting_user=user, **payload.model_dump())
    return 201, entry


@router.post(
    "/vouchers/{voucher_id}/close",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Cheque afsluiten",
)
def close_voucher(request: HttpRequest, voucher_id: Id, payload: VoucherCloseIn | None = None):
    """Close the trajectory; the evaluation invitation follows (LBC-15). With the hours or the
    individual minimum not reached the voucher ends early: `reason` is required (422 otherwise)
    and it stays "afgesloten, onvolledig" (`closed_incomplete`). The open dossier points are kept
    in `closing_open_points`."""
    payload = payload or VoucherCloseIn()
    return changed(request, voucher_id, services.voucher_close, **payload.model_dump())


@router.post(
    "/vouchers/{voucher_id}/code-of-conduct",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Gedragscode overhandigd of gemaild (LBC-11)",
)
def record_code_of_conduct(request: HttpRequest, voucher_id: Id, payload: CodeOfConductIn):
    """Record how and when the code of conduct reached the client; generating its PDF alone does
    not count."""
    write = services.code_of_conduct_handed_over
    return changed(request, voucher_id, write, **payload.model_dump())


@router.post(
    "/vouchers/{voucher_id}/certificate",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Attest opleiding uitreiken (LBC-20)",
)
def issue_voucher_certificate(request: HttpRequest, voucher_id: Id, payload: CertificateIn):
    """Once, only for a training named in the POP and guidance that started before the
    academic year; the PDF follows with `POST /vouchers/{id}/documents` (kind certificate)."""
    return changed(request, voucher_id, services.certificate_issue, **payload.model_dump())


@router.post(
    "/vouchers/{voucher_id}/aftercare-informed",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Cliënt ingelicht over nazorg (LBC-18)",
)
def voucher_aftercare_informed(request: HttpRequest, voucher_id: Id):
    return changed(request, voucher_id, services.aftercare_informed)


@router.post(
    "/vouchers/{voucher_id}/interim-evaluations",
    response={201: VoucherDetailOut, **ERRORS},
    summary="Tussentijdse evaluatie (LBC-16)",
)
def add_interim_evaluation(request: HttpRequest, voucher_id: Id, payload: InterimEvaluationIn):
    write = services.interim_evaluation_add
    return 201, changed(request, voucher_id, write, **payload.model_dump())


# ---- e-coaching consent (LBC-06) ---------------------------------------------------------------


@router.post(
    "/vouchers/{voucher_id}/video-consent",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Akkoord of vraag voor e-coaching noteren (LBC-06)",
)
def record_video_consent(request: HttpRequest, voucher_id: Id, payload: VideoConsentIn):
    """A video call counts only with the client's consent or at their request (and with its
    screenshot). An empty value withdraws it."""
    on = payload.on or timezone.localdate()
    write = services.video_consent_record
    return changed(request, voucher_id, write, consent=payload.video_consent, on=on)
