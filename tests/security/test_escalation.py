"""Who may grant which role (issue 15), through the page, for every granter and every role:
nobody grants a role above their own. The API has no operation that grants a role at all, and
a token cannot reach the staff page. The service and the import are walked in
tests/core/test_role_grants.py."""

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from koers.api.api import api as koers_api
from koers.core.models import Membership, Role, User
from koers.core.services import api_token_create
from tests.core.test_role_grants import ALL_ROLES, MAY_GRANT
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def _form(centre, role):
    return {
        "first_name": "Nele",
        "last_name": "Nieuw",
        "username": "nieuw",
        "organisation": centre.pk,
        "roles": [role],
    }


@pytest.mark.parametrize("granter_role", ALL_ROLES)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_staff_page_grants_only_roles_at_or_below_ones_own(
    logged_in, centre, granter_role, role
):
    granter = staff_user(centre, granter_role, username="granter")
    response = logged_in(granter).post(reverse("staff_create"), _form(centre, role))
    granted = Membership.objects.filter(user__username="nieuw", role=role).exists()
    if role in MAY_GRANT[granter_role]:
        assert response.status_code == 302
        assert granted
    else:
        assert response.status_code in (200, 403, 404)
        assert not granted
        assert not User.objects.filter(username="nieuw").exists()


def test_the_api_has_no_operation_that_grants_a_role():
    document = koers_api.get_openapi_schema(path_prefix="/api/v1")
    words = ("staff", "member", "role", "user", "medewerker")
    writes = [
        f"{verb.upper()} {path}"
        for path, operations in document["paths"].items()
        for verb in operations
        if verb in ("post", "put", "patch", "delete") and any(w in path.lower() for w in words)
    ]
    assert writes == []


def test_a_bearer_token_does_not_reach_the_staff_page(centre, administrator):
    _token, key = api_token_create(user=administrator, name="escalation")
    response = HttpClient().post(
        reverse("staff_create"),
        _form(centre, Role.ADMINISTRATOR),
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 302 and "/accounts/login" in response["Location"]
    assert not User.objects.filter(username="nieuw").exists()
