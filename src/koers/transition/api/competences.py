"""/transition/organisations/{id}/competences, /transition/competences, /transition/indicators:
the competence profile of a social-economy company (TRN-04) and its indicator rows on the SAM
scale (TRN-05). Members of the organisation only (404 otherwise); refusals 422 with the rule."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.transition import models as m
from koers.transition.schemas_competences import (
    CompetenceIn,
    CompetenceOut,
    CompetencePatch,
    IndicatorRowIn,
    IndicatorRowOut,
    ProfileOut,
)
from koers.transition.selectors import competences as sel
from koers.transition.services import competences as services

OPERATION_ID_PREFIX = "koers_api_transition_competences"

router = Router(tags=["transition"])


def row_out(row: m.IndicatorRow) -> dict:
    return {
        "id": row.pk,
        "position": row.position,
        "insufficient": row.insufficient,
        "moderate": row.moderate,
        "good": row.good,
        "very_good": row.very_good,
    }


def competence_out(c: m.Competence) -> dict:
    return {
        "id": c.pk,
        "code": c.code,
        "name": c.name,
        "group": c.group,
        "active": c.active,
        "from_seed": c.from_seed,
        "definition": c.definition,
        "indicators": [row_out(r) for r in c.indicators.all()],
    }


@router.get(
    "/transition/organisations/{organisation_id}/competences",
    response={200: ProfileOut, **ERRORS},
    summary="Competentieprofiel (TRN-04, TRN-05)",
)
def get_competence_profile(request: HttpRequest, organisation_id: Id):
    user = auth_user(request)
    organisation = sel.profile_organisation_get(user=user, pk=organisation_id)
    services.profile_ensure(organisation, acting_user=user)
    rows = sel.competences_of(organisation)
    return {"organisation_id": organisation.pk, "items": [competence_out(c) for c in rows]}


@router.post(
    "/transition/organisations/{organisation_id}/competences",
    response={201: CompetenceOut, **ERRORS},
    summary="Eigen competentie toevoegen (TRN-04)",
)
def add_competence(request: HttpRequest, organisation_id: Id, payload: CompetenceIn):
    user = auth_user(request)
    organisation = sel.profile_organisation_get(user=user, pk=organisation_id)
    competence = services.competence_add(
        organisation=organisation, acting_user=user, **payload.model_dump()
    )
    return 201, competence_out(sel.competence_get(user=user, pk=competence.pk))


@router.patch(
    "/transition/competences/{competence_id}",
    response={200: CompetenceOut, **ERRORS},
    summary="Competentie aan- of uitschakelen, definitie wijzigen (TRN-04)",
)
def update_competence(request: HttpRequest, competence_id: Id, payload: CompetencePatch):
    user = auth_user(request)
    competence = sel.competence_get(user=user, pk=competence_id)
    services.competence_update(competence, acting_user=user, **payload.model_dump())
    return competence_out(sel.competence_get(user=user, pk=competence_id))


@router.post(
    "/transition/competences/{competence_id}/indicators",
    response={201: IndicatorRowOut, **ERRORS},
    summary="Rij gedragsindicatoren toevoegen (TRN-05)",
)
def add_indicator_row(request: HttpRequest, competence_id: Id, payload: IndicatorRowIn):
    user = auth_user(request)
    row = services.indicator_add(
        competence=sel.competence_get(user=user, pk=competence_id),
        texts=services.RowTexts(**payload.model_dump()),
        acting_user=user,
    )
    return 201, row_out(row)


@router.put(
    "/transition/indicators/{indicator_id}",
    response={200: IndicatorRowOut, **ERRORS},
    summary="Rij gedragsindicatoren wijzigen (TRN-05)",
)
def update_indicator_row(request: HttpRequest, indicator_id: Id, payload: IndicatorRowIn):
    user = auth_user(request)
    row = services.indicator_update(
        row=sel.indicator_get(user=user, pk=indicator_id),
        texts=services.RowTexts(**payload.model_dump()),
        acting_user=user,
    )
    return row_out(row)
