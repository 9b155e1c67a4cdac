"""Which programmes a role may open follows from the organisation's mandate: a career centre opens
vouchers, a mediation partner mediation, a social-economy company transition; within it centre
staff, administrators and the programme's own guide (coach, mediator, job coach). Checked in the
service (`trajectory_open`, `voucher_open`), so pages and API give the same answer."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.core.models import OrganisationKind, Role
from koers.trajectories.models import Programme, Trajectory
from koers.trajectories.services import programme_open
from tests.api.conftest import Api
from tests.factories import ClientFactory, OrganisationFactory, TrajectoryFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_the_rule_sets(time_machine):
    """Inside the rule sets of every programme, whatever day the suite runs."""
    time_machine.move_to(datetime(2026, 3, 2, 10, 0, tzinfo=UTC), tick=False)


START = date(2026, 3, 2)
MANDATE = {
    OrganisationKind.CAREER_CENTRE: Programme.VOUCHER,
    OrganisationKind.MEDIATION_PARTNER: Programme.MEDIATION,
    OrganisationKind.SOCIAL_ECONOMY: Programme.TRANSITION,
}
GUIDE = {
    Programme.VOUCHER: Role.COACH,
    Programme.MEDIATION: Role.MEDIATOR,
    Programme.TRANSITION: Role.JOB_COACH,
}


def _may(role, programme, kind) -> bool:
    return MANDATE.get(kind) == programme and role in {
        Role.ADMINISTRATOR,
        Role.CENTRE_STAFF,
        GUIDE[programme],
    }


@pytest.mark.parametrize("kind", list(OrganisationKind.values))
@pytest.mark.parametrize("programme", list(Programme.values))
@pytest.mark.parametrize("role", list(Role.values))
def test_service_every_role_programme_and_organisation_kind(role, programme, kind):
    organisation = OrganisationFactory(kind=kind)
    user = staff_user(organisation, role)
    guide = staff_user(organisation, GUIDE[programme])
    client = ClientFactory(organisation=organisation)
    open_it = lambda: programme_open(  # noqa: E731
        client=client,
        programme=programme,
        responsible=user if role == GUIDE[programme] else guide,
        organisation=organisation,
        start_date=START,
        acting_user=user,
    )
    if _may(role, programme, kind):
        assert open_it().programme == programme
    else:
        with pytest.raises(ValidationError) as exc:
            open_it()
        assert exc.value.message_dict["programme"]
        assert not Trajectory.objects.exists()


def test_a_mediator_opens_no_voucher_through_the_voucher_service():
    from koers.vouchers.services import voucher_open

    partner = OrganisationFactory(kind=OrganisationKind.MEDIATION_PARTNER)
    mediator = staff_user(partner, Role.MEDIATOR)
    with pytest.raises(ValidationError, match="buiten haar opdracht"):
        voucher_open(
            client=ClientFactory(organisation=partner),
            responsible=mediator,
            organisation=partner,
            start_date=START,
            acting_user=mediator,
        )
    assert not Trajectory.objects.exists()


def _world(kind, role):
    organisation = OrganisationFactory(kind=kind)
    user = staff_user(organisation, role)
    client = ClientFactory(organisation=organisation, first_name="Nora", last_name="Claes")
    if role in (Role.COACH, Role.MEDIATOR, Role.JOB_COACH):  # guides see clients of their own
        TrajectoryFactory(
            client=client,
            organisation=organisation,
            responsible=user,
            programme=MANDATE.get(kind, Programme.TRANSITION),
        )
    return organisation, user, client


@pytest.mark.parametrize("kind", list(MANDATE))
@pytest.mark.parametrize("role", list(Role.values))
def test_pages_offer_and_open_a_voucher_only_where_allowed(logged_in, kind, role):
    organisation, user, client = _world(kind, role)
    coach = staff_user(organisation, Role.COACH)  # whom centre staff make responsible
    web = logged_in(user)
    allowed = _may(role, Programme.VOUCHER, kind)
    detail = web.get(reverse("client_detail", args=[client.pk])).content.decode()
    assert (reverse("voucher_create") in detail) == allowed
    response = web.get(reverse("voucher_create") + f"?client={client.pk}")
    assert response.status_code == (200 if allowed else 403)
    posted = web.post(
        reverse("voucher_create") + f"?client={client.pk}",
        {"start_date": "02/03/2026", "responsible": coach.pk},
    )
    assert (posted.status_code == 302) == allowed
    assert client.vouchers.exists() == allowed


@pytest.mark.parametrize("kind", list(MANDATE))
@pytest.mark.parametrize("role", list(Role.values))
def test_the_new_trajectory_page_offers_only_the_allowed_programmes(logged_in, kind, role):
    _organisation, user, client = _world(kind, role)
    page = logged_in(user).get(reverse("trajectory_create") + f"?client={client.pk}")
    html = page.content.decode()
    for programme in Programme.values:
        assert (f'value="{programme}"' in html) == _may(role, programme, kind), programme


def test_a_mediator_posting_a_voucher_on_the_trajectory_page_is_refused(logged_in):
    _organisation, mediator, client = _world(OrganisationKind.MEDIATION_PARTNER, Role.MEDIATOR)
    response = logged_in(mediator).post(
        reverse("trajectory_create") + f"?client={client.pk}",
        {"programme": "voucher", "start_date": "02/03/2026"},
    )
    assert response.status_code == 200
    assert not client.vouchers.exists()


@pytest.mark.parametrize("kind", list(MANDATE))
@pytest.mark.parametrize("programme", list(Programme.values))
@pytest.mark.parametrize("role", list(Role.values))
def test_api_every_role_and_programme(kind, programme, role):
    organisation, user, client = _world(kind, role)
    body = {"client_id": client.pk, "programme": programme, "organisation_id": organisation.pk}
    if role != GUIDE[programme]:
        body["responsible_id"] = staff_user(organisation, GUIDE[programme]).pk
    before = Trajectory.objects.count()
    response = Api(user).post("/trajectories", body)
    if _may(role, programme, kind):
        assert response.status_code == 201, response.json()
    else:
        assert response.status_code == 422, response.json()
        assert {e["field"] for e in response.json()["errors"]} == {"programme"}
        assert Trajectory.objects.count() == before


def test_api_refuses_a_voucher_to_a_mediator():
    _organisation, mediator, client = _world(OrganisationKind.MEDIATION_PARTNER, Role.MEDIATOR)
    response = Api(mediator).post("/vouchers", {"client_id": client.pk})
    assert response.status_code == 422
    assert "buiten haar opdracht" in response.json()["errors"][0]["message"]
    assert not client.vouchers.exists()


def test_the_client_page_says_why_no_further_voucher_instead_of_a_dead_end(logged_in):
    """Issue 10: "+ Loopbaancheque" stayed after the allowed number was used."""
    from koers.vouchers.services import voucher_open

    _organisation, coach, client = _world(OrganisationKind.CAREER_CENTRE, Role.COACH)
    voucher_open(
        client=client,
        responsible=coach,
        organisation=client.organisation,
        start_date=START,
        acting_user=coach,
    )
    page = logged_in(coach).get(reverse("client_detail", args=[client.pk])).content.decode()
    assert reverse("voucher_create") not in page
    assert "Geen nieuwe loopbaancheque:" in page
    assert "al een loopbaancheque gebruikt; het maximum is 1" in page
