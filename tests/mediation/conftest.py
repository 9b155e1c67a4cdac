from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from koers.core.models import OrganisationKind, Role
from koers.mediation import selectors, services
from koers.mediation.services import AppointmentData, ReferralData
from tests.factories import ClientFactory, OrganisationFactory, staff_user


def at(days_ago: int, hour: int = 10) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def confirm_settings(organisation, maximum_months=12, codes=("50", "51", "52", "53")):
    """MED-12: the partner's administrator confirmed the maximum duration and passive codes."""
    from koers.mediation.models import TenderSetting
    from koers.mediation.selectors import CONFIGURABLE_TENDERS

    for tender in CONFIGURABLE_TENDERS:
        TenderSetting.objects.update_or_create(
            organisation=organisation,
            tender=tender,
            defaults={
                "maximum_months": maximum_months,
                "passive_codes": list(codes),
                "confirmed_at": timezone.now(),
            },
        )


@pytest.fixture
def partner(db):
    """A partner whose administrator confirmed the MED-12 settings (the usual case)."""
    organisation = OrganisationFactory(
        name="Partner Vlaams-Brabant",
        working_name="Werkkracht",
        kind=OrganisationKind.MEDIATION_PARTNER,
        email="info@werkkracht.example",
    )
    confirm_settings(organisation)
    return organisation


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
    appointment = selectors.pending_appointment(service)
    return services.first_appointment_record(
        appointment=appointment,
        present=present,
        reason=reason,
        acting_user=mediator,
        now=timezone.now(),
    )


def send_registered_letter(appointment, days_before=3):
    """MED-03: the registered invitation left by letter `days_before` the appointment (as
    `pdfs.invitation_send` stores it, without rendering the PDF)."""
    from koers.trajectories.models import Document, DocumentKind, DocumentStatus

    service = appointment.service
    document = Document.objects.create(
        trajectory=service.trajectory,
        kind=DocumentKind.CORRESPONDENCE,
        title=f"Uitnodiging eerste afspraak {appointment.number} (brief)",
        status=DocumentStatus.GENERATED,
        contact=appointment.contact,
    )
    Document.objects.filter(pk=document.pk).update(
        created_at=appointment.contact.starts_at - timedelta(days=days_before)
    )
    appointment.letter_document = Document.objects.get(pk=document.pk)
    appointment.save(update_fields=["letter_document"])
    return appointment
