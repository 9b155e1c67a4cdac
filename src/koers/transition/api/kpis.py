"""/transition/kpis: the 16 KPIs of TRN-13 for a team and period against a baseline, the month
series, and the spreadsheet export (start, status, download). The organisation is one the user
is a member of (404 otherwise); an export is its requester's."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.transition.schemas_kpis import (
    KpiExportIn,
    KpiExportOut,
    KpiQuery,
    KpiSeriesOut,
    KpisOut,
)
from koers.transition.selectors import kpi_exports
from koers.transition.selectors.kpi_choice import kpi_choice, kpi_months, kpi_rows
from koers.transition.services.kpi_exports import kpi_export_start

OPERATION_ID_PREFIX = "koers_api_transition_kpis"

router = Router(tags=["transition"])


def _choice(request, q: KpiQuery):
    return kpi_choice(user=auth_user(request), today=timezone.localdate(), **q.dict())


def _team(team) -> dict:
    return {"organisation_id": team.organisation.pk, "coach_id": team.coach and team.coach.pk}


@router.get("/transition/kpis", response={200: KpisOut, **ERRORS}, summary="KPI's (TRN-13)")
def get_transition_kpis(request: HttpRequest, q: Query[KpiQuery]):
    team, period, baseline = _choice(request, q)
    return _team(team) | {
        "start": period.start,
        "end": period.end,
        "baseline_start": baseline.start,
        "baseline_end": baseline.end,
        "kpis": kpi_rows(team, period, baseline),
    }


@router.get(
    "/transition/kpis/months",
    response={200: KpiSeriesOut, **ERRORS},
    summary="KPI's per maand (TRN-13)",
)
def get_transition_kpi_months(request: HttpRequest, q: Query[KpiQuery]):
    team, period, _baseline = _choice(request, q)
    months = kpi_months(team, period)
    return _team(team) | {"start": period.start, "end": period.end, "months": months}


@router.post(
    "/transition/kpis/exports",
    response={201: KpiExportOut, **ERRORS},
    summary="KPI-export starten (TRN-13)",
)
def start_transition_kpi_export(request: HttpRequest, payload: KpiExportIn):
    _team_, period, baseline = _choice(request, payload)
    export = kpi_export_start(
        user=auth_user(request),
        organisation_id=payload.organisation_id,
        coach_id=payload.coach_id,
        period=period,
        baseline=baseline,
    )
    return 201, export


@router.get(
    "/transition/kpis/exports/{export_id}",
    response={200: KpiExportOut, **ERRORS},
    summary="KPI-export: status",
)
def get_transition_kpi_export(request: HttpRequest, export_id: Id):
    return kpi_exports.kpi_export_get(user=auth_user(request), pk=export_id)


@router.get(
    "/transition/kpis/exports/{export_id}/file",
    response={200: None, **ERRORS},
    summary="KPI-export: de Excel",
)
def download_transition_kpi_export(request: HttpRequest, export_id: Id):
    export = kpi_exports.kpi_export_get(user=auth_user(request), pk=export_id)
    return kpi_exports.finished_download(export)
