"""/mediation/.../month-ends, closing and advice: month-end categories (MED-12), when the service
may close and the final advice (MED-12 .. MED-16), closing by VDAB (MED-17), the projectopvolger."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.mediation import pdfs, selectors, services
from koers.mediation.api.outputs import service_out
from koers.mediation.schemas import (
    AdviceIn,
    ClosingOut,
    FollowUpIn,
    MonthEndIn,
    MonthEndOut,
    ServiceOut,
)

OPERATION_ID_PREFIX = "koers_api_mediation"

router = Router(tags=["mediation"])


@router.get(
    "/mediation/services/{service_id}/month-ends",
    response={200: list[MonthEndOut], **ERRORS},
    summary="Categoriehistoriek op het einde van de maand",
)
def list_month_ends(request: HttpRequest, service_id: Id):
    service = selectors.service_get(user=auth_user(request), pk=service_id)
    return list(service.month_ends.order_by("month_end"))


@router.post(
    "/mediation/services/{service_id}/month-ends",
    response={200: list[MonthEndOut], **ERRORS},
    summary="Categorieën op het einde van de maand invoeren of importeren (MED-12)",
)
def record_month_ends(request: HttpRequest, service_id: Id, payload: list[MonthEndIn]):
    user = auth_user(request)
    service = selectors.service_get(user=user, pk=service_id)
    services.month_ends_record(
        service=service,
        items=[services.MonthEndData(i.month_end, i.category, i.passive) for i in payload],
        acting_user=user,
    )
    return list(service.month_ends.order_by("month_end"))


@router.get(
    "/mediation/services/{service_id}/closing",
    response={200: ClosingOut, **ERRORS},
    summary="Wanneer de service mag afsluiten en welke adviezen kunnen",
)
def closing(request: HttpRequest, service_id: Id):
    service = selectors.service_get(user=auth_user(request), pk=service_id)
    facts = selectors.service_facts(service, timezone.now())
    return {
        "state": service.state,
        "closing_reason": service.closing_reason or None,
        "closing_due_on": service.closing_due_on,
        "closable_on": facts.closable_on,
        "max_duration_on": facts.max_duration_on,
        "advice_deadline": service.advice_deadline,
        "advice_options": [o.value for o in service.advice_options],
        "reasons": facts.closing_reasons,
    }


@router.post(
    "/mediation/services/{service_id}/advice",
    response={200: ServiceOut, **ERRORS},
    summary="Geef eindadvies (MED-14): sluit de service af",
)
def give_advice(request: HttpRequest, service_id: Id, payload: AdviceIn):
    """Only the options allowed for the closing reason; at least one of mail / print. The partner
    keeps access until the next day (MED-15); the answer is the closed service."""
    user = auth_user(request)
    service = services.advice_give(
        service=selectors.service_get(user=user, pk=service_id),
        option=payload.advice,
        remark=payload.remark,
        mail=payload.mail,
        printed=payload.printed,
        acting_user=user,
        now=timezone.now(),
    )
    pdfs.advice_pdf(service=service, acting_user=user)
    return service_out(selectors.service_get(user=user, pk=service_id))


@router.post(
    "/mediation/services/{service_id}/close-by-vdab",
    response={200: ServiceOut, **ERRORS},
    summary="Afgesloten door VDAB (MED-17)",
)
def close_by_vdab(request: HttpRequest, service_id: Id):
    """Record that VDAB closed a service "ter afsluiting" (annex 3/4): only centre staff and
    administrators (403 otherwise). Mediation goes back to the VDAB mediator and the partner loses
    access at once; the answer is the closed service."""
    user = auth_user(request)
    service = selectors.service_get(user=user, pk=service_id)
    if not selectors.can_close_by_vdab(user):
        raise PermissionDenied(
            _("Alleen centrummedewerkers en beheerders registreren dat VDAB afsloot. (MED-17)")
        )
    service = services.close_by_vdab(service=service, acting_user=user, now=timezone.now())
    # Not through `service_get`: the partner's access ended with the closing.
    return service_out(service)


@router.post(
    "/mediation/services/{service_id}/projectopvolger",
    response={201: dict, **ERRORS},
    summary="Contact met de projectopvolger (onttering, vervroegde stopzetting)",
)
def followup(request: HttpRequest, service_id: Id, payload: FollowUpIn):
    user = auth_user(request)
    contact = services.followup_contact_record(
        service=selectors.service_get(user=user, pk=service_id),
        acting_user=user,
        **payload.model_dump(),
    )
    return 201, {"id": contact.pk}
