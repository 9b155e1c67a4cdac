"""rules/measures.py: BVS, TBS, IBO and ACTIVA — numbers, durations, what each leads to (TRN-09..12)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.measures import (
    INTERNSHIPS,
    LEADS_TO,
    MEASURE_LABELS,
    MEASURE_PHASE,
    REQUIREMENTS,
    TRANSITIONS,
    MeasureFacts,
    MeasureKind,
    MeasureRules,
    activa_advantage,
    add_months,
    default_end,
    duration_days,
    duration_refusal,
    duration_warning,
    follow_on_refusal,
    last_allowed_day,
    rva_payment_expected_by,
    start_warnings,
)

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


# ---- TRN-09..12: the numbers and the kinds ------------------------------------------------------


def test_trn_09_to_12_seed_numbers_are_the_defaults():
    rules = MeasureRules()
    assert (rules.bvs_weeks, rules.tbs_max_weeks) == (2, 3)
    assert (rules.ibo_min_weeks, rules.ibo_max_months) == (4, 6)
    assert (rules.activa_min_years, rules.activa_reduction_per_quarter_eur) == (2, 1000)
    assert rules.activa_work_allowance_eur == 500
    assert rules.rva_payment_max_days == 14
    assert rules.bvs_training_code == "953030"
    assert (rules.followup_first_weeks, rules.followup_second_months) == (2, 6)


def test_trn_09_to_12_rules_are_frozen():
    with pytest.raises(AttributeError):
        MeasureRules().bvs_weeks = 3


def test_trn_09_to_12_every_kind_has_a_dutch_name_phase_and_requirements():
    assert str(MEASURE_LABELS[MeasureKind.BVS]) == "Beroeps Verkennende Stage (BVS)"
    assert str(MEASURE_LABELS[MeasureKind.TBS]) == "Ter Beschikking Stelling (TBS)"
    assert str(MEASURE_LABELS[MeasureKind.IBO]) == (
        "Individuele Beroepsopleiding binnen de Onderneming (IBO)"
    )
    assert str(MEASURE_LABELS[MeasureKind.ACTIVA]) == "ACTIVA-plan"
    for kind in MeasureKind:
        assert REQUIREMENTS[kind] and MEASURE_PHASE[kind] in {"2.4", "3.1"}


def test_trn_13_bvs_and_tbs_are_internships_ibo_and_activa_transitions():
    assert {MeasureKind.BVS, MeasureKind.TBS} == INTERNSHIPS
    assert {MeasureKind.IBO, MeasureKind.ACTIVA} == TRANSITIONS
    assert MEASURE_PHASE[MeasureKind.BVS] == MEASURE_PHASE[MeasureKind.TBS] == "2.4"
    assert MEASURE_PHASE[MeasureKind.IBO] == MEASURE_PHASE[MeasureKind.ACTIVA] == "3.1"


@pytest.mark.parametrize("weeks", [1, 2])
def test_trn_09_bvs_of_two_weeks_or_less_does_not_warn(weeks):
    start = date(2026, 3, 2)
    assert duration_warning("bvs", start, start + timedelta(weeks=weeks, days=-1)) is None
    assert duration_refusal("bvs", start, start + timedelta(weeks=weeks, days=-1)) is None


def test_trn_09_bvs_longer_than_two_weeks_warns():
    start = date(2026, 3, 2)
    warning = duration_warning("bvs", start, date(2026, 3, 16))
    assert warning.rule == "TRN-09" and "15 dagen" in warning.message
    assert duration_refusal("bvs", start, date(2026, 3, 16)) is None  # warns, never blocks


def test_trn_09_bvs_default_end_is_two_weeks_both_days_included():
    end = default_end("bvs", date(2026, 3, 2))
    assert end == date(2026, 3, 15) and duration_days(date(2026, 3, 2), end) == 14
    assert default_end("ibo", date(2026, 3, 2)) is None


@given(start=days, length=st.integers(min_value=1, max_value=120))
def test_trn_09_bvs_warns_exactly_beyond_its_weeks(start, length):
    end = start + timedelta(days=length - 1)
    assert (duration_warning("bvs", start, end) is not None) == (length > 14)
    assert duration_refusal("bvs", start, end) is None


def test_trn_10_tbs_up_to_three_weeks_allowed():
    start = date(2026, 3, 2)
    assert last_allowed_day("tbs", start) == date(2026, 3, 22)
    assert duration_refusal("tbs", start, date(2026, 3, 22)) is None


def test_trn_10_tbs_over_three_weeks_refused():
    refusal = duration_refusal("tbs", date(2026, 3, 2), date(2026, 3, 23))
    assert (
        refusal.rule == "TRN-10"
        and "3 weken" in refusal.message
        and "22/03/2026" in refusal.message
    )


@given(start=days, length=st.integers(min_value=1, max_value=200))
def test_trn_10_tbs_refused_exactly_beyond_21_days(start, length):
    end = start + timedelta(days=length - 1)
    assert (duration_refusal("tbs", start, end) is not None) == (length > 21)
    assert duration_warning("tbs", start, end) is None


def test_trn_11_rva_pays_within_fourteen_days_of_the_resignation():
    assert rva_payment_expected_by(date(2026, 3, 4)) == date(2026, 3, 18)
    assert rva_payment_expected_by(date(2026, 3, 4), MeasureRules(rva_payment_max_days=7)) == date(
        2026, 3, 11
    )


def test_trn_11_ibo_of_three_weeks_refused():
    refusal = duration_refusal("ibo", date(2026, 3, 2), date(2026, 3, 22))
    assert refusal.rule == "TRN-11" and "minimaal 4 weken" in refusal.message


def test_trn_11_ibo_of_four_weeks_allowed():
    assert duration_refusal("ibo", date(2026, 3, 2), date(2026, 3, 29)) is None


def test_trn_11_ibo_of_six_months_allowed():
    assert last_allowed_day("ibo", date(2026, 1, 1)) == date(2026, 6, 30)
    assert duration_refusal("ibo", date(2026, 1, 1), date(2026, 6, 30)) is None


def test_trn_11_ibo_of_seven_months_refused():
    refusal = duration_refusal("ibo", date(2026, 1, 1), date(2026, 7, 31))
    assert refusal.rule == "TRN-11" and "maximaal 6 maanden" in refusal.message
    assert duration_refusal("ibo", date(2026, 1, 1), date(2026, 7, 1)).rule == "TRN-11"


def test_trn_11_ibo_six_months_from_the_31st_ends_at_month_end():
    assert last_allowed_day("ibo", date(2026, 8, 31)) == date(2027, 2, 27)


@given(start=days, length=st.integers(min_value=1, max_value=250))
def test_trn_11_ibo_allowed_exactly_from_28_days_to_the_day_before_six_months(start, length):
    end = start + timedelta(days=length - 1)
    allowed = length >= 28 and end < add_months(start, 6)
    assert (duration_refusal("ibo", start, end) is None) == allowed


def test_trn_12_activa_warns_when_the_coach_does_not_accompany():
    assert start_warnings("activa", MeasureFacts(coach_accompanies_rva=False))[0].rule == "TRN-12"
    assert start_warnings("activa", MeasureFacts(coach_accompanies_rva=True)) == ()
    assert start_warnings("activa", MeasureFacts()) == ()
    assert start_warnings("bvs", MeasureFacts(coach_accompanies_rva=False)) == ()


def test_trn_12_activa_advantage_sentence():
    assert activa_advantage() == (
        "Minimaal 2 jaar € 1.000 RSZ-vermindering per kwartaal (≈ € 333 per maand) en een "
        "werkuitkering van € 500."
    )


def test_trn_12_activa_has_no_duration_limit():
    assert duration_refusal("activa", date(2026, 1, 1), date(2030, 1, 1)) is None
    assert last_allowed_day("activa", date(2026, 1, 1)) is None


@pytest.mark.parametrize("kind", list(MeasureKind))
def test_trn_09_to_12_end_before_start_refused(kind):
    refusal = duration_refusal(kind, date(2026, 3, 2), date(2026, 3, 1))
    assert refusal is not None and "vóór de begindatum" in refusal.message
    assert duration_warning(kind, date(2026, 3, 2), date(2026, 3, 1)) is None


@given(start=days, end=days)
def test_trn_09_to_12_duration_days_counts_both_ends(start, end):
    if end >= start:
        assert duration_days(start, end) == (end - start).days + 1 >= 1


@given(day=days, months=st.integers(min_value=0, max_value=36))
def test_trn_11_add_months_keeps_the_day_or_the_month_end(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or later.day < day.day and (later + timedelta(days=1)).day == 1


@pytest.mark.parametrize("previous", ["bvs", "tbs"])
@pytest.mark.parametrize("following", ["activa", "ibo"])
def test_trn_09_bvs_and_tbs_may_lead_to_activa_or_ibo(previous, following):
    assert following in LEADS_TO[previous]
    assert follow_on_refusal(previous, following) is None


@pytest.mark.parametrize(
    ("previous", "following"),
    [("bvs", "bvs"), ("bvs", "tbs"), ("tbs", "bvs"), ("ibo", "activa"), ("activa", "ibo")],
)
def test_trn_09_other_follow_ons_refused(previous, following):
    refusal = follow_on_refusal(previous, following)
    assert refusal is not None and "volgt geen" in refusal.message
