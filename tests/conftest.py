import os
from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from hypothesis import HealthCheck, settings

from koers.core.models import OrganisationKind, Role
from koers.trajectories.rulesets import clear_cache as clear_ruleset_cache
from tests.factories import (
    ClientFactory,
    OrganisationFactory,
    TrajectoryFactory,
    UserFactory,
    staff_user,
)

# CI runs on a busy two-core machine: no per-example deadline, no "too slow" health check, and
# the same examples every run. `HYPOTHESIS_PROFILE=dev` gives the default, randomised search.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True, scope="session")
def _clock_at_koers_test_today():
    """`KOERS_TEST_TODAY=2030-01-01` runs the whole suite as if it were that day (`make test-future`).

    The clock keeps ticking from there; a test that freezes its own clock still wins. This proves that
    no test depends on the real date.
    """
    today = os.environ.get("KOERS_TEST_TODAY")
    if not today:
        yield
        return
    with time_machine.travel(date.fromisoformat(today).isoformat() + "T09:00:00+01:00", tick=True):
        yield


# A day on which the career-voucher rule sets shipped with Koers are in force. Tests that open
# vouchers live on that day (the clock ticks on from there), so they still pass once the last
# shipped rule set has ended (LBC-01: no voucher can be opened without a rule set in force).
VOUCHER_TEST_TODAY = "2026-06-15T10:00:00+02:00"


@pytest.fixture
def voucher_rules_in_force():
    with time_machine.travel(VOUCHER_TEST_TODAY, tick=True):
        yield


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    # Published rule-set versions are remembered per process; each test rolls its rows back.
    clear_ruleset_cache()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "ruleset_cliff: about the end of the shipped voucher rule sets on 2026-12-31"
    )


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


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    """`force_login` skips the login form, and with it the second factor.

    A test that is not about signing in gets a session as after a successful code; the second
    factor itself is tested through the forms (tests/security/test_mfa.py).
    """
    from django.test.client import ClientMixin

    from koers.core import mfa

    original = ClientMixin._login

    def _login(self, user, backend=None):
        original(self, user, backend)
        session = self.session
        session[mfa.SESSION_KEY] = False
        session.save()

    monkeypatch.setattr(ClientMixin, "_login", _login)


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
