"""Billing test data: vouchers with held contacts on given days (hours part)."""

from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from koers.billing.models import CoachRate
from koers.core.models import Client, Organisation, User
from koers.trajectories.models import Contact, ContactForm, ContactOutcome
from koers.vouchers.models import Voucher
from koers.vouchers.services import voucher_open
from tests.factories import ClientFactory


def open_voucher(coach: User, centre: Organisation, client: Client | None = None) -> Voucher:
    client = client or ClientFactory(organisation=centre)
    return voucher_open(
        client=client,
        responsible=coach,
        organisation=centre,
        start_date=date(2026, 3, 2),
        career_question="Ik wil iets anders doen na twintig jaar in de logistiek.",
        acting_user=coach,
    )


def held_contact(voucher: Voucher, day: date, minutes: int = 60, **kwargs) -> Contact:
    """A held individual session (it counts: LBC-02) at 10:00 local time on `day`."""
    return Contact.objects.create(
        trajectory=voucher.trajectory,
        staff=kwargs.pop("staff", voucher.trajectory.responsible),
        starts_at=timezone.make_aware(datetime.combine(day, time(10))),
        duration_minutes=minutes,
        form=kwargs.pop("form", ContactForm.INDIVIDUAL),
        outcome=kwargs.pop("outcome", ContactOutcome.HELD),
        **kwargs,
    )


def rate(coach: User, centre: Organisation, amount: str = "90.00", since=date(2026, 1, 1), **kw):
    return CoachRate.objects.create(
        coach=coach,
        centre=centre,
        rate=Decimal(amount),
        valid_from=since,
        set_by=kw.pop("set_by", coach),
        **kw,
    )
