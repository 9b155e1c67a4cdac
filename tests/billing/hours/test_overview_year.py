"""BIL-02 hours overview (issue 14: bounded work per request): an hour's entry is found through
its contact's day, whatever day the entry itself noted; local midnight bounds the days; the page
fills in today's date in every form; the months to mark are newest first."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.billing.rules.periods import Month
from koers.billing.selectors.hours import coach_hours, hour_rows
from koers.billing.services.hours import hour_mark_entered
from tests.billing.factories import held_contact, open_voucher

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def june():
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


@pytest.fixture
def voucher(coach, centre):
    return open_voucher(coach, centre)


def _mark(contact, coach, entered_on=date(2026, 5, 20)):
    hour_mark_entered(contact_id=contact.pk, entered_on=entered_on, acting_user=coach, today=TODAY)


def test_an_entered_hour_moved_to_another_day_stays_entered(voucher, coach):
    contact = held_contact(voucher, date(2026, 5, 4))
    _mark(contact, coach)
    contact.starts_at = timezone.make_aware(datetime.combine(date(2026, 5, 11), time(10)))
    contact.save()
    overview = coach_hours(user=coach, today=TODAY)
    assert [r.hour.contact_id for r in overview.entered] == [contact.pk]
    assert [r.entry.entered_on for r in overview.entered] == [date(2026, 5, 20)]
    assert overview.to_enter.paginator.count == 0


def test_hours_just_after_and_before_local_midnight_belong_to_that_day(voucher, coach):
    day = date(2026, 5, 4)
    contacts = []
    for at in (time(0, 30), time(23, 0)):  # 22:30 and 21:00 UTC: the day before, the same day
        contact = held_contact(voucher, day, minutes=30)
        contact.starts_at = timezone.make_aware(datetime.combine(day, at))
        contact.save()
        _mark(contact, coach)
        contacts.append(contact.pk)
    rows = hour_rows(user=coach, today=TODAY, contact_ids=contacts, since=day, until=day)
    assert sorted(r.hour.contact_id for r in rows) == sorted(contacts)
    assert {r.entry.entered_on for r in rows} == {date(2026, 5, 20)}
    assert not any(r.to_enter for r in rows)


def test_the_months_to_mark_are_newest_first_and_only_with_hours_waiting(voucher, coach):
    held_contact(voucher, date(2026, 3, 9))
    held_contact(voucher, date(2026, 5, 4))
    _mark(held_contact(voucher, date(2026, 4, 6)), coach)
    overview = coach_hours(user=coach, today=TODAY)
    assert overview.months_to_enter == [Month(2026, 5), Month(2026, 3)]


def test_every_form_of_the_hours_page_has_todays_date(voucher, coach, logged_in):
    held_contact(voucher, date(2026, 5, 4))
    held_contact(voucher, date(2026, 5, 5))
    text = logged_in(coach).get(reverse("billing_hours")).content.decode()
    assert text.count('value="15/06/2026"') == 3  # two hours and their month
    assert f'action="{reverse("billing_hours_month")}"' in text
