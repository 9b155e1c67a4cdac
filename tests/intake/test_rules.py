"""INT and COM rules (pure): the clock, the call moment, routing, states, the communication check."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from koers.intake.rules import (
    CoachFacts,
    Window,
    acknowledgement_text,
    call_plan,
    can_transition,
    communication_check,
    deadline,
    lateness,
    postal_distance,
    route,
    ruleset_for,
)
from koers.intake.rules.states import ACKNOWLEDGED, CLIENT, MATCHED, NEW, NO_MATCH

RULES = ruleset_for(date(2026, 1, 1))
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday

moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
)
offsets = st.integers(min_value=-48 * 60, max_value=10 * 24 * 60)


def test_int_02_clock_is_a_ruleset_parameter_of_24_hours():
    assert RULES.lead_clock_hours == 24
    assert deadline(T0, RULES) == T0 + timedelta(hours=24)


@given(moments)
def test_int_02_deadline_is_always_arrival_plus_24_hours(arrived):
    assert deadline(arrived, RULES) - arrived == timedelta(hours=24)
    assert call_plan(arrived, [], RULES).deadline == arrived + timedelta(hours=24)


def test_int_03_window_same_day_is_the_call_moment_without_acknowledgement():
    plan = call_plan(T0, [Window(T0 + timedelta(hours=5), T0 + timedelta(hours=7))], RULES)
    assert plan.call_at == T0 + timedelta(hours=5)
    assert not plan.acknowledgement_due
    assert plan.reason.rule == "INT-03"


def test_int_03_window_after_24_hours_needs_acknowledgement():
    start = T0 + timedelta(hours=30)
    plan = call_plan(T0, [Window(start, start + timedelta(hours=2))], RULES)
    assert plan.acknowledgement_due
    assert plan.call_at == start


def test_int_03_window_exactly_at_the_deadline_needs_no_acknowledgement():
    start = T0 + timedelta(hours=24)
    assert not call_plan(T0, [Window(start, start + timedelta(hours=1))], RULES).acknowledgement_due


def test_int_03_windows_already_over_are_ignored_and_order_does_not_matter():
    past = Window(T0 - timedelta(hours=3), T0 - timedelta(hours=1))
    late = Window(T0 + timedelta(hours=50), T0 + timedelta(hours=51))
    soon = Window(T0 + timedelta(hours=2), T0 + timedelta(hours=3))
    plan = call_plan(T0, [late, past, soon], RULES)
    assert plan.window == soon and not plan.acknowledgement_due


def test_int_03_window_already_open_means_call_now():
    plan = call_plan(T0, [Window(T0 - timedelta(hours=1), T0 + timedelta(hours=1))], RULES)
    assert plan.call_at == T0


@given(moments, st.lists(st.tuples(offsets, st.integers(1, 600)), max_size=5))
def test_int_03_acknowledgement_due_exactly_when_first_window_starts_after_deadline(arrived, spec):
    windows = [
        Window(arrived + timedelta(minutes=o), arrived + timedelta(minutes=o + d)) for o, d in spec
    ]
    plan = call_plan(arrived, windows, RULES)
    usable = [w for w in windows if w.ends_at > arrived]
    if not usable:
        assert not plan.acknowledgement_due and plan.call_at is None
        return
    first = min(w.starts_at for w in usable)
    assert plan.acknowledgement_due == (first > arrived + timedelta(hours=24))


def test_int_03_acknowledgement_text_names_day_date_and_time_in_dutch():
    text = acknowledgement_text(first_name="Ann", call_at=datetime(2026, 3, 4, 14, 30))
    assert "woensdag 04/03/2026 om 14:30" in text
    assert "goed ontvangen" in text


def test_int_04_sms_is_signed_with_the_centre_name_once():
    from koers.intake.rules.clock import sms_signature

    assert sms_signature("Dag Ann.", coach="Eva", centre="Horizon") == "Dag Ann. Eva (Horizon)"
    assert sms_signature("Dag Ann. Horizon", coach="Eva", centre="Horizon") == "Dag Ann. Horizon"


def test_int_02_lateness_open_nearing_late_and_met():
    def status(now, contacted=None):
        return lateness(clock_started_at=T0, contacted_at=contacted, now=now, ruleset=RULES).status

    assert status(T0 + timedelta(hours=1)) == "open"
    assert status(T0 + timedelta(hours=21)) == "nearing"
    assert status(T0 + timedelta(hours=25)) == "late"
    assert status(T0 + timedelta(hours=30), T0 + timedelta(hours=2)) == "met"
    assert status(T0 + timedelta(hours=30), T0 + timedelta(hours=26)) == "met_late"


def _coach(pk, postal=("9000",), load=0, off=()):
    return CoachFacts(pk, f"Coach {pk}", tuple(postal), tuple(off), load)


def test_int_01_routes_to_the_nearest_coach_then_lightest_load():
    coaches = [_coach(1, ("2000",), 0), _coach(2, ("9000",), 5), _coach(3, ("9050",), 0)]
    decision = route(coaches=coaches, postal_code="9000", now=T0, ruleset=RULES)
    assert decision.coach_id == 2
    coaches.append(_coach(4, ("9000",), 1))
    assert route(coaches=coaches, postal_code="9000", now=T0, ruleset=RULES).coach_id == 4
    assert {r.rule for r in decision.reasons} == {"INT-01", "INT-05"}


def test_int_01_postal_distance_heuristic():
    assert postal_distance("9000", "9000") == 0
    assert postal_distance("9000", "9050") == 1
    assert postal_distance("9000", "9300") == 2
    assert postal_distance("9000", "2000") == 3
    assert postal_distance("", "2000") == 3


def test_int_05_unavailable_coach_gets_no_lead_and_none_left_means_centre_decides():
    off = ((T0 + timedelta(hours=20), T0 + timedelta(days=10)),)
    coaches = [_coach(1, ("9000",), 0, off), _coach(2, ("2000",), 9)]
    assert route(coaches=coaches, postal_code="9000", now=T0, ruleset=RULES).coach_id == 2
    decision = route(coaches=coaches[:1], postal_code="9000", now=T0, ruleset=RULES)
    assert decision.coach_id is None
    assert decision.reasons[0].rule == "INT-05"


def test_int_05_unavailability_after_the_next_24_hours_does_not_block():
    off = ((T0 + timedelta(hours=25), T0 + timedelta(days=3)),)
    assert route(coaches=[_coach(1, off=off)], postal_code="", now=T0, ruleset=RULES).coach_id == 1


periods = st.tuples(st.integers(-72, 72), st.integers(1, 96))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["2000", "9000", "9050", "8500", ""]),
            st.integers(0, 20),
            st.lists(periods, max_size=3),
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["2000", "9000", "3000", ""]),
)
def test_int_05_a_lead_is_never_routed_to_an_unavailable_coach(spec, postal):
    coaches = [
        CoachFacts(
            i,
            f"c{i}",
            (p,) if p else (),
            tuple((T0 + timedelta(hours=s), T0 + timedelta(hours=s + d)) for s, d in offs),
            load,
        )
        for i, (p, load, offs) in enumerate(spec, start=1)
    ]
    decision = route(coaches=coaches, postal_code=postal, now=T0, ruleset=RULES)
    horizon = T0 + timedelta(hours=24)
    available = [c for c in coaches if not any(s < horizon and e > T0 for s, e in c.unavailable)]
    if not available:
        assert decision.coach_id is None
        return
    chosen = next(c for c in coaches if c.coach_id == decision.coach_id)
    assert chosen in available


def test_int_06_lead_states_and_hand_over():
    assert can_transition(NEW, NEW)  # a hand-over: new again, for the other coach
    assert can_transition(ACKNOWLEDGED, MATCHED)
    assert can_transition(MATCHED, CLIENT)
    assert not can_transition(NO_MATCH, NEW)
    assert not can_transition(CLIENT, NEW)


def test_int_08_introduction_length_is_a_default_of_30_minutes():
    assert RULES.introduction_minutes == 30


SEED_OK = (
    "Voor loopbaanbegeleiding werk ik samen met Blend. Blend is een erkend loopbaancentrum. Dit "
    "betekent dat je met loopbaancheques van VDAB kan betalen."
)


def test_com_01_seed_example_names_the_centre_close_to_the_voucher():
    ok, findings = communication_check(SEED_OK, "Blend", RULES)
    assert ok and findings and findings[0].reason.rule == "COM-01"


def test_com_01_working_name_only_at_the_bottom_is_not_enough():
    text = (
        "Betaal mijn begeleiding met loopbaancheques.\n\n"
        + "Ik help je verder met je loopbaan. " * 12
        + "\n\nIk werk samen met Blend."
    )
    ok, findings = communication_check(text, "Blend", RULES)
    assert not ok
    assert "zonder de werknaam" in findings[0].reason.message


def test_com_01_text_without_vouchers_is_fine_and_every_mention_is_checked():
    assert communication_check("Ik ben coach in Gent.", "Blend", RULES) == (True, [])
    text = "Blend en de loopbaancheque.\n\n" + "x " * 200 + "\n\nOok met een LBC kan dat."
    ok, findings = communication_check(text, "Blend", RULES)
    assert not ok and [f.ok for f in findings] == [True, False]


def test_com_01_name_must_be_a_whole_word():
    ok, _ = communication_check("Blender-advies met loopbaancheques", "Blend", RULES)
    assert not ok


def test_com_02_check_covers_other_voucher_words():
    for text in ("cheques van de VDAB", "Loopbaan-cheque", "met een voucher"):
        ok, findings = communication_check(text, "Horizon", RULES)
        assert not ok and len(findings) == 1
