"""BIL-02 and BIL-03 services: marking hours at VDAB, rates, settlement, corrections, the mail."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from koers.billing.models import HourEntry, Statement, StatementHour, StatementMail
from koers.billing.rules.periods import Month
from koers.billing.services.hours import (
    coach_rate_set,
    hour_mark_entered,
    hour_unmark,
    hours_mark_month_entered,
    statement_correct,
    statement_mail_send,
    statement_settle,
)
from koers.trajectories.billable import billable_hours
from koers.trajectories.models import ContactForm, ContactOutcome
from tests.billing.factories import held_contact, open_voucher, rate
from tests.billing.mail_backends import DOWN, LOCMEM

TODAY = date(2026, 6, 15)
MAY = Month(2026, 5)


@pytest.fixture
def voucher(coach, centre):
    return open_voucher(coach, centre)


def test_bil_02_billable_hours_are_the_counted_minutes_of_held_contacts(voucher, coach):
    counted = held_contact(voucher, date(2026, 5, 4), 90)
    held_contact(voucher, date(2026, 5, 5), 60, form=ContactForm.PHONE)  # LBC-07: never counts
    held_contact(voucher, date(2026, 5, 6), 60, outcome=ContactOutcome.ABSENT)
    hours = billable_hours(coach_ids=[coach.pk], since=date(2026, 5, 1), until=date(2026, 5, 31))
    assert [(h.contact_id, h.minutes, h.voucher) for h in hours] == [(counted.pk, 90, "1")]
    assert hours[0].client_name == voucher.client.full_name


def test_bil_02_billable_hours_follow_the_judged_replay_caps(voucher, coach):
    # LBC-02: 4 hours per voucher. 3 × 90 minutes: the third counts only 60.
    for day in (4, 5, 6):
        held_contact(voucher, date(2026, 5, day), 90)
    hours = billable_hours(coach_ids=[coach.pk], since=date(2026, 5, 6), until=date(2026, 5, 6))
    assert [h.minutes for h in hours] == [60]


def test_bil_02_mark_one_hour_entered(voucher, coach):
    contact = held_contact(voucher, date(2026, 5, 4))
    entry = hour_mark_entered(
        contact_id=contact.pk, entered_on=date(2026, 5, 10), acting_user=coach, today=TODAY
    )
    assert (entry.day, entry.entered_on, entry.coach) == (
        date(2026, 5, 4),
        date(2026, 5, 10),
        coach,
    )


@pytest.mark.parametrize(
    ("entered_on", "words"), [(date(2026, 6, 16), "toekomst"), (date(2026, 5, 3), "eerder")]
)
def test_bil_02_entry_in_the_future_or_before_the_hour_is_refused(
    voucher, coach, entered_on, words
):
    contact = held_contact(voucher, date(2026, 5, 4))
    with pytest.raises(ValidationError) as exc:
        hour_mark_entered(
            contact_id=contact.pk, entered_on=entered_on, acting_user=coach, today=TODAY
        )
    assert words in str(exc.value.message_dict["entered_on"]) and "BIL-02" in str(exc.value)
    assert not HourEntry.objects.exists()


def test_bil_02_an_hour_is_entered_once(voucher, coach):
    contact = held_contact(voucher, date(2026, 5, 4))
    kwargs = {
        "contact_id": contact.pk,
        "entered_on": date(2026, 5, 10),
        "acting_user": coach,
        "today": TODAY,
    }
    hour_mark_entered(**kwargs)
    with pytest.raises(ValidationError, match="al op 10/05/2026"):
        hour_mark_entered(**kwargs)


def test_bil_02_another_coach_cannot_mark_the_hour(voucher, other_coach):
    contact = held_contact(voucher, date(2026, 5, 4))
    with pytest.raises(Http404):
        hour_mark_entered(
            contact_id=contact.pk, entered_on=TODAY, acting_user=other_coach, today=TODAY
        )


def test_bil_02_mark_all_of_a_month(voucher, coach):
    a = held_contact(voucher, date(2026, 5, 4))
    held_contact(voucher, date(2026, 5, 5))
    held_contact(voucher, date(2026, 4, 28))  # another month: not marked
    hour_mark_entered(contact_id=a.pk, entered_on=date(2026, 5, 6), acting_user=coach, today=TODAY)
    entries = hours_mark_month_entered(
        month=MAY, entered_on=date(2026, 5, 20), acting_user=coach, today=TODAY
    )
    assert [e.day for e in entries] == [date(2026, 5, 5)]
    assert HourEntry.objects.count() == 2


def test_bil_02_mark_all_refuses_all_when_one_hour_is_after_the_date(voucher, coach):
    held_contact(voucher, date(2026, 5, 4))
    held_contact(voucher, date(2026, 5, 25))
    with pytest.raises(ValidationError):
        hours_mark_month_entered(
            month=MAY, entered_on=date(2026, 5, 10), acting_user=coach, today=TODAY
        )
    assert not HourEntry.objects.exists()  # nothing half-saved


def _entered(voucher, coach, day, entered_on, minutes=60):
    contact = held_contact(voucher, day, minutes)
    hour_mark_entered(contact_id=contact.pk, entered_on=entered_on, acting_user=coach, today=TODAY)
    return contact


def test_bil_02_unmark_only_while_not_settled(voucher, coach, centre, centre_staff):
    rate(coach, centre)
    a = _entered(voucher, coach, date(2026, 5, 4), date(2026, 5, 10))
    b = _entered(voucher, coach, date(2026, 5, 5), date(2026, 6, 1))  # after May's deadline
    statement_settle(centre=centre, month=MAY, acting_user=centre_staff, today=TODAY)
    hour_unmark(contact_id=b.pk, acting_user=coach)
    assert not HourEntry.objects.filter(contact=b).exists()
    with pytest.raises(ValidationError, match="05/2026"):
        hour_unmark(contact_id=a.pk, acting_user=coach)
    assert HourEntry.objects.filter(contact=a).exists()


def test_bil_04_coach_rate_from_the_allowed_list(coach, centre, centre_staff):
    with pytest.raises(ValidationError) as exc:
        coach_rate_set(
            centre=centre,
            coach_id=coach.pk,
            rate=Decimal("100.00"),
            valid_from=date(2026, 1, 1),
            acting_user=centre_staff,
        )
    assert "niet toegelaten" in str(exc.value.message_dict["rate"])
    made = coach_rate_set(
        centre=centre,
        coach_id=coach.pk,
        rate=Decimal("110.00"),
        valid_from=date(2026, 1, 1),
        acting_user=centre_staff,
    )
    assert made.rate == Decimal("110.00")


def test_bil_04_a_new_rate_ends_the_open_one_and_overlap_is_refused(coach, centre, centre_staff):
    def set_rate(amount, since, until=None):
        return coach_rate_set(
            centre=centre,
            coach_id=coach.pk,
            rate=Decimal(amount),
            valid_from=since,
            valid_until=until,
            acting_user=centre_staff,
        )

    first = set_rate("90.00", date(2026, 1, 1))
    set_rate("110.00", date(2026, 4, 1))
    first.refresh_from_db()
    assert first.valid_until == date(2026, 3, 31)
    with pytest.raises(ValidationError, match="tegelijk"):
        set_rate("90.00", date(2026, 2, 1), date(2026, 2, 28))


def test_bil_04_only_centre_staff_set_rates(coach, centre):
    with pytest.raises(PermissionDenied):
        coach_rate_set(
            centre=centre,
            coach_id=coach.pk,
            rate=Decimal("90.00"),
            valid_from=date(2026, 1, 1),
            acting_user=coach,
        )


def test_bil_03_settle_per_client_voucher_and_rate(voucher, coach, centre, centre_staff):
    rate(coach, centre, "90.00", date(2026, 1, 1), valid_until=date(2026, 5, 4))
    rate(coach, centre, "110.00", date(2026, 5, 5))
    _entered(voucher, coach, date(2026, 5, 4), date(2026, 5, 10), 90)
    _entered(voucher, coach, date(2026, 5, 5), date(2026, 5, 28), 60)  # the deadline day counts
    late = _entered(voucher, coach, date(2026, 5, 6), date(2026, 5, 29), 30)  # after: next month
    [statement] = statement_settle(centre=centre, month=MAY, acting_user=centre_staff, today=TODAY)
    lines = [(x.rate, x.minutes, x.amount) for x in statement.lines.all()]
    assert lines == [
        (Decimal("110.00"), 60, Decimal("110.00")),
        (Decimal("90.00"), 90, Decimal("135.00")),
    ] or lines == [
        (Decimal("90.00"), 90, Decimal("135.00")),
        (Decimal("110.00"), 60, Decimal("110.00")),
    ]
    assert statement.total == Decimal("245.00")
    assert not StatementHour.objects.filter(entry__contact=late).exists()
    [june] = statement_settle(
        centre=centre, month=Month(2026, 6), acting_user=centre_staff, today=date(2026, 7, 5)
    )
    assert june.total == Decimal("55.00")


def test_bil_03_settlement_of_a_month_not_ended_is_refused(centre, centre_staff):
    with pytest.raises(ValidationError, match="nog niet voorbij"):
        statement_settle(centre=centre, month=Month(2026, 6), acting_user=centre_staff, today=TODAY)
    assert not Statement.objects.exists()


def test_bil_03_only_centre_staff_settle(centre, coach):
    with pytest.raises(PermissionDenied):
        statement_settle(centre=centre, month=MAY, acting_user=coach, today=TODAY)


def test_bil_03_rerunning_the_settlement_changes_nothing(voucher, coach, centre, centre_staff):
    rate(coach, centre)
    _entered(voucher, coach, date(2026, 5, 4), date(2026, 5, 10))
    [first] = statement_settle(centre=centre, month=MAY, acting_user=centre_staff, today=TODAY)
    _entered(voucher, coach, date(2026, 5, 5), date(2026, 5, 11))  # backdated, after settling
    [again] = statement_settle(centre=centre, month=MAY, acting_user=None, today=TODAY)
    assert again.pk == first.pk and again.total == Decimal("90.00")
    assert Statement.objects.count() == 1 and StatementHour.objects.count() == 1


def test_bil_03_correction_is_a_visible_entry_the_statement_stays(
    voucher, coach, centre, centre_staff
):
    rate(coach, centre)
    _entered(voucher, coach, date(2026, 5, 4), date(2026, 5, 10), 60)
    [statement] = statement_settle(centre=centre, month=MAY, acting_user=centre_staff, today=TODAY)
    line = statement.lines.get()
    correction = statement_correct(
        statement_id=statement.pk,
        line_id=line.pk,
        minutes=-30,
        note="Een half uur dubbel geteld",
        acting_user=centre_staff,
    )
    assert correction.amount == Decimal("-45.00")
    statement.refresh_from_db()
    assert statement.total == Decimal("90.00")
    with pytest.raises(ValidationError, match="maar 0,5 uur"):
        statement_correct(
            statement_id=statement.pk,
            line_id=line.pk,
            minutes=-60,
            note="Te veel",
            acting_user=centre_staff,
        )
    with pytest.raises(ValidationError) as exc:
        statement_correct(
            statement_id=statement.pk,
            line_id=line.pk,
            minutes=30,
            note=" ",
            acting_user=centre_staff,
        )
    assert "note" in exc.value.message_dict


def test_bil_03_statement_mail_recorded_and_retried_when_the_server_is_down(
    voucher, coach, centre, centre_staff, settings
):
    rate(coach, centre)
    _entered(voucher, coach, date(2026, 5, 4), date(2026, 5, 10))
    [statement] = statement_settle(centre=centre, month=MAY, acting_user=centre_staff, today=TODAY)
    outbox = StatementMail.objects.get(statement=statement)

    settings.EMAIL_BACKEND = DOWN
    assert statement_mail_send(mail_id=outbox.pk) is False
    outbox.refresh_from_db()
    assert outbox.sent_at is None and outbox.attempts == 1 and "down" in outbox.last_error
    settings.EMAIL_BACKEND = LOCMEM
    from django.utils import timezone

    from koers.billing.jobs.hours import billing_send_statement_mails

    assert billing_send_statement_mails(timezone.now()) == 1
    assert billing_send_statement_mails(timezone.now()) == 0  # sent once
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [coach.email]
