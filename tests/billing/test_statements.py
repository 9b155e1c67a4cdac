"""BIL-03: the monthly statement — which hours, per client and voucher, at the coach's rate."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from koers.billing.rules.periods import Month
from koers.billing.rules.ruleset import ruleset_for
from koers.billing.rules.statements import (
    CoachRate,
    Correction,
    EntryFacts,
    build_statement,
    corrected_total,
    correction_refusal,
    edit_refusal,
    rate_refusal,
    rates_refusal,
    settlement_due,
    settlement_refusal,
)

RULES = ruleset_for(date(2026, 3, 1))
MARCH = Month(2026, 3)  # VDAB deadline 28/03/2026 with the default (to confirm)
RATE_90 = (CoachRate(Decimal("90.00"), date(2026, 1, 1)),)


def entry(hour_id, client="An Peeters", voucher="LBC-1", minutes=60, **kw):
    kw.setdefault("day", date(2026, 3, 10))
    kw.setdefault("entered_on", date(2026, 3, 20))
    return EntryFacts(hour_id, client, voucher, minutes=minutes, **kw)


def build(entries, rates=RATE_90, today=date(2026, 4, 5), month=MARCH):
    return build_statement(
        coach="c1", month=month, entries=entries, rates=rates, today=today, ruleset=RULES
    )


def test_bil_03_statement_groups_per_client_and_voucher_at_the_coachs_rate():
    statement, refused = build(
        [
            entry("h1", minutes=120),
            entry("h2", minutes=60, day=date(2026, 3, 12)),
            entry("h3", client="Bart Claes", voucher="LBC-7", minutes=90),
        ]
    )
    assert refused is None
    assert [(x.client_name, x.voucher, x.hours, x.rate, x.amount) for x in statement.lines] == [
        ("An Peeters", "LBC-1", Decimal("3.00"), Decimal("90.00"), Decimal("270.00")),
        ("Bart Claes", "LBC-7", Decimal("1.50"), Decimal("90.00"), Decimal("135.00")),
    ]
    assert statement.total == Decimal("405.00")
    assert statement.reasons[0].rule == "BIL-03"


def test_bil_03_statement_total_is_sum_of_lines():
    statement, _ = build([entry("h1", minutes=30), entry("h2", client="B", minutes=90)])
    assert statement.total == sum(line.amount for line in statement.lines)


def test_bil_03_hours_entered_after_the_deadline_roll_over_to_the_next_statement():
    late = entry("late", entered_on=date(2026, 3, 29))
    march, _ = build([entry("h1"), late])
    assert march.hour_ids == ("h1",)
    assert [(x.hour_id, x.reason.rule) for x in march.left_out] == [("late", "BIL-03")]
    assert "volgende afrekening" in march.left_out[0].reason.message
    april, _ = build([late], today=date(2026, 5, 5), month=Month(2026, 4))
    assert april.hour_ids == ("late",)


def test_bil_03_an_hour_already_settled_is_left_out():
    statement, _ = build([entry("h1", settled_in="2026-02/c1")])
    assert statement.lines == ()
    assert "maar één keer" in statement.left_out[0].reason.message


def test_bil_02_aftercare_and_hours_not_entered_are_not_on_the_statement():
    statement, _ = build([entry("a", aftercare=True), entry("n", entered_on=None)])
    assert statement.lines == ()
    assert [x.reason.rule for x in statement.left_out] == ["BIL-02", "BIL-02"]


def test_bil_03_a_month_not_yet_ended_is_refused():
    statement, refused = build([entry("h1")], today=date(2026, 3, 31))
    assert statement is None
    assert refused.rule == "BIL-03"
    assert "03/2026 is nog niet voorbij" in refused.message
    assert settlement_refusal(MARCH, date(2026, 4, 1)) is None


def test_bil_03_the_sweep_settles_from_the_settlement_day_on():
    assert not settlement_due(MARCH, date(2026, 4, 4), RULES)
    assert settlement_due(MARCH, date(2026, 4, 5), RULES)


def test_bil_04_rate_is_the_one_valid_on_the_day_of_the_guidance():
    rates = (
        CoachRate(Decimal("90.00"), date(2026, 1, 1), date(2026, 3, 14)),
        CoachRate(Decimal("110.00"), date(2026, 3, 15)),
    )
    statement, _ = build([entry("h1"), entry("h2", day=date(2026, 3, 20))], rates=rates)
    assert [(x.rate, x.amount) for x in statement.lines] == [
        (Decimal("90.00"), Decimal("90.00")),
        (Decimal("110.00"), Decimal("110.00")),
    ]


def test_bil_04_a_rate_not_allowed_is_refused():
    assert rate_refusal(Decimal("100.00"), RULES).rule == "BIL-04"
    assert "kies uit € 90,00 of € 110,00" in rate_refusal(Decimal("100"), RULES).message
    _, refused = build([entry("h1")], rates=(CoachRate(Decimal("95.00"), date(2026, 1, 1)),))
    assert refused.rule == "BIL-04"


def test_bil_04_overlapping_rates_are_refused_and_a_day_without_rate_is_left_out():
    overlapping = (
        CoachRate(Decimal("90.00"), date(2026, 1, 1)),
        CoachRate(Decimal("110.00"), date(2026, 3, 1)),
    )
    assert "tegelijk op 01/03/2026" in rates_refusal(overlapping, RULES).message
    later = (CoachRate(Decimal("90.00"), date(2026, 3, 15)),)
    statement, _ = build([entry("h1")], rates=later)
    assert statement.left_out[0].reason.rule == "BIL-04"


def test_bil_03_only_whole_half_hours_are_settled():
    statement, _ = build([entry("h1", minutes=45)])
    assert statement.lines == () and statement.left_out[0].reason.rule == "BIL-03"


def test_bil_03_a_closed_statement_is_corrected_by_a_separate_entry_never_edited():
    statement, _ = build([entry("h1", minutes=120)])
    back = Correction("S1", "An Peeters", "LBC-1", -60, Decimal("90.00"), "Dubbel geregistreerd")
    assert correction_refusal(statement, back) is None
    assert corrected_total(statement, [back]) == Decimal("90.00")
    assert statement.total == Decimal("180.00")  # the statement itself is unchanged
    too_much = Correction("S1", "An Peeters", "LBC-1", -90, Decimal("90.00"), "Nog eens")
    assert "maar 1 uur" in correction_refusal(statement, too_much, earlier=[back]).message
    no_note = Correction("S1", "An Peeters", "LBC-1", 30, Decimal("90.00"), " ")
    assert correction_refusal(statement, no_note).rule == "BIL-03"
    assert edit_refusal().rule == "BIL-03"


hour_entries = st.lists(
    st.builds(
        EntryFacts,
        hour_id=st.uuids().map(str),
        client_name=st.sampled_from(["An", "Bart", "Chloë"]),
        voucher=st.sampled_from(["1", "2"]),
        day=st.dates(date(2026, 1, 1), date(2026, 3, 31)),
        minutes=st.sampled_from([30, 60, 90, 120]),
        entered_on=st.none() | st.dates(date(2026, 1, 1), date(2026, 4, 30)),
        aftercare=st.booleans(),
        settled_in=st.none() | st.just("earlier"),
    ),
    max_size=40,
    unique_by=lambda e: e.hour_id,
)
cents = st.decimals(min_value=1, max_value=500, places=2)


@given(hour_entries, cents, cents)
def test_bil_03_property_total_is_sum_of_lines_and_every_hour_is_placed_once(entries, r1, r2):
    rules = RULES.__class__(**{**RULES.__dict__, "allowed_hourly_rates": (r1, r2)})
    rates = (CoachRate(r1, date(2026, 1, 1), date(2026, 2, 14)), CoachRate(r2, date(2026, 2, 15)))
    statement, refused = build_statement(
        coach="c", month=MARCH, entries=entries, rates=rates, today=date(2026, 4, 5), ruleset=rules
    )
    assert refused is None
    assert statement.total == sum((x.amount for x in statement.lines), Decimal("0"))
    assert all(x.amount == x.amount.quantize(Decimal("0.01")) for x in statement.lines)
    placed = list(statement.hour_ids) + [x.hour_id for x in statement.left_out]
    assert sorted(placed) == sorted(e.hour_id for e in entries)


@given(hour_entries)
def test_bil_03_property_an_hour_is_settled_at_most_once_over_the_months(entries):
    settled: dict[str, str] = {}
    for month in (Month(2026, 1), Month(2026, 2), MARCH, Month(2026, 4)):
        current = [
            EntryFacts(**{**e.__dict__, "settled_in": settled.get(e.hour_id, e.settled_in)})
            for e in entries
        ]
        statement, _ = build_statement(
            coach="c",
            month=month,
            entries=current,
            rates=RATE_90,
            today=date(2026, 6, 1),
            ruleset=RULES,
        )
        for hour_id in statement.hour_ids:
            assert hour_id not in settled
            settled[hour_id] = str(month)
    never = {e.hour_id for e in entries if e.aftercare or e.settled_in or e.entered_on is None}
    assert never.isdisjoint(settled)
