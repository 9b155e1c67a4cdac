"""TRN-09..12: planning, documents, start, evaluation, closing and cancelling of a work measure
through the services: bad input refused with the rule named and nothing changed."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from koers.transition import models as m
from koers.transition.rules.measures import ACTIVA_C4_TEXT
from koers.transition.services import measures as services
from tests.transition.conftest import TRN_TODAY

pytestmark = pytest.mark.django_db

BVS_DOCS = frozenset(
    {
        "bvs_agreement",
        "social_inspection_permission",
        "task_description",
        "insurance_broker_check",
        "mentor_named",
    }
)


@pytest.fixture
def employer(company):
    return m.Employer.objects.create(organisation=company, name="Logistiek Noord")


def plan(file, coach, kind="bvs", **data):
    data.setdefault("planned_start", TRN_TODAY)
    measure, warnings = services.measure_plan(
        file=file, data=services.MeasureData(kind=kind, **data), acting_user=coach
    )
    return measure, warnings


def _messages(exc) -> str:
    return " ".join(exc.value.messages)


def test_trn_09_a_bvs_ends_after_two_weeks_by_default_and_longer_only_warns(
    transition_file, job_coach, employer
):
    measure, warnings = plan(transition_file, job_coach, employer=employer, mentor="Jan")
    assert measure.planned_end == TRN_TODAY + timedelta(days=13)
    assert measure.state == m.MeasureState.PLANNED and warnings == []
    _long, warnings = plan(transition_file, job_coach, planned_end=TRN_TODAY + timedelta(days=20))
    assert warnings and warnings[0].rule == "TRN-09"


@pytest.mark.parametrize(
    ("end", "rule", "words"),
    [
        (TRN_TODAY + timedelta(weeks=3, days=-1), "TRN-11", "minimaal 4 weken"),
        (date(2027, 5, 5), "TRN-11", "maximaal 6 maanden"),
    ],
)
def test_trn_11_an_ibo_of_3_weeks_or_7_months_is_refused_and_nothing_saved(
    transition_file, job_coach, end, rule, words
):
    with pytest.raises(ValidationError) as exc:
        plan(transition_file, job_coach, kind="ibo", planned_end=end)
    assert rule in _messages(exc) and words in _messages(exc)
    assert "planned_end" in exc.value.message_dict
    assert not m.Measure.objects.exists()


def test_trn_10_a_tbs_over_3_weeks_is_refused(transition_file, job_coach):
    with pytest.raises(ValidationError) as exc:
        plan(transition_file, job_coach, kind="tbs", planned_end=TRN_TODAY + timedelta(weeks=3))
    assert "TRN-10" in _messages(exc)
    assert not m.Measure.objects.exists()


def test_trn_09_only_activa_or_ibo_follows_a_bvs(transition_file, job_coach):
    bvs, _ = plan(transition_file, job_coach)
    with pytest.raises(ValidationError) as exc:
        plan(transition_file, job_coach, kind="tbs", follows=bvs, planned_end=TRN_TODAY)
    assert "TRN-09" in _messages(exc) and "follows" in exc.value.message_dict
    ibo, _ = plan(
        transition_file, job_coach, kind="ibo", follows=bvs, planned_end=date(2026, 12, 1)
    )
    assert ibo.follows == bvs


def test_trn_09_a_new_employer_by_name_joins_the_company_list(transition_file, job_coach, company):
    measure, _ = plan(transition_file, job_coach, new_employer_name="Groen & Co")
    assert measure.employer.name == "Groen & Co"
    assert measure.employer.organisation == company


def test_trn_09_a_bvs_start_without_its_documents_is_refused_and_nothing_changed(
    transition_file, job_coach
):
    measure, _ = plan(transition_file, job_coach)
    with pytest.raises(ValidationError) as exc:
        services.measure_start(measure=measure, acting_user=job_coach)
    assert "TRN-09" in _messages(exc) and "Overeenkomst BVS" in _messages(exc)
    measure.refresh_from_db()
    assert measure.state == m.MeasureState.PLANNED and measure.started_on is None
    transition_file.trajectory.refresh_from_db()
    assert transition_file.trajectory.phase != "2.4"


def _complete_bvs(file, coach):
    measure, _ = plan(file, coach)
    services.measure_documents_update(
        measure=measure, data=services.DocumentsData(present=BVS_DOCS), acting_user=coach
    )
    return measure


def test_trn_09_a_bvs_with_its_documents_starts_runs_is_evaluated_and_closes(
    transition_file, job_coach
):
    measure = _complete_bvs(transition_file, job_coach)
    services.measure_start(measure=measure, acting_user=job_coach)
    measure.refresh_from_db()
    assert measure.state == m.MeasureState.RUNNING and measure.started_on == TRN_TODAY
    with pytest.raises(ValidationError) as exc:
        services.measure_close(measure=measure, acting_user=job_coach)
    assert "Tussentijdse evaluatie" in _messages(exc)
    for kind in ("interim", "final"):
        services.measure_evaluate(
            measure=measure,
            kind=kind,
            on=TRN_TODAY,
            levels={"initiatief": 3},
            acting_user=job_coach,
        )
    measure.refresh_from_db()
    assert {"interim_evaluation", "final_evaluation"} <= set(measure.present)
    services.measure_close(measure=measure, acting_user=job_coach)
    measure.refresh_from_db()
    assert measure.state == m.MeasureState.ENDED and measure.ended_on == TRN_TODAY


@pytest.mark.parametrize("levels", [{"initiatief": 5}, {"initiatief": 0}, {"vliegen": 2}])
def test_trn_09_an_evaluation_level_outside_the_sam_scale_is_refused(
    transition_file, job_coach, levels
):
    measure = _complete_bvs(transition_file, job_coach)
    services.measure_start(measure=measure, acting_user=job_coach)
    with pytest.raises(ValidationError) as exc:
        services.measure_evaluate(
            measure=measure, kind="interim", on=TRN_TODAY, levels=levels, acting_user=job_coach
        )
    assert "TRN-05" in _messages(exc)
    assert not m.MeasureEvaluation.objects.exists()


def test_trn_09_the_organisation_profile_decides_the_competences(
    transition_file, job_coach, company
):
    m.Competence.objects.create(
        organisation=company, code="stiptheid", name="Stiptheid", group="core"
    )
    measure = _complete_bvs(transition_file, job_coach)
    services.measure_start(measure=measure, acting_user=job_coach)
    with pytest.raises(ValidationError):
        services.measure_evaluate(
            measure=measure,
            kind="interim",
            on=TRN_TODAY,
            levels={"initiatief": 2},
            acting_user=job_coach,
        )
    services.measure_evaluate(
        measure=measure,
        kind="interim",
        on=TRN_TODAY,
        levels={"stiptheid": 2},
        acting_user=job_coach,
    )


def test_trn_10_the_union_delegation_decides_which_approval_is_missing(transition_file, job_coach):
    measure, _ = plan(
        transition_file,
        job_coach,
        kind="tbs",
        planned_end=TRN_TODAY,
        nec_has_union_delegation=False,
    )
    with pytest.raises(ValidationError) as exc:
        services.measure_start(measure=measure, acting_user=job_coach)
    assert "paritair comité" in _messages(exc) and "vakbonden" not in _messages(exc)


def test_trn_11_a_resignation_before_the_sample_contract_is_refused(transition_file, job_coach):
    with pytest.raises(ValidationError) as exc:
        plan(
            transition_file,
            job_coach,
            kind="ibo",
            planned_end=date(2026, 12, 31),
            sample_contract_on=date(2026, 10, 2),
            resignation_signed_on=date(2026, 10, 1),
        )
    assert "TRN-11" in _messages(exc) and "resignation_signed_on" in exc.value.message_dict
    assert not m.Measure.objects.exists()


def test_trn_12_activa_eligibility_and_the_c4_text_follow_from_the_facts(
    transition_file, job_coach
):
    measure, _ = plan(transition_file, job_coach, kind="activa", planned_end=TRN_TODAY)
    data = services.DocumentsData(
        present=frozenset(
            {"resignation", "activa_intent_statement", "agreed_wage_stated", "rva_application"}
        ),
        origin="SW",
        c4_text=ACTIVA_C4_TEXT,
    )
    services.measure_documents_update(measure=measure, data=data, acting_user=job_coach)
    services.measure_start(measure=measure, acting_user=job_coach)
    measure.refresh_from_db()
    assert measure.state == m.MeasureState.RUNNING


def test_trn_12_activa_eligibility_cannot_be_ticked_by_hand(transition_file, job_coach):
    measure, _ = plan(transition_file, job_coach, kind="activa", planned_end=TRN_TODAY)
    with pytest.raises(ValidationError) as exc:
        services.measure_documents_update(
            measure=measure,
            data=services.DocumentsData(present=frozenset({"activa_eligible"})),
            acting_user=job_coach,
        )
    assert "TRN-12" in _messages(exc)
    measure.refresh_from_db()
    assert measure.present == []


def test_trn_09_a_cancelled_measure_is_not_changed_any_more(transition_file, job_coach):
    measure, _ = plan(transition_file, job_coach)
    services.measure_cancel(measure=measure, acting_user=job_coach, why="Bedrijf haakt af")
    measure.refresh_from_db()
    assert measure.state == m.MeasureState.CANCELLED
    with pytest.raises(ValidationError):
        services.measure_documents_update(
            measure=measure, data=services.DocumentsData(present=BVS_DOCS), acting_user=job_coach
        )
    with pytest.raises(ValidationError):
        services.measure_start(measure=measure, acting_user=job_coach)
