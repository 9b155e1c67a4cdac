"""BIL-02/03: the statement list (centre staff) and a coach's hours page take the same number of
queries whatever the number of coaches, statements, hours and aftercare (two sizes, one count).
The timings at scale are in `benchmarks/bench_settlement.py`."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.billing.rules.periods import Month
from koers.billing.services.aftercare import aftercare_mark_entered
from koers.billing.services.hours import hour_mark_entered, statement_settle
from koers.core.models import Role
from koers.vouchers.models import AftercareEntry
from tests.billing.factories import held_contact, open_voucher, rate
from tests.factories import staff_user

TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def june():
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


def _grow(centre, centre_staff, coaches, vouchers, first):
    """`coaches` more coaches (from number `first`), each with `vouchers` vouchers: hours in
    March to May entered at VDAB, one aftercare conversation entered; March to May settled."""
    team = []
    for n in range(first, first + coaches):
        coach = staff_user(centre, Role.COACH, username=f"coach-q{n}")
        rate(coach, centre)
        for _ in range(vouchers):
            voucher = open_voucher(coach, centre)
            for month in (3, 4, 5):
                contact = held_contact(voucher, date(2026, month, 10), 60)
                hour_mark_entered(
                    contact_id=contact.pk,
                    entered_on=date(2026, month, 11),
                    acting_user=coach,
                    today=TODAY,
                )
            held_contact(voucher, date(2026, 6, 2), 30)  # still to enter
            after = AftercareEntry.objects.create(
                voucher=voucher, on=date(2026, 6, 3), minutes=30, form="phone", recorded_by=coach
            )
            aftercare_mark_entered(
                aftercare_id=after.pk, entered_on=TODAY, acting_user=coach, today=TODAY
            )
        team.append(coach)
    for month in (3, 4, 5):
        statement_settle(
            centre=centre, month=Month(2026, month), acting_user=centre_staff, today=TODAY
        )
    return team


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_bil_03_statement_list_and_hours_page_queries_do_not_grow(centre, centre_staff):
    [coach] = _grow(centre, centre_staff, coaches=1, vouchers=1, first=0)
    staff, own = Client(), Client()
    staff.force_login(centre_staff)
    own.force_login(coach)
    pages = [(staff, reverse("billing_statements")), (own, reverse("billing_hours"))]
    small = [_queries(c, url) for c, url in pages]
    _grow(centre, centre_staff, coaches=4, vouchers=1, first=1)  # 15 statements in all
    for _ in range(2):  # the first coach: two more vouchers, more hours and aftercare
        voucher = open_voucher(coach, centre)
        held_contact(voucher, date(2026, 6, 4), 60)
        AftercareEntry.objects.create(
            voucher=voucher, on=date(2026, 6, 5), minutes=30, form="email", recorded_by=coach
        )
    large = [_queries(c, url) for c, url in pages]
    assert large == small
