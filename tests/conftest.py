import pytest
from django.core.cache import cache

from koers.core.models import OrganisationKind, Role
from tests.factories import (
    ClientFactory,
    OrganisationFactory,
    TrajectoryFactory,
    UserFactory,
    staff_user,
)


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()


@pytest.fixture
def centre(db):
    # INT-04: a centre mails its clients from its own address (there is no global fallback).
    return OrganisationFactory(
        name="Loopbaancentrum Horizon",
        kind=OrganisationKind.CAREER_CENTRE,
        email="info@horizon.example.be",
    )


@pytest.fixture
def other_centre(db):
    return OrganisationFactory(name="Loopbaancentrum Elders", kind=OrganisationKind.CAREER_CENTRE)


@pytest.fixture
def coach(centre):
    return staff_user(centre, Role.COACH, username="coach")


@pytest.fixture
def other_coach(centre):
    return staff_user(centre, Role.COACH, username="andere-coach")


@pytest.fixture
def centre_staff(centre):
    return staff_user(centre, Role.CENTRE_STAFF, username="backoffice")


@pytest.fixture
def administrator(centre):
    return staff_user(centre, Role.ADMINISTRATOR, username="beheerder")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def client_record(centre):
    return ClientFactory(organisation=centre, first_name="Ann", last_name="Peeters")


@pytest.fixture
def trajectory(client_record, coach):
    return TrajectoryFactory(
        client=client_record, responsible=coach, organisation=client_record.organisation
    )


@pytest.fixture
def logged_in(client):
    """Log a user into Django's test client: `logged_in(user)` returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def _dutch_by_default():
    """Each test starts in Dutch, whatever language an earlier test activated."""
    from django.utils import translation

    translation.activate("nl-be")
    yield
    translation.activate("nl-be")
