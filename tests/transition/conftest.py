"""Shared set-up for the transition (TRN) tests: a social-economy company, its job coaches, and
a worker's transition file opened on a frozen day."""

from datetime import date

import pytest
import time_machine

from koers.core.models import OrganisationKind, Role
from koers.transition import services
from tests.factories import ClientFactory, OrganisationFactory, staff_user

# Every transition test runs on this day unless it freezes its own (no test reads the real date).
TRN_TODAY = date(2026, 10, 5)


@pytest.fixture(autouse=True)
def _transition_day():
    with time_machine.travel("2026-10-05T10:00:00+02:00", tick=True):
        yield


@pytest.fixture
def company(db):
    return OrganisationFactory(
        name="Maatwerkbedrijf De Sprong", kind=OrganisationKind.SOCIAL_ECONOMY
    )


@pytest.fixture
def other_company(db):
    return OrganisationFactory(name="Maatwerkbedrijf Elders", kind=OrganisationKind.SOCIAL_ECONOMY)


@pytest.fixture
def job_coach(company):
    return staff_user(
        company, Role.JOB_COACH, username="rudi", first_name="Rudi", last_name="Dewaele"
    )


@pytest.fixture
def second_job_coach(company):
    return staff_user(
        company, Role.JOB_COACH, username="sara", first_name="Sara", last_name="Claes"
    )


@pytest.fixture
def outside_job_coach(other_company):
    return staff_user(other_company, Role.JOB_COACH, username="elders")


@pytest.fixture
def company_staff(company):
    return staff_user(company, Role.CENTRE_STAFF, username="kantoor")


@pytest.fixture
def worker(company):
    return ClientFactory(organisation=company, first_name="Karim", last_name="Benali")


def open_file(worker, job_coach, company, **proposal):
    proposal.setdefault("referred_on", TRN_TODAY)
    return services.file_open(
        client=worker,
        responsible=job_coach,
        organisation=company,
        proposal=services.Proposal(**proposal),
        acting_user=job_coach,
    )


@pytest.fixture
def transition_file(worker, job_coach, company):
    return open_file(
        worker,
        job_coach,
        company,
        proposed_by="supervisor",
        why="Werkt zelfstandig",
        job_target="Magazijnmedewerker",
    )
