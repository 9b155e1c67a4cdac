"""Pure MED rules: the first-appointment ladder on every path of seed 004, closing, advice, access
loss and the return-to-VDAB tables of annexes 3 and 4."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.mediation.rules import RULESETS, Tender, ruleset_for
from koers.mediation.rules.closing import (
    CITIZEN_TEXTS,
    Advice,
    ClosingReason,
    ClosingWay,
    MonthEnd,
    ReturnTo,
    access_ends,
    add_months,
    advice_deadline,
    advice_options,
    advice_refusal,
    closing_due,
    month_end,
    return_to_vdab,
)
from koers.mediation.rules.ladder import (
    APPOINTMENT,
    TRANSITIONS,
    AbsenceReason,
    AppointmentKind,
    LadderError,
    LadderState,
    Outcome,
    ladder_fold,
    ladder_step,
    next_step,
    outcome_refusal,
    replan_on_time,
    reschedule_refusal,
)
from koers.mediation.rules.process import (
    file_checklist,
    first_sheet_countdown,
    first_sheet_signatures_missing,
    letter_size,
    own_training_refusal,
    start_refusals,
    training_cancel_refusal,
)

RS = RULESETS[0]
P, NONE, VALID, INVALID = (
    Outcome.PRESENT,
    Outcome.ABSENT_NONE,
    Outcome.ABSENT_VALID,
    Outcome.ABSENT_INVALID,
)


def test_med_01_five_tenders_with_their_parameters():
    assert {t.value for t in Tender} == {"TIBB4", "TIBB4_AT", "SCRABA", "SAB3", "WIJ3"}
    ruleset = ruleset_for(date(2025, 5, 1))
    for tender in (Tender.TIBB4, Tender.TIBB4_OTHER_LANGUAGES, Tender.SCRABA, Tender.SAB3):
        assert ruleset.tender(tender).minimum_months == 6
        assert ruleset.tender(tender).closes_on_passive
    assert ruleset.tender(Tender.WIJ3).minimum_months == 18
    assert ruleset.tender(Tender.WIJ3).project_end == date(2020, 11, 30)
    assert ruleset.first_sheet_days == 15 and ruleset.replan_target_days == 7
    assert ruleset.letter_max_pages == 12 and ruleset.passive_month_ends == 3


# ---- MED-03: every path of the seed's text and annexes 1-2 --------------------------------------


@pytest.mark.parametrize(
    ("outcomes", "end"),
    [
        ((P,), LadderState.PRESENT),
        # 1. ordinary 1st: invalid / none -> registered 2nd; valid -> ordinary 2nd
        ((INVALID,), LadderState.REGISTERED_2),
        ((NONE,), LadderState.REGISTERED_2),
        ((VALID,), LadderState.ORDINARY_2),
        # 2. registered 2nd after invalid: invalid/none -> stop (option 1); valid -> registered 3rd
        ((INVALID, INVALID), LadderState.STOPPED),
        ((INVALID, NONE), LadderState.STOPPED),
        ((NONE, NONE), LadderState.STOPPED),
        ((INVALID, VALID), LadderState.REGISTERED_3),
        ((INVALID, P), LadderState.PRESENT),
        # 3. ordinary 2nd after valid: absent for any reason -> registered 3rd
        ((VALID, VALID), LadderState.REGISTERED_3),
        ((VALID, INVALID), LadderState.REGISTERED_3),
        ((VALID, NONE), LadderState.REGISTERED_3),
        ((VALID, P), LadderState.PRESENT),
        # 4. registered 3rd: absent for any reason -> stop
        ((INVALID, VALID, VALID), LadderState.STOPPED),
        ((INVALID, VALID, INVALID), LadderState.STOPPED),
        ((VALID, VALID, VALID), LadderState.STOPPED),
        ((VALID, INVALID, NONE), LadderState.STOPPED),
        ((VALID, VALID, P), LadderState.PRESENT),
        ((INVALID, VALID, P), LadderState.PRESENT),
    ],
)
def test_med_03_ladder_paths_of_the_seed(outcomes, end):
    assert ladder_fold(outcomes) == end


def test_med_03_appointment_kinds_per_state():
    assert APPOINTMENT[LadderState.ORDINARY_1] == (1, AppointmentKind.ORDINARY)
    assert ladder_step(LadderState.ORDINARY_1, INVALID).next_kind == AppointmentKind.REGISTERED
    assert ladder_step(LadderState.ORDINARY_1, VALID).next_kind == AppointmentKind.ORDINARY
    assert ladder_step(LadderState.ORDINARY_2, VALID).next_kind == AppointmentKind.REGISTERED
    assert ladder_step(LadderState.REGISTERED_2, VALID).next_kind == AppointmentKind.REGISTERED


def test_med_03_third_absence_is_recorded_invalid_and_stops_with_signal():
    step = ladder_step(LadderState.REGISTERED_3, VALID)
    assert step.stops and step.recorded_reason == AbsenceReason.INVALID
    assert "service geweigerd wegens afwezigheid" in step.reasons[0].message
    assert step.reasons[0].rule == "MED-03"


def test_med_02_no_reason_counts_as_invalid():
    assert (
        ladder_step(LadderState.ORDINARY_1, NONE).after
        == ladder_step(LadderState.ORDINARY_1, INVALID).after
    )
    assert ladder_step(LadderState.ORDINARY_1, NONE).recorded_reason == AbsenceReason.NONE


def test_med_03_terminal_states_refuse_more_outcomes():
    for state in (LadderState.PRESENT, LadderState.STOPPED):
        with pytest.raises(LadderError) as err:
            ladder_step(state, P)
        assert err.value.reason.rule == "MED-03"


def test_med_03_transition_table_is_complete_for_open_states():
    for state in APPOINTMENT:
        for outcome in Outcome:
            assert (state, outcome) in TRANSITIONS


@given(st.lists(st.sampled_from(list(Outcome)), min_size=1, max_size=8))
def test_med_03_no_sequence_gets_past_the_third_absence(outcomes):
    state = LadderState.ORDINARY_1
    absences = 0
    for outcome in outcomes:
        if state in (LadderState.PRESENT, LadderState.STOPPED):
            with pytest.raises(LadderError):
                ladder_step(state, outcome)
            break
        step = ladder_step(state, outcome)
        # A registered appointment is still a referral appointment; at most 3 of them.
        assert APPOINTMENT[state][0] <= 3
        if outcome != P:
            absences += 1
        state = step.after
        if absences >= 3:
            assert state == LadderState.STOPPED
    assert absences <= 3


@given(st.lists(st.sampled_from([NONE, VALID, INVALID]), min_size=3, max_size=3))
def test_med_03_three_absences_always_stop(outcomes):
    state = LadderState.ORDINARY_1
    for outcome in outcomes:
        if state == LadderState.STOPPED:
            break
        state = ladder_step(state, outcome).after
    assert state == LadderState.STOPPED


def test_med_04_present_passes_mediatorship():
    step = ladder_step(LadderState.REGISTERED_3, P)
    assert step.after == LadderState.PRESENT and step.reasons[0].rule == "MED-04"


def test_med_03_next_step_says_the_deadline_and_what_stops():
    absent = date(2025, 3, 10)
    nxt = next_step(
        state=LadderState.REGISTERED_2,
        last_absent_on=absent,
        appointment_made=False,
        today=date(2025, 3, 12),
        ruleset=RS,
    )
    assert nxt.plan_by == date(2025, 3, 17) and not nxt.late
    assert nxt.kind == AppointmentKind.REGISTERED and nxt.stops_on_next_invalid_absence
    late = next_step(
        state=LadderState.REGISTERED_3,
        last_absent_on=absent,
        appointment_made=False,
        today=date(2025, 3, 20),
        ruleset=RS,
    )
    assert late.late and late.stops_on_next_absence


def test_med_03_replan_target_warns_never_blocks():
    assert replan_on_time(absent_on=date(2025, 3, 1), fixed_on=date(2025, 3, 8), ruleset=RS) is None
    warning = replan_on_time(absent_on=date(2025, 3, 1), fixed_on=date(2025, 3, 12), ruleset=RS)
    assert warning.rule == "MED-03"


def test_med_02_reschedule_only_when_mediator_unavailable_never_changes_type():
    ok = reschedule_refusal(
        appointment_outcome=None,
        mediator_unavailable=True,
        kind_before="ordinary",
        kind_after="ordinary",
    )
    assert ok is None
    after_absence = reschedule_refusal(
        appointment_outcome="absent", mediator_unavailable=True, kind_before="o", kind_after="o"
    )
    assert after_absence.rule == "MED-02" and "Nieuwe eerste afspraak" in after_absence.message
    assert reschedule_refusal(
        appointment_outcome=None, mediator_unavailable=False, kind_before="o", kind_after="o"
    )
    assert reschedule_refusal(
        appointment_outcome=None,
        mediator_unavailable=True,
        kind_before="ordinary",
        kind_after="registered",
    )
    assert outcome_refusal(planned_on_or_before_now=False).rule == "MED-02"


def test_med_02_letter_adds_blank_pages_and_caps_at_twelve():
    size = letter_size(letter_pages=1, attachment_pages=[3, 2, 5], by_letter=True, ruleset=RS)
    assert size.blank_pages == 2 and size.total == 13 and size.refusal.rule == "MED-02"
    size = letter_size(letter_pages=1, attachment_pages=[3, 2, 4], by_letter=True, ruleset=RS)
    assert size.total == 11 and size.refusal is None
    by_mail = letter_size(letter_pages=1, attachment_pages=[7, 7], by_letter=False, ruleset=RS)
    assert by_mail.blank_pages == 0 and by_mail.refusal is None


@given(st.lists(st.integers(min_value=1, max_value=6), max_size=6))
def test_med_02_letter_total_is_even_per_attachment(pages):
    size = letter_size(letter_pages=1, attachment_pages=pages, by_letter=True, ruleset=RS)
    assert (size.total - 1) % 2 == 0
    assert (size.refusal is None) == (size.total <= 12)


def test_med_05_first_sheet_countdown():
    c = first_sheet_countdown(present_on=date(2019, 3, 15), today=date(2019, 3, 20), ruleset=RS)
    assert c.due_on == date(2019, 3, 30) and c.days_left == 10 and not c.late
    late = first_sheet_countdown(present_on=date(2019, 3, 1), today=date(2019, 3, 20), ruleset=RS)
    assert late.late and late.reason.rule == "MED-05"


def test_med_06_start_guard_follows_the_seed_without_signatures():
    ok = start_refusals(
        first_present=True, first_sheet=True, next_contact_planned=True, started=False
    )
    assert ok == []
    refusals = start_refusals(
        first_present=False, first_sheet=False, next_contact_planned=False, started=False
    )
    assert {r.rule for r in refusals} == {"MED-06"} and len(refusals) == 3
    missing = first_sheet_signatures_missing(partner_signed=True, participant_signed=False)
    assert [r.rule for r in missing] == ["MED-05"] and "de deelnemer" in missing[0].message
    assert first_sheet_signatures_missing(partner_signed=True, participant_signed=True) == []


def test_med_08_file_checklist_is_an_open_list():
    items = file_checklist(has_contact_data=True, ticked={"cv": True}, extra={"Rijbewijs": False})
    missing = [i.label for i in items if not i.ok]
    assert "Cv gepubliceerd" not in missing and "Rijbewijs" in missing
    assert "Competenties gescoord" in missing


def test_med_11_training_rules():
    assert training_cancel_refusal(requested=True, organiser_is_vdab=False, started=False) is None
    assert training_cancel_refusal(requested=True, organiser_is_vdab=False, started=True)
    vdab = training_cancel_refusal(requested=True, organiser_is_vdab=True, started=False)
    assert "seintje" in vdab.message and vdab.rule == "MED-11"
    assert own_training_refusal(is_bvs=True, code="953030", ruleset=RS) is None
    assert own_training_refusal(is_bvs=True, code="123", ruleset=RS).rule == "MED-11"


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


# ---- MED-17: annexes 3 and 4 -------------------------------------------------------------------

ANNEX_3 = [
    ("passive", "partner_advice", "need", ReturnTo.NONE),
    ("passive", "partner_advice", "reassess", ReturnTo.NONE),
    ("passive", "partner_advice", "no_need", ReturnTo.NONE),
    ("passive", "partner_advice", "exhausted", ReturnTo.NONE),
    ("passive", "automatic", None, ReturnTo.NONE),
    ("passive", "vdab", None, ReturnTo.VDAB_MEDIATOR),
    ("max_duration", "partner_advice", "need", ReturnTo.CHEF_OE),
    ("max_duration", "partner_advice", "no_need", ReturnTo.NONE),
    ("max_duration", "partner_advice", "exhausted", ReturnTo.NONE),
    ("max_duration", "automatic", None, ReturnTo.CHEF_OE),
    ("max_duration", "vdab", None, ReturnTo.VDAB_MEDIATOR),
]


@pytest.mark.parametrize(("reason", "way", "advice", "to"), ANNEX_3)
def test_med_17_annex_3_rows(reason, way, advice, to):
    decision = return_to_vdab(
        tender="TIBB4", reason=reason, way=way, advice=advice, open_items=False
    )
    assert decision.to == to and decision.reasons[0].rule == "MED-17"


@pytest.mark.parametrize(
    ("reason", "way", "advice", "to"), [r for r in ANNEX_3 if r[0] == "max_duration"]
)
def test_med_17_annex_4_wij3_rows(reason, way, advice, to):
    decision = return_to_vdab(
        tender="WIJ3", reason=reason, way=way, advice=advice, open_items=False
    )
    assert decision.to == to and "bijlage 4" in decision.reasons[0].message


def test_med_17_wij3_has_no_passive_rows():
    with pytest.raises(ValueError):
        return_to_vdab(
            tender="WIJ3", reason="passive", way="automatic", advice=None, open_items=False
        )


@pytest.mark.parametrize(("reason", "way", "advice", "to"), ANNEX_3)
def test_med_17_open_actions_always_return_to_vdab(reason, way, advice, to):
    decision = return_to_vdab(tender="SAB3", reason=reason, way=way, advice=advice, open_items=True)
    assert decision.to != ReturnTo.NONE
    if to == ReturnTo.CHEF_OE:
        assert decision.to == ReturnTo.CHEF_OE
