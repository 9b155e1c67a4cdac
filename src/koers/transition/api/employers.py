"""/transition/employers: the company's employer list and its typed contacts (TRN-08/13), with
the same access as the pages (members of the organisation)."""

from django.http import HttpRequest
from ninja import Query, Router, Schema

from koers.api.errors import ERRORS, FieldNotFound
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page
from koers.api.schemas import Id
from koers.transition import models as m
from koers.transition.schemas_employers import (
    EmployerContactIn,
    EmployerContactListOut,
    EmployerContactOut,
    EmployerIn,
    EmployerListOut,
    EmployerOut,
    EmployerPatch,
)
from koers.transition.selectors import employers as sel
from koers.transition.services import employers as services

OPERATION_ID_PREFIX = "koers_api_transition_employers"

router = Router(tags=["transition"])


class EmployerSearch(Schema):
    q: str = ""


def employer_out(e: m.Employer) -> dict:
    return {"id": e.pk, "organisation_id": e.organisation_id} | {
        f: getattr(e, f) for f in services.EMPLOYER_FIELDS
    }


def contact_out(c: m.EmployerContact) -> dict:
    return {
        "id": c.pk,
        "employer_id": c.employer_id,
        "kind": c.kind,
        "kind_label": str(c.get_kind_display()),
        "on": c.on,
        "by_id": c.by_id,
        "file_ids": [f.pk for f in c.files.all()],
        "note": c.note,
    }


@router.get(
    "/transition/employers", response={200: EmployerListOut, **ERRORS}, summary="Werkgevers"
)
def list_employers(request: HttpRequest, params: PageQuery, search: Query[EmployerSearch]):
    found = sel.employers_visible_to(auth_user(request)).order_by("name", "id")
    if search.q.strip():
        found = found.filter(name__icontains=search.q.strip())
    result = page(found, params)
    return {"count": result["count"], "items": [employer_out(e) for e in result["items"]]}


@router.post(
    "/transition/employers", response={201: EmployerOut, **ERRORS}, summary="Werkgever toevoegen"
)
def create_employer(request: HttpRequest, payload: EmployerIn):
    user = auth_user(request)
    organisation = acting_organisation(user, payload.organisation_id)
    data = payload.dict(exclude={"organisation_id"})
    employer = services.employer_create(organisation=organisation, data=data, acting_user=user)
    return 201, employer_out(employer)


@router.get(
    "/transition/employers/{employer_id}",
    response={200: EmployerOut, **ERRORS},
    summary="Werkgever",
)
def get_employer(request: HttpRequest, employer_id: Id):
    return employer_out(sel.employer_get(user=auth_user(request), pk=employer_id))


@router.patch(
    "/transition/employers/{employer_id}",
    response={200: EmployerOut, **ERRORS},
    summary="Werkgever bijwerken",
)
def update_employer(request: HttpRequest, employer_id: Id, payload: EmployerPatch):
    user = auth_user(request)
    employer = sel.employer_get(user=user, pk=employer_id)
    data = payload.dict(exclude_unset=True)
    return employer_out(services.employer_update(employer=employer, data=data, acting_user=user))


@router.get(
    "/transition/employers/{employer_id}/contacts",
    response={200: EmployerContactListOut, **ERRORS},
    summary="Contacten met een werkgever",
)
def list_employer_contacts(request: HttpRequest, employer_id: Id, params: PageQuery):
    employer = sel.employer_get(user=auth_user(request), pk=employer_id)
    result = page(sel.contacts_of(employer), params)
    return {"count": result["count"], "items": [contact_out(c) for c in result["items"]]}


@router.post(
    "/transition/employers/{employer_id}/contacts",
    response={201: EmployerContactOut, **ERRORS},
    summary="Werkgeverscontact noteren (TRN-13)",
)
def create_employer_contact(request: HttpRequest, employer_id: Id, payload: EmployerContactIn):
    user = auth_user(request)
    employer = sel.employer_get(user=user, pk=employer_id)
    by = user
    if payload.by_id is not None:
        by = sel.staff_of(employer.organisation_id).filter(pk=payload.by_id).first()
        if by is None:
            raise FieldNotFound("by_id")
    files = list(
        sel.files_for_contact(user, employer.organisation_id).filter(pk__in=payload.file_ids)
    )
    if len(files) != len(set(payload.file_ids)):
        raise FieldNotFound("file_ids")
    contact = services.employer_contact_add(
        employer=employer,
        data=services.ContactData(
            kind=payload.kind, on=payload.on, by=by, files=files, note=payload.note
        ),
        acting_user=user,
    )
    return 201, contact_out(contact)
