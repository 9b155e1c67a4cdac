"""BIL-02/03/04 pages: the coach's hours, statements, rates; access, 422 with input kept, and a
constant number of queries as the data grows."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from koers.billing.models import CoachRate, HourEntry, Statement, StatementCorrection
from koers.billing.rules.periods import Month
from koers.billing.services.hours import hour_mark_entered, statement_settle
from tests.billing.factories import held_contact, open_voucher, rate


@pytest.fixture
def voucher(coach, centre):
    return open_voucher(coach, centre)


@pytest.fixture(autouse=True)
def june():
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


TODAY = date(2026, 6, 15)


def _settled(voucher, coach, centre, centre_staff, days=(4,)):
    rate(coach, centre)
    for day in days:
        c = held_contact(voucher, date(2026, 5, day))
        hour_mark_entered(
            contact_id=c.pk, entered_on=date(2026, 5, 20), acting_user=coach, today=TODAY
        )
    [statement] = statement_settle(
        centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY
    )
    return statement


def test_bil_02_hours_page_shows_what_to_enter_and_when_paid(voucher, coach, logged_in):
    held_contact(voucher, date(2026, 5, 4))
    page = logged_in(coach).get(reverse("billing_hours"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Nog in te geven bij VDAB" in text and voucher.client.full_name in text
    assert "uitbetaald begin 07/2026" in text  # entered today (before 27/06): paid early July


def test_bil_02_deadline_warning_on_the_hours_page(voucher, coach, logged_in):
    held_contact(voucher, date(2026, 6, 1))
    with time_machine.travel("2026-06-24T10:00:00+02:00", tick=False):
        text = logged_in(coach).get(reverse("billing_hours")).content.decode()
    assert "vóór de deadline van 27/06/2026" in text


def test_bil_02_mark_one_from_the_page_and_422_keeps_the_input(voucher, coach, logged_in):
    contact = held_contact(voucher, date(2026, 5, 4))
    client = logged_in(coach)
    url = reverse("billing_hour_entered", args=[contact.pk])
    bad = client.post(url, {"entered_on": "01/07/2026"})
    assert bad.status_code == 422
    assert 'value="01/07/2026"' in bad.content.decode() and "toekomst" in bad.content.decode()
    assert client.post(url, {"entered_on": "10/05/2026"}).status_code == 302
    assert HourEntry.objects.get().entered_on == date(2026, 5, 10)


def test_bil_02_mark_all_of_a_month_and_unmark_from_the_page(voucher, coach, logged_in):
    a = held_contact(voucher, date(2026, 5, 4))
    held_contact(voucher, date(2026, 5, 5))
    client = logged_in(coach)
    done = client.post(
        reverse("billing_hours_month"), {"month": "2026-05", "entered_on": "20/05/2026"}
    )
    assert done.status_code == 302 and HourEntry.objects.count() == 2
    client.post(reverse("billing_hour_unmark", args=[a.pk]))
    assert HourEntry.objects.count() == 1


def test_bil_02_another_coach_cannot_mark_or_unmark(voucher, coach, other_coach, logged_in):
    contact = held_contact(voucher, date(2026, 5, 4))
    client = logged_in(other_coach)
    assert (
        client.post(
            reverse("billing_hour_entered", args=[contact.pk]), {"entered_on": "10/05/2026"}
        ).status_code
        == 404
    )
    hour_mark_entered(
        contact_id=contact.pk, entered_on=date(2026, 5, 10), acting_user=coach, today=TODAY
    )
    assert client.post(reverse("billing_hour_unmark", args=[contact.pk])).status_code == 404
    assert HourEntry.objects.count() == 1


def test_bil_03_staff_settle_from_the_page_and_the_coach_sees_only_own(
    voucher, coach, other_coach, centre, centre_staff, logged_in, client
):
    rate(coach, centre)
    c = held_contact(voucher, date(2026, 5, 4))
    hour_mark_entered(contact_id=c.pk, entered_on=date(2026, 5, 20), acting_user=coach, today=TODAY)
    staff = logged_in(centre_staff)
    page = staff.get(reverse("billing_statements"))
    assert "Afrekenen" in page.content.decode()
    early = staff.post(reverse("billing_settle"), {"centre": centre.pk, "month": "2026-06"})
    assert early.status_code == 422 and "nog niet voorbij" in early.content.decode()
    assert 'value="2026-06"' in early.content.decode()
    assert (
        staff.post(reverse("billing_settle"), {"centre": centre.pk, "month": "2026-05"}).status_code
        == 302
    )
    statement = Statement.objects.get()
    assert (
        logged_in(coach).get(reverse("billing_statement", args=[statement.pk])).status_code == 200
    )
    client.logout()
    other = logged_in(other_coach)
    assert other.get(reverse("billing_statement", args=[statement.pk])).status_code == 404
    assert statement.label not in other.get(reverse("billing_statements")).content.decode()
    assert (
        other.post(reverse("billing_settle"), {"centre": centre.pk, "month": "2026-05"}).status_code
        == 422
    )


def test_bil_03_correction_from_the_page(voucher, coach, centre, centre_staff, logged_in):
    statement = _settled(voucher, coach, centre, centre_staff)
    line = statement.lines.get()
    staff = logged_in(centre_staff)
    url = reverse("billing_statement_correct", args=[statement.pk])
    bad = staff.post(url, {"line": line.pk, "minutes": 20, "note": "Verkeerd"})
    assert bad.status_code == 422 and "Verkeerd" in bad.content.decode()
    assert staff.post(url, {"line": line.pk, "minutes": 30, "note": "Vergeten"}).status_code == 302
    page = staff.get(reverse("billing_statement", args=[statement.pk])).content.decode()
    assert "Vergeten" in page and "135.00" in page.replace(",", ".")
    assert StatementCorrection.objects.count() == 1


def test_bil_03_coach_cannot_correct(voucher, coach, other_coach, centre, centre_staff, logged_in):
    statement = _settled(voucher, coach, centre, centre_staff)
    line = statement.lines.get()
    url = reverse("billing_statement_correct", args=[statement.pk])
    assert (
        logged_in(other_coach).post(url, {"line": line.pk, "minutes": 30, "note": "x"}).status_code
        == 404
    )
    assert not StatementCorrection.objects.exists()


def test_bil_04_rates_page_for_staff(coach, centre, centre_staff, logged_in):
    staff = logged_in(centre_staff)
    assert staff.get(reverse("billing_rates")).status_code == 200
    body = {"centre": centre.pk, "coach": coach.pk, "rate": "110.00", "valid_from": "01/01/2026"}
    assert staff.post(reverse("billing_rates"), body).status_code == 302
    bad = staff.post(
        reverse("billing_rates"), {**body, "valid_from": "01/02/2026", "valid_until": "01/01/2026"}
    )
    assert bad.status_code == 422 and 'value="01/02/2026"' in bad.content.decode()
    assert CoachRate.objects.count() == 1


def test_bil_03_pages_query_count_is_constant(
    voucher, coach, centre, centre_staff, logged_in, django_assert_max_num_queries
):
    statement = _settled(voucher, coach, centre, centre_staff, days=(4,))
    coach_client = logged_in(coach)

    def count(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert coach_client.get(url).status_code == 200
        return len(ctx)

    urls = [
        reverse("billing_hours"),
        reverse("billing_statements"),
        reverse("billing_statement", args=[statement.pk]),
        reverse("billing_rates"),
    ]
    before = [count(u) for u in urls]
    more = open_voucher(coach, centre)
    for day in (5, 6, 7):
        held_contact(voucher, date(2026, 6, day))
        held_contact(more, date(2026, 6, day))
    for day in (11, 12):
        c = held_contact(more, date(2026, 5, day))
        hour_mark_entered(
            contact_id=c.pk, entered_on=date(2026, 5, 20), acting_user=coach, today=TODAY
        )
    statement.corrections.create(
        client_name="x",
        voucher="1",
        rate=90,
        minutes=30,
        amount=45,
        note="n",
        created_by=centre_staff,
    )
    after = [count(u) for u in urls]
    assert after == before
