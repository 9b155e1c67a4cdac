"""Every exportable list page has its API list and its API export (issue 16). The list pages are
GET pages, so `tests/api/test_page_api_parity.py` (POST actions only) does not walk them."""

import pytest
from django.urls import reverse

from koers.api.api import api as koers_api
from koers.listexports.registry import list_kinds

# list page URL name -> (the API's list, the API's export)
API_FOR_LIST_PAGE = {
    "client_list": ("GET /api/v1/clients", "GET /api/v1/exports/clients"),
    "intake_lead_list": ("GET /api/v1/leads", "GET /api/v1/exports/leads"),
    "mediation_dashboard": ("GET /api/v1/mediation/services", "GET /api/v1/exports/mediation"),
    "trajectory_list": ("GET /api/v1/trajectories", "GET /api/v1/exports/trajectories"),
    "contact_list": ("GET /api/v1/contacts", "GET /api/v1/exports/contacts"),
    "transition_home": ("GET /api/v1/transition/files", "GET /api/v1/exports/transition"),
}


def _operations() -> set[str]:
    document = koers_api.get_openapi_schema(path_prefix="/api/v1")
    return {f"{m.upper()} {p}" for p, ops in document["paths"].items() for m in ops}


@pytest.mark.parametrize("page", sorted(API_FOR_LIST_PAGE))
def test_list_page_has_its_api_list_and_export(page):
    reverse(page)  # the page exists
    listing, export = API_FOR_LIST_PAGE[page]
    assert {listing, export} <= _operations()


def test_every_registered_list_export_has_its_api_operation():
    exports = {op.rsplit("/", 1)[-1] for _list, op in API_FOR_LIST_PAGE.values()}
    assert exports == set(list_kinds())
