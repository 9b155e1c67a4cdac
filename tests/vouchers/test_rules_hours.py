"""LBC hour rules (pure): what counts on a career voucher, with the rule ID and a reason."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.vouchers.rules import ContactFacts, Tally, judge_contact, ruleset_for

RULES = ruleset_for(date(2024, 6, 1))


def _rules_of(decision):
    return [r.rule for r in decision.reasons]


def test_lbc_01_voucher_is_four_hours_and_own_contribution_is_40_euro():
    assert RULES.voucher_minutes == 240
    assert RULES.own_contribution_cents == 4000


def test_lbc_01_counting_stops_at_four_hours():
    decision = judge_contact(ContactFacts("individual", 120), Tally(counted_minutes=180), 1, RULES)
    assert decision.counted_minutes == 60
    assert "LBC-01" in _rules_of(decision)


@pytest.mark.parametrize("minutes", [15, 45, 100])
def test_lbc_02_not_whole_blocks_do_not_count(minutes):
    decision = judge_contact(ContactFacts("individual", minutes), Tally(), 1, RULES)
    assert decision.counted_minutes == 0
    assert _rules_of(decision) == ["LBC-02"]


@pytest.mark.parametrize("minutes", [150, 180])
def test_lbc_02_contact_longer_than_two_hours_is_refused(minutes):
    decision = judge_contact(ContactFacts("individual", minutes), Tally(), 1, RULES)
    assert decision.counted_minutes == 0
    assert "hoogstens 2 uur" in decision.reasons[0].message


def test_lbc_03_individual_minimum_follows_from_group_cap():
    assert RULES.individual_min_minutes(1) == 150
    assert RULES.individual_min_minutes(2) == 180


def test_lbc_03_blocks_apply_to_group_and_video_too():
    assert judge_contact(ContactFacts("group", 45), Tally(), 1, RULES).counted_minutes == 0
    assert (
        judge_contact(
            ContactFacts("video", 45, has_screenshot=True), Tally(), 1, RULES
        ).counted_minutes
        == 0
    )


def test_lbc_04_group_hours_capped_on_first_voucher():
    decision = judge_contact(
        ContactFacts("group", 120), Tally(counted_minutes=0, group_minutes=0), 1, RULES
    )
    assert decision.counted_minutes == 90
    assert "LBC-04" in _rules_of(decision)


def test_lbc_04_group_hours_capped_on_second_voucher():
    decision = judge_contact(ContactFacts("group", 120), Tally(), 2, RULES)
    assert decision.counted_minutes == 60
    assert "1 uur" in decision.reasons[0].message


def test_lbc_05_group_session_not_meeting_conditions_does_not_count():
    decision = judge_contact(ContactFacts("group", 60, group_ok=False), Tally(), 1, RULES)
    assert decision.counted_minutes == 0
    assert _rules_of(decision) == ["LBC-05"]


def test_lbc_06_video_counts_only_with_screenshot():
    assert _rules_of(judge_contact(ContactFacts("video", 60), Tally(), 1, RULES)) == ["LBC-06"]
    assert (
        judge_contact(
            ContactFacts("video", 60, has_screenshot=True), Tally(), 1, RULES
        ).counted_minutes
        == 60
    )


@pytest.mark.parametrize("form", ["phone", "written"])
def test_lbc_07_phone_chat_and_email_never_count(form):
    decision = judge_contact(ContactFacts(form, 60), Tally(), 1, RULES)
    assert decision.counted_minutes == 0
    assert _rules_of(decision) == ["LBC-07"]


def test_lbc_08_tool_time_never_counts_but_interpretation_does():
    assert _rules_of(judge_contact(ContactFacts("online_tool", 60), Tally(), 1, RULES)) == [
        "LBC-08"
    ]
    assert (
        judge_contact(ContactFacts("tool_interpretation", 60), Tally(), 1, RULES).counted_minutes
        == 60
    )


def test_int_08_introduction_never_counts():
    decision = judge_contact(
        ContactFacts("individual", 30, is_introduction=True), Tally(), 1, RULES
    )
    assert decision.counted_minutes == 0
    assert _rules_of(decision) == ["INT-08"]


contacts = st.lists(
    st.builds(
        ContactFacts,
        form=st.sampled_from(
            [
                "individual",
                "group",
                "video",
                "phone",
                "written",
                "online_tool",
                "tool_interpretation",
            ]
        ),
        duration_minutes=st.integers(min_value=1, max_value=240),
        held=st.booleans(),
        is_introduction=st.booleans(),
        has_screenshot=st.booleans(),
        group_ok=st.booleans(),
    ),
    max_size=20,
)


@given(contacts, st.sampled_from([1, 2]))
def test_lbc_02_03_04_counted_hours_never_exceed_voucher_or_group_cap_and_are_whole_blocks(
    sequence, number
):
    tally = Tally()
    for facts in sequence:
        decision = judge_contact(facts, tally, number, RULES)
        assert decision.counted_minutes % RULES.block_minutes == 0
        assert decision.counted_minutes <= facts.duration_minutes
        assert decision.reasons, "every decision explains itself"
        group = tally.group_minutes + (decision.counted_minutes if facts.form == "group" else 0)
        tally = Tally(tally.counted_minutes + decision.counted_minutes, group)
        assert tally.counted_minutes <= RULES.voucher_minutes
        assert tally.group_minutes <= RULES.group_max_minutes[number]


def test_lbc_09_group_is_the_only_non_individual_form_that_counts():
    from koers.vouchers.rules import COUNTABLE_FORMS

    individual_forms = {"individual", "video", "tool_interpretation"}
    assert COUNTABLE_FORMS - individual_forms == {"group"}
    for form in ("phone", "written", "online_tool"):
        assert judge_contact(ContactFacts(form, 60), Tally(), 1, RULES).counted_minutes == 0


def test_lbc_06_video_call_without_the_clients_consent_does_not_count():
    facts = ContactFacts("video", 60, has_screenshot=True, video_consent=False)
    decision = judge_contact(facts, Tally(), 1, RULES)
    assert decision.counted_minutes == 0
    assert _rules_of(decision) == ["LBC-06"]
    assert "akkoord van de cliënt" in decision.reasons[0].message


def test_lbc_05_group_session_counts_only_once_fed_back_in_an_individual_session():
    waiting = judge_contact(ContactFacts("group", 60, group_fed_back=False), Tally(), 1, RULES)
    assert waiting.counted_minutes == 0
    assert _rules_of(waiting) == ["LBC-05"]
    assert "teruggekoppeld" in waiting.reasons[0].message
    assert judge_contact(ContactFacts("group", 60), Tally(), 1, RULES).counted_minutes == 60
