"""A person with data in several apps, and two administrators (the four eyes)."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from koers.core.models import Client, Role
from koers.intake.models import CallOutcome, Lead
from koers.trajectories.models import Contact, Document
from koers.vouchers.models import Voucher
from koers.vouchers.services import voucher_open
from tests.factories import ContactFactory, DocumentFactory, staff_user

NATIONAL_NUMBER = "85073003328"


@dataclass
class Person:
    client: Client
    voucher: Voucher
    contact: Contact
    document: Document
    lead: Lead
    call: CallOutcome


@pytest.fixture
def second_administrator(centre):
    return staff_user(centre, Role.ADMINISTRATOR)


def make_lead(centre, *, client=None, first_name="Nora", created_days_ago=0) -> Lead:
    now = timezone.now()
    lead = Lead.objects.create(
        organisation=centre,
        first_name=first_name,
        last_name="Peeters",
        email="nora.peeters@example.org",
        phone="+32470123456",
        career_question="Ik wil na twintig jaar in de zorg iets anders.",
        arrived_at=now,
        clock_started_at=now,
        client=client,
    )
    if created_days_ago:
        Lead.objects.filter(pk=lead.pk).update(created_at=now - timedelta(days=created_days_ago))
    return lead


@pytest.fixture
def person(client_record, coach, centre, voucher_rules_in_force) -> Person:
    """A client with a national number, a voucher, a contact report, an uploaded document and
    the lead they came from (with a call): every one with its history rows."""
    client = client_record
    client.first_name, client.last_name = "Nora", "Peeters"
    client.phone, client.street, client.city = "+32470123456", "Kerkstraat 1", "Gent"
    client.set_national_number(NATIONAL_NUMBER)
    client.save()
    voucher = voucher_open(
        client=client,
        responsible=coach,
        organisation=centre,
        start_date=timezone.localdate() - timedelta(days=30),
        career_question="Ik wil na twintig jaar in de zorg iets anders.",
        acting_user=coach,
    )
    contact = ContactFactory(
        trajectory=voucher.trajectory, notes="Nora vertelde over haar burn-out."
    )
    contact.notes = "Nora vertelde over haar burn-out en haar scheiding."
    contact.save()
    document = DocumentFactory(
        trajectory=voucher.trajectory,
        title="CV Nora Peeters",
        file=SimpleUploadedFile("cv-nora.pdf", b"%PDF-1.4 Nora Peeters"),
        original_filename="cv-nora.pdf",
    )
    lead = make_lead(centre, client=client)
    call = CallOutcome.objects.create(
        lead=lead,
        kind="no_match",
        note="Nora belt terug.",
        called_at=timezone.now(),
        recorded_by=coach,
    )
    return Person(client, voucher, contact, document, lead, call)
