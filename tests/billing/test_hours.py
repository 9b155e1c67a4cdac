"""BIL-02: hours entered at VDAB — deadline, still to enter, warning, month of payment."""

import dataclasses
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from koers.billing.rules.hours import (
    HourFacts,
    deadline_warning,
    entry_refusal,
    hour_status,
    statement_month,
    vdab_deadline,
)
from koers.billing.rules.periods import Month, hours_label, quarter_end
from koers.billing.rules.ruleset import ruleset_for

RULES = ruleset_for(date(2026, 3, 1))  # deadline 3 days before month end (to confirm)


def test_bil_02_deadline_is_the_parameter_days_before_month_end():
    assert vdab_deadline(Month(2026, 3), RULES) == date(2026, 3, 28)
    assert vdab_deadline(Month(2026, 2), RULES) == date(2026, 2, 25)
    later = dataclasses.replace(RULES, vdab_deadline_days_before_month_end=5)
    assert vdab_deadline(Month(2026, 3), later) == date(2026, 3, 26)


def test_bil_02_hour_entered_before_deadline_is_paid_early_next_month():
    hour = HourFacts("h1", date(2026, 3, 10), 60, entered_on=date(2026, 3, 28))
    status = hour_status(hour, date(2026, 4, 1), RULES)
    assert (status.statement_month, status.paid_in) == (Month(2026, 3), Month(2026, 4))
    assert not status.to_enter and status.billable
    assert status.reasons[0].rule == "BIL-02"
    assert "uitbetaald begin 04/2026" in status.reasons[0].message


def test_bil_02_hour_entered_after_deadline_is_paid_a_month_later():
    hour = HourFacts("h1", date(2026, 3, 10), 60, entered_on=date(2026, 3, 29))
    status = hour_status(hour, date(2026, 4, 1), RULES)
    assert (status.statement_month, status.paid_in) == (Month(2026, 4), Month(2026, 5))
    assert "een maand later" in status.reasons[0].message


def test_bil_02_hour_not_entered_is_to_enter_with_the_coming_deadline():
    hour = HourFacts("h1", date(2026, 3, 10), 60)
    status = hour_status(hour, date(2026, 3, 20), RULES)
    assert status.to_enter and status.paid_in is None
    assert "uiterlijk 28/03/2026, uitbetaald begin 04/2026" in status.reasons[0].message
    past_deadline = hour_status(hour, date(2026, 3, 30), RULES)
    assert "uiterlijk 27/04/2026, uitbetaald begin 05/2026" in past_deadline.reasons[0].message


def test_bil_02_aftercare_is_registered_but_never_billable():
    hour = HourFacts("h1", date(2026, 3, 10), 30, entered_on=date(2026, 3, 11), aftercare=True)
    status = hour_status(hour, date(2026, 4, 1), RULES)
    assert not status.billable and status.paid_in is None
    assert "niet apart vergoed" in status.reasons[0].message
    assert hour_status(dataclasses.replace(hour, entered_on=None), date(2026, 4, 1), RULES).to_enter


def test_bil_02_entry_date_is_not_in_the_future_nor_before_the_hour_nor_twice():
    hour = HourFacts("h1", date(2026, 3, 10), 60)
    assert entry_refusal(hour, date(2026, 3, 10), date(2026, 3, 12)) is None
    assert entry_refusal(hour, date(2026, 3, 13), date(2026, 3, 12)).rule == "BIL-02"
    assert "niet eerder" in entry_refusal(hour, date(2026, 3, 9), date(2026, 3, 12)).message
    entered = dataclasses.replace(hour, entered_on=date(2026, 3, 11))
    assert (
        "al op 11/03/2026" in entry_refusal(entered, date(2026, 3, 12), date(2026, 3, 12)).message
    )


def test_bil_02_warning_in_the_days_before_the_deadline_while_hours_wait():
    hours = [
        HourFacts("h1", date(2026, 3, 10), 60),
        HourFacts("h2", date(2026, 3, 12), 30),
        HourFacts("h3", date(2026, 3, 5), 60, entered_on=date(2026, 3, 6)),
        HourFacts("h4", date(2026, 3, 12), 30, aftercare=True),
    ]
    warning = deadline_warning(hours, date(2026, 3, 24), RULES)
    assert warning.rule == "BIL-02"
    assert "Nog 1,5 uur in te geven bij VDAB vóór de deadline van 28/03/2026 (4 dagen)" in (
        warning.message
    )
    assert deadline_warning(hours, date(2026, 3, 22), RULES) is None  # too early
    assert deadline_warning(hours, date(2026, 3, 29), RULES) is None  # deadline passed
    assert deadline_warning(hours[2:3], date(2026, 3, 24), RULES) is None  # nothing waits


@given(st.dates(date(2026, 1, 1), date(2035, 12, 31)))
def test_bil_02_an_entry_lands_on_its_month_or_the_next_and_is_paid_the_month_after(day):
    month = statement_month(day, RULES)
    assert month in (Month.of(day), Month.of(day).plus(1))
    assert (month == Month.of(day)) == (day <= vdab_deadline(Month.of(day), RULES))
    # the day after the deadline always lands one month later than the deadline itself
    deadline = vdab_deadline(Month.of(day), RULES)
    assert statement_month(deadline + timedelta(days=1), RULES) == statement_month(
        deadline, RULES
    ).plus(1)


def test_bil_02_hours_and_months_as_the_pages_show_them():
    assert (hours_label(90), hours_label(240), Month(2026, 12).plus(1)) == (
        "1,5",
        "4",
        Month(2027, 1),
    )
    assert quarter_end(date(2026, 11, 3)) == date(2026, 12, 31)
