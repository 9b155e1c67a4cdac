"""rules/closing.py: when the service may close, the final advice and access loss (MED-12 ..
MED-16)."""

from datetime import UTC, date, datetime, timedelta

from koers.mediation.rules import RULESETS
from koers.mediation.rules.closing import (
    CITIZEN_TEXTS,
    Advice,
    ClosingReason,
    ClosingWay,
    MonthEnd,
    access_ends,
    add_months,
    advice_deadline,
    advice_options,
    advice_refusal,
    closing_due,
    month_end,
)

RS = RULESETS[0]


# ---- MED-12 / MED-13: when the service may close -----------------------------------------------


def _ends(start: date, months: int, passive: set[int]) -> list[MonthEnd]:
    """Month-ends of the calendar months 1..months after `start` (month 1 = start's month)."""
    out = []
    for k in range(months):
        day = add_months(start.replace(day=1), k)
        out.append(MonthEnd(month_end(day.year, day.month), k + 1 in passive))
    return out


def test_med_12_closes_after_six_months_and_three_passive_month_ends():
    start = date(2025, 1, 1)
    ends = _ends(start, 6, {4, 5, 6})
    due = closing_due(
        tender="TIBB4", started_on=start, month_ends=ends, today=date(2025, 7, 1), ruleset=RS
    )
    assert due.reason == ClosingReason.PASSIVE and due.on == date(2025, 7, 1)
    early = closing_due(
        tender="TIBB4", started_on=start, month_ends=ends, today=date(2025, 6, 30), ruleset=RS
    )
    assert early.reason is None and early.reasons[0].rule == "MED-12"


def test_med_12_passive_must_be_the_three_most_recent_month_ends():
    start = date(2025, 1, 1)
    ends = _ends(start, 7, {1, 2, 3, 7})
    due = closing_due(
        tender="SAB3", started_on=start, month_ends=ends, today=date(2025, 7, 15), ruleset=RS
    )
    assert due.reason is None
    ends = _ends(start, 9, {1, 2, 3, 7, 8, 9})
    due = closing_due(
        tender="SAB3", started_on=start, month_ends=ends, today=date(2025, 10, 2), ruleset=RS
    )
    assert due.reason == ClosingReason.PASSIVE and due.on == date(2025, 10, 1)


def test_med_12_maximum_duration():
    start = date(2024, 2, 10)
    due = closing_due(
        tender="SCRABA", started_on=start, month_ends=[], today=date(2025, 2, 10), ruleset=RS
    )
    assert due.reason == ClosingReason.MAX_DURATION and due.on == date(2025, 2, 10)


def test_med_13_wij3_only_max_duration_never_passive():
    start = date(2019, 1, 15)
    ends = _ends(start, 12, set(range(1, 13)))
    before = closing_due(
        tender="WIJ3", started_on=start, month_ends=ends, today=date(2020, 7, 20), ruleset=RS
    )
    assert before.reason is None and before.reasons[0].rule == "MED-13"
    due = closing_due(
        tender="WIJ3", started_on=start, month_ends=ends, today=date(2020, 11, 30), ruleset=RS
    )
    assert due.reason == ClosingReason.MAX_DURATION and due.on == date(2020, 11, 30)
    late_start = closing_due(
        tender="WIJ3",
        started_on=date(2020, 1, 1),
        month_ends=[],
        today=date(2021, 7, 1),
        ruleset=RS,
    )
    assert late_start.on == date(2021, 7, 1)  # 18 months count even after the project end


# ---- MED-14 / MED-15 / MED-16 ------------------------------------------------------------------


def test_med_14_options_per_reason():
    assert len(advice_options(ClosingReason.PASSIVE)) == 4
    assert Advice.REASSESS not in advice_options(ClosingReason.MAX_DURATION)
    assert len(advice_options(ClosingReason.MAX_DURATION)) == 3


def test_med_14_fourth_option_refused_after_max_duration_and_mail_or_print_required():
    refusal = advice_refusal(
        reason="max_duration",
        option="reassess",
        mail=True,
        printed=False,
        deadline=None,
        today=date(2025, 6, 1),
    )
    assert refusal.rule == "MED-14"
    assert advice_refusal(
        reason="passive",
        option="reassess",
        mail=False,
        printed=False,
        deadline=None,
        today=date(2025, 6, 1),
    ).message.startswith("Vink")
    assert (
        advice_refusal(
            reason="passive",
            option="reassess",
            mail=False,
            printed=True,
            deadline=None,
            today=date(2025, 6, 1),
        )
        is None
    )


def test_med_14_citizen_texts_word_for_word():
    assert CITIZEN_TEXTS[Advice.NEED] == (
        "Je hebt nog verdere hulp nodig bij het zoeken naar werk. VDAB zal je contacteren en "
        "kijken welke ondersteuning best past."
    )
    assert CITIZEN_TEXTS[Advice.EXHAUSTED].startswith("Je zet je zoektocht naar werk zelfstandig")
    assert "op korte termijn heb je geen nood" in CITIZEN_TEXTS[Advice.NO_NEED]
    assert "Wanneer de bemiddeling naar werk hervat wordt" in CITIZEN_TEXTS[Advice.REASSESS]


def test_med_16_one_month_window():
    assert advice_deadline(date(2025, 1, 31), RS) == date(2025, 2, 28)
    refusal = advice_refusal(
        reason="passive",
        option="need",
        mail=True,
        printed=False,
        deadline=date(2025, 2, 28),
        today=date(2025, 3, 1),
    )
    assert refusal.rule == "MED-16"


def test_med_15_16_access_loss_moment():
    closed = datetime(2025, 5, 10, 14, 30, tzinfo=UTC)
    next_day = datetime(2025, 5, 11, tzinfo=UTC)
    assert (
        access_ends(way=ClosingWay.PARTNER_ADVICE, reason="max_duration", closed_at=closed)
        == next_day
    )
    assert access_ends(way=ClosingWay.AUTOMATIC, reason="passive", closed_at=closed) == next_day
    assert access_ends(way=ClosingWay.AUTOMATIC, reason="max_duration", closed_at=closed) == closed
    assert access_ends(way=ClosingWay.ABSENCE_STOP, reason="absence", closed_at=closed) == closed
    assert next_day - closed < timedelta(days=1)
