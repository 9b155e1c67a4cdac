"""TRN-09..12: plan a work measure, keep its documents and approvals, start it (only with
everything on file), evaluate it on the observation form, close or cancel it.

Every refusal names the rule and changes nothing; the state moves only through
`measure_set_state`, and the phase follows each start, closing and cancellation."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason, reason
from koers.transition import models as m
from koers.transition.rules import competences as comp_rules
from koers.transition.rules import measures as rules
from koers.transition.selectors import measures as sel
from koers.transition.services.phase import phase_refresh
from koers.transition.services.states import measure_set_state, record_first_state


@dataclass
class MeasureData:
    kind: str
    planned_start: date
    planned_end: date | None = None
    employer: m.Employer | None = None
    new_employer_name: str = ""
    mentor: str = ""
    task_description: str = ""
    follows: m.Measure | None = None
    nec_has_union_delegation: bool | None = None
    origin: str = ""
    c4_text: str = ""
    sample_contract_on: date | None = None
    resignation_signed_on: date | None = None
    coach_accompanies_rva: bool | None = None
    wage_difference: Decimal | None = None
    travel_costs: Decimal | None = None
    agreed_wage: Decimal | None = None
    note: str = ""


def _employer(file: m.TransitionFile, data: MeasureData) -> m.Employer | None:
    organisation_id = file.trajectory.organisation_id
    if data.employer is not None:
        if data.employer.organisation_id != organisation_id:
            raise refusal("employer", reason("TRN-09", "Kies een werkgever van uw organisatie."))
        return data.employer
    name = data.new_employer_name.strip()
    if not name:
        return None
    # A name typed inline: the company's employer list gets it (or the one of that name).
    found = m.Employer.objects.filter(organisation_id=organisation_id, name__iexact=name).first()
    return found or m.Employer.objects.create(organisation_id=organisation_id, name=name)


def _check_plan(file: m.TransitionFile, data: MeasureData, end: date) -> None:
    ruleset = sel.rules_of(file)
    if file.is_called_off:
        raise refusal("__all__", reason("TRN-02", "Dit traject is afgeblazen."))
    too_long = rules.duration_refusal(data.kind, data.planned_start, end, ruleset)
    if too_long:
        raise refusal("planned_end", too_long)
    if data.follows is not None:
        if data.follows.file_id != file.pk:
            raise refusal(
                "follows",
                reason("TRN-09", "Kies een maatregel uit het dossier van deze werknemer."),
            )
        not_after = rules.follow_on_refusal(data.follows.kind, data.kind)
        if not_after:
            raise refusal("follows", not_after)
    if (
        data.kind == rules.MeasureKind.ACTIVA
        and data.origin
        and data.origin not in rules.ACTIVA_ORIGINS
    ):
        raise refusal(
            "origin", reason("TRN-12", "ACTIVA kan voor werknemers uit een SW of de LDE.")
        )


def _facts(data: MeasureData, present: frozenset[str] = frozenset()) -> rules.MeasureFacts:
    return rules.MeasureFacts(
        present=present,
        nec_has_union_delegation=data.nec_has_union_delegation,
        origin=data.origin or None,
        c4_text=data.c4_text or None,
        sample_contract_on=data.sample_contract_on,
        resignation_signed_on=data.resignation_signed_on,
        coach_accompanies_rva=data.coach_accompanies_rva,
    )


def _check_resignation(kind: str, facts: rules.MeasureFacts) -> None:
    if facts.resignation_signed_on:
        early = rules.resignation_refusal(kind, facts, facts.resignation_signed_on)
        if early:
            raise refusal("resignation_signed_on", early)


KIND_FIELDS = {
    rules.MeasureKind.BVS: (),
    rules.MeasureKind.TBS: ("nec_has_union_delegation", "wage_difference", "travel_costs"),
    rules.MeasureKind.IBO: ("sample_contract_on", "resignation_signed_on"),
    rules.MeasureKind.ACTIVA: (
        "origin",
        "c4_text",
        "resignation_signed_on",
        "coach_accompanies_rva",
        "agreed_wage",
    ),
}
COMMON_FIELDS = ("mentor", "task_description", "note")


def _default_end(kind: str, start: date, ruleset) -> date | None:
    """A BVS of 2 weeks (the rule set's); an ACTIVA plan for the years its advantages last
    (TRN-12: at least 2), the period the coach keeps it in view. TBS and IBO: agreed each time."""
    if kind == rules.MeasureKind.ACTIVA:
        return rules.add_months(start, 12 * ruleset.activa_min_years) - timedelta(days=1)
    return rules.default_end(kind, start, ruleset)


def measure_plan(
    *, file: m.TransitionFile, data: MeasureData, acting_user: User
) -> tuple[m.Measure, list[Reason]]:
    """TRN-09..12: a planned measure; the end defaults to the rule set's (a BVS of 2 weeks).
    Returns the measure and what only warns (a BVS beyond 2 weeks)."""
    if data.kind not in {k.value for k in rules.MeasureKind}:
        raise refusal("kind", reason("TRN-09", "Kies BVS, TBS, IBO of ACTIVA."))
    ruleset = sel.rules_of(file)
    end = data.planned_end or _default_end(data.kind, data.planned_start, ruleset)
    if end is None:
        raise refusal("planned_end", reason(rules.MEASURE_RULE[data.kind], "Geef de einddatum."))
    _check_plan(file, data, end)
    _check_resignation(data.kind, _facts(data))
    with transaction.atomic():
        measure = m.Measure(
            file=file,
            kind=data.kind,
            employer=_employer(file, data),
            planned_start=data.planned_start,
            planned_end=end,
            follows=data.follows,
            created_by=acting_user,
        )
        for name in (*COMMON_FIELDS, *KIND_FIELDS[rules.MeasureKind(data.kind)]):
            setattr(measure, name, getattr(data, name))
        save_with_user(measure, acting_user)
        record_first_state(measure, "state", acting_user=acting_user)
    long = rules.duration_warning(data.kind, data.planned_start, end, ruleset)
    return measure, [long] if long else []


def _locked(measure: m.Measure) -> m.Measure:
    locked = (
        m.Measure.objects.select_for_update(of=("self",))
        .select_related("file__trajectory")
        .get(pk=measure.pk)
    )
    if locked.state not in (m.MeasureState.PLANNED, m.MeasureState.RUNNING):
        raise refusal(
            "__all__",
            reason(rules.MEASURE_RULE[locked.kind], "Deze maatregel is afgesloten of geannuleerd."),
        )
    return locked


@dataclass
class DocumentsData:
    present: frozenset[str]
    nec_has_union_delegation: bool | None = None
    origin: str = ""
    c4_text: str = ""
    sample_contract_on: date | None = None
    resignation_signed_on: date | None = None
    coach_accompanies_rva: bool | None = None


def measure_documents_update(
    *, measure: m.Measure, data: DocumentsData, acting_user: User
) -> m.Measure:
    """TRN-09..12: the documents and approvals on file (ticks) and the facts they are judged by."""
    allowed = sel.tickable_keys(measure.kind)
    unknown = set(data.present) - allowed
    if unknown:
        raise refusal(
            "present",
            reason(
                rules.MEASURE_RULE[measure.kind],
                "Onbekend document: {keys}.",
                keys=", ".join(sorted(unknown)),
            ),
        )
    with transaction.atomic():
        measure = _locked(measure)
        fields = KIND_FIELDS[rules.MeasureKind(measure.kind)]
        for name in (
            "nec_has_union_delegation",
            "origin",
            "c4_text",
            "sample_contract_on",
            "resignation_signed_on",
            "coach_accompanies_rva",
        ):
            if name in fields:
                setattr(measure, name, getattr(data, name))
        measure.present = sorted(data.present)
        _check_resignation(measure.kind, sel.facts_of(measure))
        save_with_user(measure, acting_user)
    return measure


def measure_start(*, measure: m.Measure, acting_user: User, on: date | None = None) -> m.Measure:
    """TRN-09..12: a start is refused while a document or approval is missing (all named)."""
    on = on or timezone.localdate()
    with transaction.atomic():
        measure = _locked(measure)
        blocked = rules.start_refusal(measure.kind, sel.facts_of(measure))
        if blocked:
            raise refusal("__all__", blocked)
        if on > timezone.localdate():
            raise refusal(
                "started_on",
                reason(rules.MEASURE_RULE[measure.kind], "Een start in de toekomst kan niet."),
            )
        measure.started_on = on
        measure_set_state(
            measure, m.MeasureState.RUNNING, acting_user=acting_user, also_save=["started_on"]
        )
        phase_refresh(measure.file, acting_user=acting_user)
    return measure


# A recorded evaluation ticks its requirement (TRN-09: interim by phone, final on site).
EVALUATION_KEYS = {
    m.EvaluationKind.INTERIM: "interim_evaluation",
    m.EvaluationKind.FINAL: "final_evaluation",
}


def _check_levels(levels: dict, codes: set[str]) -> None:
    for code, value in levels.items():
        if code not in codes:
            raise refusal(
                "levels",
                reason("TRN-05", "‘{code}’ staat niet in het competentieprofiel.", code=code),
            )
        off_scale = comp_rules.level_refusal(value)
        if off_scale:
            raise refusal("levels", off_scale)


def measure_evaluate(
    *,
    measure: m.Measure,
    kind: str,
    on: date,
    levels: dict[str, int],
    acting_user: User,
    by_phone: bool = False,
    remarks: str = "",
) -> m.MeasureEvaluation:
    """TRN-09: an interim or final evaluation on the observation form, a SAM level per competence."""
    rule = rules.MEASURE_RULE.get(measure.kind, "TRN-09")
    if kind not in EVALUATION_KEYS:
        raise refusal("kind", reason(rule, "Kies tussentijdse evaluatie of eindevaluatie."))
    codes = {c.code for c in sel.competences_of(measure.file.trajectory.organisation)}
    _check_levels(levels, codes)
    with transaction.atomic():
        measure = _locked(measure)
        if measure.state != m.MeasureState.RUNNING:
            raise refusal("__all__", reason(rule, "Evalueer een maatregel die loopt."))
        if on > timezone.localdate() or (measure.started_on and on < measure.started_on):
            raise refusal("on", reason(rule, "De evaluatie valt tussen de start en vandaag."))
        if kind == m.EvaluationKind.FINAL and measure.evaluations.filter(kind=kind).exists():
            raise refusal("kind", reason(rule, "Deze maatregel heeft al een eindevaluatie."))
        evaluation = m.MeasureEvaluation(
            measure=measure,
            kind=kind,
            on=on,
            by_phone=by_phone,
            levels=levels,
            remarks=remarks,
            by=acting_user,
        )
        save_with_user(evaluation, acting_user)
        key = EVALUATION_KEYS[kind]
        if key in sel.tickable_keys(measure.kind) and key not in measure.present:
            measure.present = sorted({*measure.present, key})
            save_with_user(measure, acting_user, update_fields=["present"])
    return evaluation


def measure_close(*, measure: m.Measure, acting_user: User, on: date | None = None) -> m.Measure:
    """TRN-09, TRN-10: closing is refused while an evaluation or statement is missing."""
    on = on or timezone.localdate()
    with transaction.atomic():
        measure = _locked(measure)
        blocked = rules.close_refusal(measure.kind, sel.facts_of(measure))
        if blocked:
            raise refusal("__all__", blocked)
        if measure.state != m.MeasureState.RUNNING:
            raise refusal(
                "__all__",
                reason(rules.MEASURE_RULE[measure.kind], "Sluit een maatregel af die loopt."),
            )
        measure.ended_on = on
        measure_set_state(
            measure, m.MeasureState.ENDED, acting_user=acting_user, also_save=["ended_on"]
        )
        phase_refresh(measure.file, acting_user=acting_user)
    return measure


def measure_cancel(*, measure: m.Measure, acting_user: User, why: str = "") -> m.Measure:
    """TRN-09..12: a planned or running measure is called off (the reason kept with the move)."""
    with transaction.atomic():
        measure = _locked(measure)
        measure_set_state(
            measure, m.MeasureState.CANCELLED, acting_user=acting_user, why=why.strip()
        )
        phase_refresh(measure.file, acting_user=acting_user)
    return measure
