"""rules/measure_documents.py: the documents and approvals of BVS, TBS, IBO, ACTIVA (TRN-09..12)."""

from datetime import date

import pytest

from koers.transition.rules.measures import (
    ACTIVA_C4_TEXT,
    ACTIVA_ORIGINS,
    REQUIREMENTS,
    MeasureFacts,
    MeasureKind,
    MeasureRules,
    Moment,
    close_refusal,
    duration_warning,
    missing_for_close,
    missing_for_start,
    requirements,
    resignation_refusal,
    start_refusal,
)


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


# ---- TRN-09..12: the documents and approvals per measure ------------------------------------


def test_trn_09_to_12_requirement_keys_are_unique_per_kind_and_carry_their_rule():
    rule = {"bvs": "TRN-09", "tbs": "TRN-10", "ibo": "TRN-11", "activa": "TRN-12"}
    for kind, reqs in REQUIREMENTS.items():
        assert len(set(keys(reqs))) == len(reqs)
        assert {r.rule for r in reqs} == {rule[kind]}
        assert all(str(r.label) for r in reqs)


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


def test_trn_09_a_changed_bvs_length_moves_the_warning():
    rules = MeasureRules(bvs_weeks=3)
    start = date(2026, 3, 2)
    assert duration_warning("bvs", start, date(2026, 3, 22), rules) is None
    assert duration_warning("bvs", start, date(2026, 3, 23), rules) is not None


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


def test_trn_11_sample_contract_on_file_without_a_date_is_enough():
    facts = MeasureFacts(present=frozenset({"sample_contract"}))
    assert resignation_refusal("ibo", facts, date(2026, 3, 4)) is None


def test_trn_12_activa_origins_sw_and_lde():
    assert {k: str(v) for k, v in ACTIVA_ORIGINS.items()} == {
        "SW": "Sociale Werkplaats (SW)",
        "LDE": "Lokale Diensten Economie (LDE)",
    }


def test_trn_11_resignation_order_only_binds_the_ibo():
    assert resignation_refusal("activa", MeasureFacts(), date(2026, 3, 4)) is None


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
