"""Only an administrator makes administrators; nobody grants a role above their own or in an
organisation where they are not staff. The same check in the service, the staff form and the
import (there is no API operation that creates staff)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.core.imports import ImportFileError, ImportKind, run_import
from koers.core.models import Membership, Role, User
from koers.core.services import StaffData, staff_create
from tests.factories import ClientFactory, OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db

ALL_ROLES = list(Role.values)
# The granter's one role in the organisation -> the roles they may grant there.
MAY_GRANT = {
    Role.ADMINISTRATOR: set(ALL_ROLES),
    Role.CENTRE_STAFF: {Role.CENTRE_STAFF, Role.COACH, Role.MEDIATOR, Role.JOB_COACH},
    Role.COACH: set(),
    Role.MEDIATOR: set(),
    Role.JOB_COACH: set(),
}


def _data(organisation, role, username="nieuw"):
    return StaffData(
        username=username,
        first_name="Nele",
        last_name="Nieuw",
        email="",
        organisation=organisation,
        roles=[role],
    )


@pytest.mark.parametrize("granter_role", ALL_ROLES)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_staff_create_every_role_by_every_role(centre, granter_role, role):
    granter = staff_user(centre, granter_role, username="granter")
    if role in MAY_GRANT[granter_role]:
        user = staff_create(data=_data(centre, role), acting_user=granter)
        assert user.roles == {role}
    else:
        with pytest.raises(ValidationError) as exc:
            staff_create(data=_data(centre, role), acting_user=granter)
        assert "roles" in exc.value.message_dict
        assert not User.objects.filter(username="nieuw").exists()


@pytest.mark.parametrize("role", ALL_ROLES)
def test_centre_staff_grant_nothing_in_an_organisation_where_they_are_not_staff(
    centre, other_centre, role
):
    granter = staff_user(centre, Role.CENTRE_STAFF)
    Membership.objects.create(user=granter, organisation=other_centre, role=Role.COACH)
    with pytest.raises(ValidationError) as exc:
        staff_create(data=_data(other_centre, role), acting_user=granter)
    assert exc.value.message_dict["roles"]
    assert not User.objects.filter(username="nieuw").exists()


def test_an_inactive_centre_staff_membership_grants_nothing(centre):
    granter = staff_user(centre, Role.CENTRE_STAFF)
    granter.memberships.update(is_active=False)
    with pytest.raises(ValidationError):
        staff_create(data=_data(centre, Role.COACH), acting_user=granter)


def test_a_superuser_grants_the_administrator_role(centre, superuser):
    assert staff_create(data=_data(centre, Role.ADMINISTRATOR), acting_user=superuser).roles == {
        Role.ADMINISTRATOR
    }


def test_one_forbidden_role_refuses_the_whole_account(centre, centre_staff):
    data = _data(centre, Role.COACH)
    data.roles = [Role.COACH, Role.ADMINISTRATOR]
    with pytest.raises(ValidationError, match="Alleen een beheerder"):
        staff_create(data=data, acting_user=centre_staff)
    assert not User.objects.filter(username="nieuw").exists()


def test_the_reported_case_centre_staff_cannot_make_an_administrator_who_sees_everything(
    logged_in, centre, centre_staff
):
    """Issue 10: centre staff created an administrator who then saw every organisation's clients."""
    elsewhere = OrganisationFactory()
    ClientFactory.create_batch(3, organisation=elsewhere)
    response = logged_in(centre_staff).post(
        reverse("staff_create"),
        {
            "first_name": "Mal",
            "last_name": "Ory",
            "username": "mallory",
            "organisation": centre.pk,
            "roles": ["administrator"],
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="mallory").exists()
    assert not Membership.objects.filter(role=Role.ADMINISTRATOR).exists()


@pytest.mark.parametrize("granter_role", [Role.ADMINISTRATOR, Role.CENTRE_STAFF])
def test_the_staff_form_offers_only_the_roles_one_may_grant(logged_in, centre, granter_role):
    granter = staff_user(centre, granter_role)
    page = logged_in(granter).get(reverse("staff_create")).content.decode()
    for role in ALL_ROLES:
        assert (f'value="{role}"' in page) == (role in MAY_GRANT[granter_role]), role


def test_centre_staff_posting_a_role_that_is_not_offered_are_refused(
    logged_in, centre, centre_staff
):
    response = logged_in(centre_staff).post(
        reverse("staff_create"),
        {
            "first_name": "A",
            "last_name": "B",
            "username": "ab",
            "organisation": centre.pk,
            "roles": ["coach", "administrator"],
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="ab").exists()


def _staff_csv(role: str) -> bytes:
    return f"gebruikersnaam;voornaam;achternaam;rollen\nmallory;Mal;Ory;{role}\n".encode()


@pytest.mark.parametrize("alias", ["admin", "beheerder", "administrator"])
def test_the_staff_import_refuses_administrators_from_centre_staff(centre, centre_staff, alias):
    result = run_import(
        kind=ImportKind.STAFF,
        content=_staff_csv(alias),
        user=centre_staff,
        organisation=centre,
        commit=True,
    )
    assert result.created == 0
    assert [(e.row, e.column) for e in result.errors] == [(2, "rollen")]
    assert "Alleen een beheerder" in result.errors[0].message
    assert not User.objects.filter(username="mallory").exists()


def test_an_administrator_imports_an_administrator(centre, administrator):
    result = run_import(
        kind=ImportKind.STAFF,
        content=_staff_csv("admin"),
        user=administrator,
        organisation=centre,
        commit=True,
    )
    assert result.errors == [] and result.created == 1
    assert User.objects.get(username="mallory").is_administrator


@pytest.mark.parametrize("granter_role", [Role.ADMINISTRATOR, Role.CENTRE_STAFF])
@pytest.mark.parametrize("role", ALL_ROLES)
def test_staff_import_every_role_by_every_importing_role(centre, granter_role, role):
    granter = staff_user(centre, granter_role, username="granter")
    result = run_import(
        kind=ImportKind.STAFF,
        content=_staff_csv(role),
        user=granter,
        organisation=centre,
        commit=True,
    )
    assert (result.created == 1) == (role in MAY_GRANT[granter_role])


@pytest.mark.parametrize("granter_role", [Role.COACH, Role.MEDIATOR, Role.JOB_COACH])
def test_guides_import_no_staff_at_all(centre, granter_role):
    with pytest.raises(ImportFileError):
        run_import(
            kind=ImportKind.STAFF,
            content=_staff_csv(Role.COACH),
            user=staff_user(centre, granter_role),
            organisation=centre,
            commit=True,
        )
