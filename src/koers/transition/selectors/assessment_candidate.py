"""TRN-06/16: one candidate of a session — per competence the notes counted by assessor next to
the level descriptions (indicator rows), the proposals side by side and the agreed level — and
the report: the levels, strengths, growth points and points of attention, compared with the
intake (STARR notes, decision) and the referral's dialogue. A fixed number of queries."""

from dataclasses import dataclass, field, replace

from django.db.models import Prefetch

from koers.core.models import User
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import assessment as rules
from koers.transition.rules.referral import DIALOGUE_SHORT, DialoguePoint
from koers.transition.rules.ruleset import ruleset_for
from koers.transition.selectors.assessment import (
    candidate_get,
    comparisons_of,
    level_label,
    person_label,
)


@dataclass
class CompetenceRow:
    code: str
    name: str
    definition: str
    indicators: list[m.IndicatorRow]
    counts: list[int]  # per assessor of the session, how many notes (Kwantificeren)
    notes: list[m.Observation]
    cells: list[str]  # per assessor, the proposed level's label or ""
    spread: int | None
    warnings: tuple[Reason, ...]
    agreed: m.AgreedLevel | None
    agreed_label: str
    starr: list[m.StarrNote] = field(default_factory=list)


@dataclass
class CandidatePage:
    candidate: m.SessionCandidate
    session: m.AssessmentSession
    assessor_labels: list[str]
    is_assessor: bool
    rows: list[CompetenceRow]
    unclassified: list[m.Observation]
    levels: list[tuple[str, str]]  # (name, level label), the profile's order
    strengths: list[str]
    growth: list[str]
    still_open: tuple[Reason, ...]
    choices: list[tuple[str, str]]  # the profile's competences, for the forms
    file_visible: bool
    intake: m.Intake | None
    dialogue: list[tuple[str, str]]  # (point, what the dialogue recorded)


def _competences(organisation_id: int) -> list[m.Competence]:
    return list(
        m.Competence.objects.filter(organisation_id=organisation_id).prefetch_related(
            Prefetch("indicators", queryset=m.IndicatorRow.objects.order_by("position", "id"))
        )
    )


def _intake(file: m.TransitionFile) -> m.Intake | None:
    return (
        m.Intake.objects.filter(file=file)
        .select_related("coach", "second_coach")
        .prefetch_related("starr_notes")
        .first()
    )


def candidate_page(*, user: User, pk: int) -> CandidatePage:
    candidate = candidate_get(user=user, pk=pk)
    session = candidate.session
    assessors = list(session.assessors.select_related("user").order_by("user__first_name", "pk"))
    labels = [person_label(a.user) for a in assessors]
    notes = list(candidate.observations.select_related("assessor", "task").order_by("noted_at"))
    proposals = list(candidate.proposals.select_related("assessor"))
    agreed = {a.competence: a for a in candidate.agreed_levels.all()}
    competences = _competences(session.organisation_id)
    file_visible = m.TransitionFile.objects.visible_to(user).filter(pk=candidate.file_id).exists()
    intake = _intake(candidate.file) if file_visible else None
    starr = list(intake.starr_notes.all()) if intake else []

    key = str(candidate.pk)
    comparisons = {c.competence: c for c in comparisons_of(proposals)}
    # TRN-06 "Kwantificeren": how many notes each assessor made per competence.
    counted = rules.counts_by_assessor(
        (rules.Observation(person_label(o.assessor), key, o.text, o.competence) for o in notes),
        key,
    )
    ruleset = ruleset_for(session.created_at.date())
    used = {o.competence for o in notes} | set(comparisons) | set(agreed)
    rows = []
    for c in competences:
        if c.code not in used:
            continue
        mine = [o for o in notes if o.competence == c.code]
        comparison = comparisons.get(c.code)
        rows.append(
            CompetenceRow(
                code=c.code,
                name=c.name,
                definition=c.definition,
                indicators=list(c.indicators.all()),
                counts=[counted.get(c.code, {}).get(lb, 0) for lb in labels],
                notes=mine,
                cells=[
                    level_label(comparison.levels.get(lb)) if comparison else "" for lb in labels
                ],
                spread=comparison.spread if comparison else None,
                warnings=rules.comparison_warnings(comparison, ruleset) if comparison else (),
                agreed=agreed.get(c.code),
                agreed_label=level_label(agreed[c.code].level) if c.code in agreed else "",
                starr=[s for s in starr if s.competence == c.code],
            )
        )
    final, still_open = rules.final_levels(
        comparisons.values(), {(key, code): a.level for code, a in agreed.items()}
    )
    levels = {code: level for (_k, code), level in final.items()}
    names = {c.code: c.name for c in competences}
    done = rules.report(levels, {})
    dialogue = candidate.file.dialogue or {}
    return CandidatePage(
        candidate=candidate,
        session=session,
        assessor_labels=labels,
        is_assessor=any(a.user_id == user.pk for a in assessors),
        rows=rows,
        unclassified=[o for o in notes if not o.competence],
        levels=[(names.get(code, code), level_label(lv)) for code, lv in done.levels.items()],
        strengths=[names.get(code, code) for code in done.strengths],
        growth=[names.get(code, code) for code in done.growth_points],
        still_open=_named(still_open, names, candidate),
        choices=[(c.code, c.name) for c in competences if c.active],
        file_visible=file_visible,
        intake=intake,
        dialogue=[(str(DIALOGUE_SHORT[p]), dialogue.get(p.value, "")) for p in DialoguePoint]
        if file_visible
        else [],
    )


def _named(open_: tuple[Reason, ...], names: dict[str, str], candidate) -> tuple[Reason, ...]:
    """`final_levels` names the candidate and competence by key: show their names."""
    label = str(candidate.file.client)
    return tuple(
        replace(
            r,
            params=tuple(
                (k, label if k == "candidate" else names.get(v, v) if k == "competence" else v)
                for k, v in r.params
            ),
        )
        for r in open_
    )
