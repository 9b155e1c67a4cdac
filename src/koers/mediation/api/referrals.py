"""/mediation/services and /mediation/referrals: the services you may see and the VDAB referral
(MED-01)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page
from koers.api.schemas import Id
from koers.core.models import Client, Organisation, User
from koers.core.selectors import client_get
from koers.core.services import ClientData, client_create
from koers.mediation import models as m
from koers.mediation import selectors, services
from koers.mediation.api.outputs import appointment_data, service_out
from koers.mediation.schemas import ReferralIn, ReferralPatch, ServiceOut, ServicePage

OPERATION_ID_PREFIX = "koers_api_mediation"

router = Router(tags=["mediation"])


@router.get("/mediation/services", response={200: ServicePage, **ERRORS}, summary="Services")
def list_services(request: HttpRequest, params: PageQuery, state: m.ServiceState | None = None):
    """Services you may see, oldest referral first; filter by state (e.g. `to_close`)."""
    qs = (
        selectors.services_for_user(user=auth_user(request))
        .prefetch_related("month_ends")  # for the closing rule of each (closable_on)
        .order_by("referral_date", "pk")
    )
    if state is not None:
        qs = qs.filter(state=state)
    result = page(qs, params)
    result["items"] = [service_out(s) for s in result["items"]]
    return result


@router.get(
    "/mediation/services/{service_id}", response={200: ServiceOut, **ERRORS}, summary="Eén service"
)
def get_service(request: HttpRequest, service_id: Id):
    return service_out(selectors.service_get(user=auth_user(request), pk=service_id))


@router.patch(
    "/mediation/services/{service_id}",
    response={200: ServiceOut, **ERRORS},
    summary="Toeleiding wijzigen",
)
def update_referral(request: HttpRequest, service_id: Id, payload: ReferralPatch):
    """MED-01: complete or correct the referral (tender, lot, VDAB mediator, work points,
    thresholds); only the fields you send change. A closed service refuses (MED-15)."""
    user = auth_user(request)
    service = selectors.service_get(user=user, pk=service_id)
    changes = {k: v for k, v in payload.model_dump(exclude_unset=True).items() if v is not None}
    names = ("tender", "lot", "vdab_mediator_name", "vdab_mediator_email", "vdab_client_number")
    data = services.ReferralData(
        **{name: changes.get(name, getattr(service, name)) for name in names},
        referral_date=service.referral_date,
        work_points=changes.get("work_points", service.work_points),
        thresholds=changes.get("thresholds", service.thresholds),
    )
    services.referral_update(service=service, data=data, acting_user=user)
    return service_out(selectors.service_get(user=user, pk=service.pk))


def _client(user: User, organisation: Organisation, payload: ReferralIn) -> Client:
    """The referred client: one you may see (`client_id`) or a new one (`client`)."""
    if payload.client_id is not None:
        try:
            return client_get(user=user, pk=payload.client_id)
        except Client.DoesNotExist:
            raise FieldNotFound("client_id") from None
    if payload.client is not None:
        data = ClientData(**payload.client.model_dump())
        return client_create(organisation=organisation, data=data, acting_user=user)
    raise ValidationError({"client_id": ["Geef client_id of client."]})


@router.post(
    "/mediation/referrals", response={201: ServiceOut, **ERRORS}, summary="Toeleiding registreren"
)
def create_referral(request: HttpRequest, payload: ReferralIn):
    """MED-01: a VDAB referral with the planned first appointment; for a client you may see
    (`client_id`) or a new one (`client`). The acting user becomes the partner mediator."""
    user = auth_user(request)
    organisation = acting_organisation(user, payload.organisation_id)
    referral = payload.model_dump(include=set(services.ReferralData.__dataclass_fields__))
    with transaction.atomic():
        service = services.mediation_refer(
            client=_client(user, organisation, payload),
            responsible=user,
            organisation=organisation,
            data=services.ReferralData(**referral),
            first_appointment=appointment_data(payload.first_appointment),
            acting_user=user,
        )
    return 201, service_out(selectors.service_get(user=user, pk=service.pk))
