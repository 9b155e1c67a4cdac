"""LBC-18: aftercare within a year of the synthesis (rules/aftercare.py)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.vouchers.rules import ruleset_for
from koers.vouchers.rules.aftercare import (
    aftercare_deadline,
    aftercare_refusal,
    aftercare_within_right,
)

RULES = ruleset_for(date(2024, 6, 1))
TODAY = date(2026, 3, 10)


# LBC-18 aftercare ------------------------------------------------------------------------------
SYNTHESIS = date(2026, 1, 15)


def test_lbc_18_thirty_minutes_within_a_year():
    assert (
        aftercare_refusal(minutes=30, on=date(2026, 6, 1), synthesis_date=SYNTHESIS, ruleset=RULES)
        is None
    )


@pytest.mark.parametrize(
    ("minutes", "on", "text"),
    [
        (20, date(2026, 6, 1), "per half uur"),
        (45, date(2026, 6, 1), "per half uur"),
        (0, date(2026, 6, 1), "per half uur"),
        (30, date(2027, 1, 16), "een jaar"),
        (30, date(2026, 1, 10), "na het synthesegesprek"),
    ],
)
def test_lbc_18_refusals(minutes, on, text):
    reason = aftercare_refusal(minutes=minutes, on=on, synthesis_date=SYNTHESIS, ruleset=RULES)
    assert reason.rule == "LBC-18" and text in reason.message


def test_lbc_18_more_than_thirty_minutes_may_be_registered():
    assert (
        aftercare_refusal(minutes=60, on=date(2026, 6, 1), synthesis_date=SYNTHESIS, ruleset=RULES)
        is None
    )
    assert aftercare_within_right(90, RULES) == 30
    assert aftercare_within_right(0, RULES) == 0


def test_lbc_18_no_aftercare_before_a_synthesis():
    assert aftercare_refusal(minutes=30, on=TODAY, synthesis_date=None, ruleset=RULES)


def test_lbc_18_deadline_is_the_same_date_a_year_later():
    assert aftercare_deadline(SYNTHESIS, RULES) == date(2027, 1, 15)
    # 365 days after 2027-03-01 is 2028-02-29: a calendar year runs to 2028-03-01.
    assert aftercare_deadline(date(2027, 3, 1), RULES) == date(2028, 3, 1)
    assert (
        aftercare_refusal(
            minutes=30, on=date(2028, 3, 1), synthesis_date=date(2027, 3, 1), ruleset=RULES
        )
        is None
    )


def test_lbc_18_deadline_from_29_february_is_28_february():
    assert aftercare_deadline(date(2028, 2, 29), RULES) == date(2029, 2, 28)
    assert aftercare_refusal(
        minutes=30, on=date(2029, 3, 1), synthesis_date=date(2028, 2, 29), ruleset=RULES
    )


@given(synthesis=st.dates(date(2019, 1, 1), date(2040, 12, 31)), days=st.integers(0, 800))
def test_lbc_18_window_is_one_calendar_year_inclusive(synthesis, days):
    on = synthesis + timedelta(days=days)
    try:
        same_date_next_year = synthesis.replace(year=synthesis.year + 1)
    except ValueError:  # 29 February
        same_date_next_year = date(synthesis.year + 1, 2, 28)
    refused = aftercare_refusal(minutes=30, on=on, synthesis_date=synthesis, ruleset=RULES)
    assert (refused is None) == (on <= same_date_next_year)
    assert aftercare_deadline(synthesis, RULES) == same_date_next_year


@given(minutes=st.integers(-60, 1000))
def test_lbc_18_any_number_of_half_hours_may_be_registered(minutes):
    refused = aftercare_refusal(
        minutes=minutes, on=date(2026, 6, 1), synthesis_date=SYNTHESIS, ruleset=RULES
    )
    assert (refused is None) == (minutes > 0 and minutes % 30 == 0)
    if minutes >= 0:
        assert aftercare_within_right(minutes, RULES) == min(minutes, 30)
