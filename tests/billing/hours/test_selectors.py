"""BIL-02/03 reads: the voucher provider and the hours overview take a fixed number of queries
whatever the number of vouchers and contacts; the sweep settles from the settlement day on."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from koers.billing.jobs.hours import billing_settle_previous_month
from koers.billing.models import HourEntry, Statement, StatementMail
from koers.billing.selectors.hours import coach_hours
from koers.billing.services.hours import hour_mark_entered
from koers.trajectories.billable import billable_hours
from tests.billing.factories import held_contact, open_voucher, rate

TODAY = date(2026, 6, 15)
BRUSSELS = ZoneInfo("Europe/Brussels")


def _queries(read) -> int:
    with CaptureQueriesContext(connection) as ctx:
        read()
    return len(ctx)


def test_bil_02_billable_hours_and_overview_queries_do_not_grow(coach, centre):
    def hours():
        return billable_hours(coach_ids=[coach.pk], since=date(2026, 5, 1), until=TODAY)

    def overview():
        return coach_hours(user=coach, today=TODAY)

    first = open_voucher(coach, centre)
    c = held_contact(first, date(2026, 5, 4))
    hour_mark_entered(contact_id=c.pk, entered_on=date(2026, 5, 5), acting_user=coach, today=TODAY)
    before = (_queries(hours), _queries(overview))
    for _ in range(4):
        voucher = open_voucher(coach, centre)
        for day in (5, 6, 7):
            c = held_contact(voucher, date(2026, 5, day))
            hour_mark_entered(
                contact_id=c.pk, entered_on=date(2026, 5, 8), acting_user=coach, today=TODAY
            )
    assert len(hours()) == 13
    assert (_queries(hours), _queries(overview)) == before


def test_bil_03_sweep_settles_from_the_settlement_day_and_twice_changes_nothing(
    coach, centre, django_capture_on_commit_callbacks, mailoutbox
):
    rate(coach, centre)
    voucher = open_voucher(coach, centre)
    c = held_contact(voucher, date(2026, 5, 4))
    hour_mark_entered(contact_id=c.pk, entered_on=date(2026, 5, 5), acting_user=coach, today=TODAY)
    assert billing_settle_previous_month(datetime(2026, 6, 4, 9, tzinfo=BRUSSELS)) == 0
    assert not Statement.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert billing_settle_previous_month(datetime(2026, 6, 5, 9, tzinfo=BRUSSELS)) == 1
    assert billing_settle_previous_month(datetime(2026, 6, 6, 9, tzinfo=BRUSSELS)) == 1
    assert Statement.objects.count() == 1 and HourEntry.objects.get().settled
    assert StatementMail.objects.get().sent_at is not None
    assert len(mailoutbox) == 1 and "05/2026" in mailoutbox[0].subject
