from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from koers.core.models import OrganisationKind, Role
from koers.mediation import services
from koers.mediation.services import AppointmentData, ReferralData
from tests.factories import ClientFactory, OrganisationFactory, staff_user


def at(days_ago: int, hour: int = 10) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


@pytest.fixture
def partner(db):
    return OrganisationFactory(
        name="Partner Vlaams-Brabant",
        working_name="Werkkracht",
        kind=OrganisationKind.MEDIATION_PARTNER,
        email="info@werkkracht.example",
    )


@pytest.fixture
def other_partner(db):
    return OrganisationFactory(name="Andere partner", kind=OrganisationKind.MEDIATION_PARTNER)


@pytest.fixture
def mediator(partner):
    return staff_user(partner, Role.MEDIATOR, username="edu", first_name="Edu", last_name="Vlbr06")


@pytest.fixture
def other_mediator(partner):
    return staff_user(partner, Role.MEDIATOR, username="andere-bemiddelaar")


@pytest.fixture
def partner_staff(partner):
    return staff_user(partner, Role.CENTRE_STAFF, username="partner-staff")


@pytest.fixture
def referral():
    def _make(tender="TIBB4", days_ago=120):
        return ReferralData(
            tender=tender,
            lot="Perceel 3 Leuven",
            vdab_mediator_name="Vera VDAB",
            vdab_mediator_email="vera@vdab.example",
            referral_date=timezone.localdate() - timedelta(days=days_ago),
            work_points=["Zoektocht naar werk", "Kinderopvang"],
            thresholds=["Mobiliteit"],
        )

    return _make


@pytest.fixture
def service(partner, mediator, referral):
    client = ClientFactory(
        organisation=partner,
        first_name="Nora",
        last_name="Claes",
        street="Stationstraat 15",
        postal_code="1861",
        city="Wolvertem",
    )
    return services.mediation_refer(
        client=client,
        responsible=mediator,
        organisation=partner,
        data=referral(),
        first_appointment=AppointmentData(
            starts_at=at(110), place="Stationstraat 15 1861 WOLVERTEM"
        ),
        acting_user=mediator,
    )


def plan(service, mediator, days_ago, hour=10, **kw):
    return services.first_appointment_plan(
        service=service,
        data=AppointmentData(starts_at=at(days_ago, hour), place="Kantoor", **kw),
        acting_user=mediator,
        now=timezone.now(),
    )


def record(service, mediator, present=True, reason=""):
    appointment = services.pending_appointment(service)
    return services.first_appointment_record(
        appointment=appointment,
        present=present,
        reason=reason,
        acting_user=mediator,
        now=timezone.now(),
    )
