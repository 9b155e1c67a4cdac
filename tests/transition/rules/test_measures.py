"""rules/measures.py: BVS, TBS, IBO and ACTIVA — documents, approvals, durations (TRN-09..12)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.measures import (
    ACTIVA_C4_TEXT,
    INTERNSHIPS,
    LEADS_TO,
    MEASURE_LABELS,
    MEASURE_PHASE,
    REQUIREMENTS,
    TRANSITIONS,
    MeasureFacts,
    MeasureKind,
    MeasureRules,
    Moment,
    activa_advantage,
    add_months,
    close_refusal,
    default_end,
    duration_days,
    duration_refusal,
    duration_warning,
    follow_on_refusal,
    last_allowed_day,
    missing_for_close,
    missing_for_start,
    requirements,
    resignation_refusal,
    start_refusal,
    start_warnings,
)

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


def keys(reqs):
    return [r.key for r in reqs]


def all_start_keys(kind):
    return frozenset(
        k for r in REQUIREMENTS[kind] if r.moment == Moment.START for k in r.met_by or {r.key}
    )


def complete(kind, **extra):
    """Facts with every start requirement of `kind` on file."""
    facts = {"present": all_start_keys(kind)}
    if kind == MeasureKind.ACTIVA:
        facts |= {"origin": "SW", "c4_text": ACTIVA_C4_TEXT}
    if kind == MeasureKind.IBO:
        facts |= {"sample_contract_on": date(2026, 3, 1), "resignation_signed_on": date(2026, 3, 2)}
    return MeasureFacts(**(facts | extra))


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


def test_trn_09_to_12_requirement_keys_are_unique_per_kind_and_carry_their_rule():
    rule = {"bvs": "TRN-09", "tbs": "TRN-10", "ibo": "TRN-11", "activa": "TRN-12"}
    for kind, reqs in REQUIREMENTS.items():
        assert len(set(keys(reqs))) == len(reqs)
        assert {r.rule for r in reqs} == {rule[kind]}
        assert all(str(r.label) for r in reqs)


# ---- TRN-09 BVS ------------------------------------------------------------------------------------


def test_trn_09_bvs_needs_the_seed_documents_before_start():
    assert keys(missing_for_start("bvs", MeasureFacts())) == [
        "bvs_agreement",
        "social_inspection_permission",
        "task_description",
        "insurance_broker_check",
        "mentor_named",
    ]


def test_trn_09_bvs_evaluations_are_needed_before_closing_not_before_start():
    facts = complete("bvs")
    assert missing_for_start("bvs", facts) == ()
    assert keys(missing_for_close("bvs", facts)) == ["interim_evaluation", "final_evaluation"]
    assert "observatieschema" in str(REQUIREMENTS["bvs"][-1].label)
    done = MeasureFacts(present=facts.present | {"interim_evaluation", "final_evaluation"})
    assert close_refusal("bvs", done) is None


def test_trn_09_bvs_close_refusal_names_what_is_missing():
    refusal = close_refusal("bvs", complete("bvs"))
    assert refusal.rule == "TRN-09"
    assert "Tussentijdse evaluatie" in refusal.message and "Eindevaluatie" in refusal.message


def test_trn_09_bvs_start_refused_naming_every_missing_document():
    refusal = start_refusal("bvs", MeasureFacts(present=frozenset({"bvs_agreement"})))
    assert refusal.rule == "TRN-09"
    assert "BVS" in refusal.message and "kan niet starten" in refusal.message
    assert "Overeenkomst BVS;" not in refusal.message
    for label in (
        "Toestemming Sociale Inspectie",
        "taakomschrijving",
        "verzekeringsmakelaar",
        "peter",
    ):
        assert label in refusal.message


def test_trn_09_bvs_starts_when_complete():
    assert start_refusal("bvs", complete("bvs")) is None


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


def test_trn_09_a_changed_bvs_length_moves_the_warning():
    rules = MeasureRules(bvs_weeks=3)
    start = date(2026, 3, 2)
    assert duration_warning("bvs", start, date(2026, 3, 22), rules) is None
    assert duration_warning("bvs", start, date(2026, 3, 23), rules) is not None


# ---- TRN-10 TBS ------------------------------------------------------------------------------------


def test_trn_10_tbs_needs_the_form_approval_and_standard_documents():
    assert keys(missing_for_start("tbs", MeasureFacts())) == [
        "tbs_agreement",
        "tbs_inspection_request",
        "social_inspection_permission",
        "union_approval",
        "tbs_standard_form",
        "tbs_basic_contract",
        "wage_difference_agreed",
    ]
    labels = [str(r.label) for r in REQUIREMENTS["tbs"]]
    assert "Formulier ‘aanvraag toestemming TBS aan sociale inspectie’" in labels
    assert {
        "TBS Prestatiestaat 1",
        "TBS Prestatiestaat 2",
        "TBS Kostenstaat verplaatsingen",
    } <= set(labels)


def test_trn_10_tbs_statements_are_needed_before_closing():
    assert keys(missing_for_close("tbs", complete("tbs"))) == [
        "tbs_performance_statement_1",
        "tbs_performance_statement_2",
        "tbs_travel_costs",
    ]
    assert close_refusal("tbs", complete("tbs")).rule == "TRN-10"


def test_trn_10_tbs_with_union_delegation_needs_the_unions_approval():
    base = all_start_keys("tbs") - {"union_approval", "joint_committee_approval"}
    with_unions = MeasureFacts(
        present=base | {"joint_committee_approval"}, nec_has_union_delegation=True
    )
    assert keys(missing_for_start("tbs", with_unions)) == ["union_approval"]
    assert "ondernemingsraad" in start_refusal("tbs", with_unions).message
    ok = MeasureFacts(present=base | {"union_approval"}, nec_has_union_delegation=True)
    assert start_refusal("tbs", ok) is None


def test_trn_10_tbs_without_union_delegation_needs_the_joint_committee():
    base = all_start_keys("tbs") - {"union_approval", "joint_committee_approval"}
    without = MeasureFacts(present=base | {"union_approval"}, nec_has_union_delegation=False)
    assert keys(missing_for_start("tbs", without)) == ["joint_committee_approval"]
    assert "paritair comité" in start_refusal("tbs", without).message
    ok = MeasureFacts(present=base | {"joint_committee_approval"}, nec_has_union_delegation=False)
    assert start_refusal("tbs", ok) is None


@pytest.mark.parametrize("approval", ["union_approval", "joint_committee_approval"])
def test_trn_10_tbs_delegation_unknown_either_approval_suffices(approval):
    base = all_start_keys("tbs") - {"union_approval", "joint_committee_approval"}
    assert start_refusal("tbs", MeasureFacts(present=base | {approval})) is None


def test_trn_10_requirements_only_vary_for_tbs():
    facts = MeasureFacts(nec_has_union_delegation=False)
    for kind in ("bvs", "ibo", "activa"):
        assert requirements(kind, facts) == REQUIREMENTS[kind]


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


# ---- TRN-11 IBO ------------------------------------------------------------------------------------


def test_trn_11_ibo_needs_both_permissions_plan_sample_contract_resignation_and_c4():
    assert keys(missing_for_start("ibo", MeasureFacts())) == [
        "vdab_ibo_permission",
        "rva_permission",
        "ibo_agreement",
        "training_plan",
        "sample_contract",
        "resignation",
        "c4_rva_agreement",
    ]
    assert missing_for_close("ibo", complete("ibo")) == ()


def test_trn_11_ibo_starts_when_complete_and_in_order():
    assert start_refusal("ibo", complete("ibo")) is None


def test_trn_11_ibo_resignation_before_sample_contract_refused():
    facts = complete(
        "ibo", sample_contract_on=date(2026, 3, 5), resignation_signed_on=date(2026, 3, 4)
    )
    refusal = start_refusal("ibo", facts)
    assert refusal.rule == "TRN-11" and "voorbeeldcontract" in refusal.message
    assert "04/03/2026" in refusal.message


def test_trn_11_ibo_resignation_without_sample_contract_refused():
    assert resignation_refusal("ibo", MeasureFacts(), date(2026, 3, 4)).rule == "TRN-11"


def test_trn_11_ibo_resignation_on_or_after_sample_contract_allowed():
    facts = MeasureFacts(sample_contract_on=date(2026, 3, 4))
    assert resignation_refusal("ibo", facts, date(2026, 3, 4)) is None
    assert resignation_refusal("ibo", facts, date(2026, 3, 10)) is None


def test_trn_11_resignation_order_only_binds_the_ibo():
    assert resignation_refusal("activa", MeasureFacts(), date(2026, 3, 4)) is None


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


# ---- TRN-12 ACTIVA ---------------------------------------------------------------------------------


def test_trn_12_activa_c4_text_is_the_seeds():
    assert ACTIVA_C4_TEXT == (
        "ontslag in onderlinge toestemming omwille van doorstroom naar een arbeidscontract in het "
        "NEC met betere arbeidsomstandigheden."
    )


def test_trn_12_activa_needs_eligibility_c4_contract_wage_and_rva_application():
    assert keys(missing_for_start("activa", MeasureFacts())) == [
        "activa_eligible",
        "resignation",
        "c4_activa_text",
        "activa_contract",
        "agreed_wage_stated",
        "rva_application",
    ]


@pytest.mark.parametrize("origin", ["SW", "LDE"])
def test_trn_12_activa_for_social_workshop_or_local_service_economy(origin):
    assert start_refusal("activa", complete("activa", origin=origin)) is None


@pytest.mark.parametrize("origin", [None, "WEP", "sw", ""])
def test_trn_12_activa_refused_for_other_origins(origin):
    refusal = start_refusal("activa", complete("activa", origin=origin))
    assert refusal.rule == "TRN-12" and "Sociale Werkplaats" in refusal.message


def test_trn_12_activa_eligibility_cannot_be_ticked_by_hand():
    facts = complete("activa", origin=None)
    assert "activa_eligible" in facts.present
    assert keys(missing_for_start("activa", facts)) == ["activa_eligible"]


@pytest.mark.parametrize(
    "text",
    [
        ACTIVA_C4_TEXT,
        ACTIVA_C4_TEXT.rstrip("."),
        f"  '{ACTIVA_C4_TEXT}'  ",
        ACTIVA_C4_TEXT.replace(" ", "  "),
        ACTIVA_C4_TEXT.capitalize(),
    ],
)
def test_trn_12_activa_c4_with_the_seed_text_accepted(text):
    assert start_refusal("activa", complete("activa", c4_text=text)) is None


@pytest.mark.parametrize(
    "text", [None, "", "ontslag in onderlinge toestemming", "ontslag om dringende reden"]
)
def test_trn_12_activa_c4_with_another_text_refused(text):
    refusal = start_refusal("activa", complete("activa", c4_text=text))
    assert refusal.rule == "TRN-12" and "C4" in refusal.message


@pytest.mark.parametrize("document", ["activa_contract", "activa_intent_statement"])
def test_trn_12_activa_contract_or_statement_of_intent(document):
    present = all_start_keys("activa") - {"activa_contract", "activa_intent_statement"} | {document}
    assert start_refusal("activa", complete("activa", present=present)) is None


def test_trn_12_activa_statement_of_intent_needs_the_wage():
    present = all_start_keys("activa") - {"agreed_wage_stated"}
    assert keys(missing_for_start("activa", complete("activa", present=present))) == [
        "agreed_wage_stated"
    ]


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


# ---- durations in general ---------------------------------------------------------------------------


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


# ---- TRN-09, TRN-10: what a measure may lead to ------------------------------------------------


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
