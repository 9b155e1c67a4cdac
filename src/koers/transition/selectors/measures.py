"""TRN-09..12: a worker's work measures as the pages and the API show them — the documents and
approvals each still needs, what blocks its start or closing, and the advice that only warns.
Every read starts from `visible_to`; a file's measures are read in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from koers.core.models import Organisation, User
from koers.lib.rules import Reason
from koers.trajectories.models import Programme
from koers.trajectories.rulesets import ruleset_by_version
from koers.transition import models as m
from koers.transition.rules import competences as comp_rules
from koers.transition.rules import measure_states
from koers.transition.rules import measures as rules
from koers.transition.rules.ruleset import TransitionRuleset

# Kept on file by the facts, never ticked by hand (TRN-12: the origin, the C4 text).
DERIVED_KEYS = frozenset({"activa_eligible", "c4_activa_text"})
CHECKLIST_KINDS = frozenset({rules.MeasureKind.BVS, rules.MeasureKind.TBS})
ACTIVA_C4_TEXT = rules.ACTIVA_C4_TEXT
KIND_CHOICES = m.MeasureKind.choices
ORIGIN_CHOICES = [(k, str(v)) for k, v in rules.ACTIVA_ORIGINS.items()]


def rules_of(file: m.TransitionFile) -> TransitionRuleset:
    """The rule set the file was opened under (versions are cached: no query once loaded)."""
    return ruleset_by_version(Programme.TRANSITION, file.ruleset_version)


def measures_visible_to(user: User) -> QuerySet[m.Measure]:
    return m.Measure.objects.visible_to(user).select_related(
        "file__client",
        "file__trajectory__organisation",
        "file__trajectory__responsible",
        "employer",
    )


def measure_get(*, user: User, pk: int) -> m.Measure:
    try:
        return measures_visible_to(user).get(pk=pk)
    except m.Measure.DoesNotExist:
        raise Http404 from None


def facts_of(measure: m.Measure) -> rules.MeasureFacts:
    return rules.MeasureFacts(
        present=frozenset(measure.present or ()),
        nec_has_union_delegation=measure.nec_has_union_delegation,
        origin=measure.origin or None,
        c4_text=measure.c4_text or None,
        sample_contract_on=measure.sample_contract_on,
        resignation_signed_on=measure.resignation_signed_on,
        coach_accompanies_rva=measure.coach_accompanies_rva,
    )


def tickable_keys(kind: str) -> frozenset[str]:
    """The keys a coach may tick for a measure of this kind (both TBS approvals included)."""
    keys = set()
    for r in rules.REQUIREMENTS[rules.MeasureKind(kind)]:
        keys |= {r.key, *r.met_by}
    if kind == rules.MeasureKind.TBS:
        keys.add("joint_committee_approval")
    return frozenset(keys - DERIVED_KEYS)


def default_end(kind: str, start: date, ruleset: rules.MeasureRules) -> date | None:
    return rules.default_end(kind, start, ruleset)


@dataclass(frozen=True)
class RequirementRow:
    key: str
    label: str
    rule: str
    moment: str
    met: bool
    tickable: bool


@dataclass
class MeasureView:
    measure: m.Measure
    rows: list[RequirementRow]
    missing_for_start: list[RequirementRow]
    missing_for_close: list[RequirementRow]
    start_refusal: Reason | None
    close_refusal: Reason | None
    warnings: list[Reason]
    pay: str
    activa_advantage: str = ""
    rva_payment_expected_by: date | None = None
    evaluations: list[m.MeasureEvaluation] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.measure.state in measure_states.OPEN_STATES

    @property
    def can_start(self) -> bool:
        return self.measure.state == m.MeasureState.PLANNED

    @property
    def can_evaluate(self) -> bool:
        return self.measure.state == m.MeasureState.RUNNING

    @property
    def can_close(self) -> bool:
        return self.measure.state == m.MeasureState.RUNNING

    @property
    def has_checklist(self) -> bool:
        return self.measure.kind in CHECKLIST_KINDS


def _row(r: rules.Requirement, gaps: set[str]) -> RequirementRow:
    return RequirementRow(
        r.key, str(r.label), r.rule, str(r.moment), r.key not in gaps, r.key not in DERIVED_KEYS
    )


def measure_view(measure: m.Measure, ruleset: rules.MeasureRules) -> MeasureView:
    """What the measure needs and where it stands (evaluations from the prefetch, if any)."""
    facts = facts_of(measure)
    kind = measure.kind
    all_gaps = {r.key for r in rules.missing(kind, facts, rules.Moment.CLOSE)}
    rows = [_row(r, all_gaps) for r in rules.requirements(kind, facts)]
    start_gaps = {r.key for r in rules.missing_for_start(kind, facts)}
    close_gaps = {r.key for r in rules.missing_for_close(kind, facts)} - start_gaps
    long = rules.duration_warning(kind, measure.planned_start, measure.planned_end, ruleset)
    warnings = [long] if long else []
    warnings += list(rules.start_warnings(kind, facts))
    view = MeasureView(
        measure=measure,
        rows=rows,
        missing_for_start=[r for r in rows if r.key in start_gaps],
        missing_for_close=[r for r in rows if r.key in close_gaps],
        start_refusal=rules.start_refusal(kind, facts),
        close_refusal=rules.close_refusal(kind, facts),
        warnings=warnings,
        pay=rules.MEASURE_PAY[kind],
        evaluations=list(getattr(measure, "evaluation_list", [])),
    )
    if kind == rules.MeasureKind.ACTIVA:
        view.activa_advantage = rules.activa_advantage(ruleset)
    if kind in (rules.MeasureKind.IBO, rules.MeasureKind.ACTIVA) and measure.resignation_signed_on:
        view.rva_payment_expected_by = rules.rva_payment_expected_by(
            measure.resignation_signed_on, ruleset
        )
    return view


def with_evaluations(measures: QuerySet[m.Measure]) -> QuerySet[m.Measure]:
    evaluations = m.MeasureEvaluation.objects.select_related("by").order_by("on", "id")
    return measures.prefetch_related(
        Prefetch("evaluations", queryset=evaluations, to_attr="evaluation_list")
    )


def file_measures(file: m.TransitionFile, user: User) -> list[MeasureView]:
    """The file page's "measures" section: every measure of the file, newest first."""
    ruleset = rules_of(file)
    found = with_evaluations(measures_visible_to(user).filter(file=file))
    return [measure_view(measure, ruleset) for measure in found]


@dataclass(frozen=True)
class CompetenceOption:
    code: str
    name: str


def competences_of(organisation: Organisation) -> list[CompetenceOption]:
    """TRN-04/05: the organisation's active profile, else the seed's 18 competences."""
    rows = m.Competence.objects.filter(organisation=organisation, active=True).order_by(
        "position", "id"
    )
    found = [CompetenceOption(c.code, c.name) for c in rows]
    return found or [CompetenceOption(c.code, c.label) for c in comp_rules.SEED_COMPETENCES]


def sam_choices() -> list[tuple[int, str]]:
    return [(int(level), str(label)) for level, label in comp_rules.SAM_LABELS.items()]


def employers_for(user: User, organisation: Organisation) -> QuerySet[m.Employer]:
    return m.Employer.objects.visible_to(user).filter(organisation=organisation).order_by("name")


@dataclass
class MeasurePage:
    view: MeasureView
    file: m.TransitionFile
    competences: list[CompetenceOption]
    follow_ons: list[m.Measure]


def measure_page(*, user: User, pk: int) -> MeasurePage:
    measure = with_evaluations(measures_visible_to(user)).filter(pk=pk).first()
    if measure is None:
        raise Http404
    file = measure.file
    return MeasurePage(
        view=measure_view(measure, rules_of(file)),
        file=file,
        competences=competences_of(file.trajectory.organisation),
        follow_ons=list(measure.followed_by.all()),
    )


def measure_choices_for_file(file: m.TransitionFile) -> list[m.Measure]:
    return list(m.Measure.objects.filter(file=file).order_by("-planned_start", "-id"))


@dataclass
class MeasuresSection:
    file: m.TransitionFile
    measures: list[MeasureView]
    kinds: list[tuple[str, str]]


def measures_section(file: m.TransitionFile, user: User) -> MeasuresSection:
    """The file page's "measures" section (TRN-09..12)."""
    short = [(k, k.upper()) for k, _label in KIND_CHOICES]  # BVS, TBS, IBO, ACTIVA
    return MeasuresSection(file=file, measures=file_measures(file, user), kinds=short)
