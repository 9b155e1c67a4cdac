"""TRN-06/16: the assessment centre as its organisation's members read it — the sessions, one
session's page (tasks, candidates, assessors, warnings, notes, the comparison of the proposals)
— the worker's file section, and `assessment_findings(file)` for the PDP.

Every read starts from `AssessmentSession.objects.visible_to(user)`; a page reads a fixed number
of queries, whatever the number of candidates."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from koers.core.models import Membership, Role, User
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import assessment as rules
from koers.transition.rules import assessment_session as session_rules
from koers.transition.rules.competences import SAM_LABELS, SamLevel
from koers.transition.rules.ruleset import ruleset_for
from koers.transition.selectors.competences import competence_names

PER_PAGE = 25


def person_label(user: User) -> str:
    return user.get_full_name() or user.username


def candidate_label(candidate: m.SessionCandidate) -> str:
    return str(candidate.file.client)


def level_label(level: int | None) -> str:
    return str(SAM_LABELS[SamLevel(level)]) if level else ""


def rule_session(
    session: m.AssessmentSession,
    candidates: Iterable[m.SessionCandidate],
    assessors: Iterable[m.SessionAssessor],
    tasks: Iterable[m.AssessmentTask],
) -> session_rules.Session:
    """The session as the rules see it: every candidate does every task of the session, each
    task serving the session's job target (TRN-16)."""
    names = tuple(candidate_label(c) for c in candidates)
    rule_tasks = tuple(
        session_rules.Task(
            t.name, t.day, job_target=session.job_target, purpose_explained=t.purpose_explained
        )
        for t in tasks
    )
    return session_rules.Session(
        candidates=names,
        assessors=tuple(person_label(a.user) for a in assessors),
        tasks=dict.fromkeys(names, rule_tasks),
    )


def session_shape(session: m.AssessmentSession) -> session_rules.Session:
    return rule_session(
        session,
        session.candidates.select_related("file__client"),
        session.assessors.select_related("user"),
        session.tasks.all(),
    )


def warnings_of(shape: session_rules.Session) -> tuple[Reason, ...]:
    return session_rules.session_warnings(shape, ruleset_for(timezone.localdate()))


def sessions_visible_to(user: User):
    return m.AssessmentSession.objects.visible_to(user).select_related("organisation")


def session_list(*, user: User, query: str = "", page: int | str = 1) -> Page:
    sessions = sessions_visible_to(user).annotate(
        n_candidates=Count("candidates", distinct=True), n_tasks=Count("tasks", distinct=True)
    )
    if query.strip():
        q = query.strip()
        sessions = sessions.filter(Q(title__icontains=q) | Q(job_target__icontains=q))
    return Paginator(sessions.order_by("-created_at", "-pk"), PER_PAGE).get_page(page)


def session_get(*, user: User, pk: int) -> m.AssessmentSession:
    try:
        return sessions_visible_to(user).get(pk=pk)
    except m.AssessmentSession.DoesNotExist:
        raise Http404 from None


def candidate_get(*, user: User, pk: int) -> m.SessionCandidate:
    try:
        return m.SessionCandidate.objects.select_related(
            "session__organisation", "file__client", "file__trajectory", "report_document"
        ).get(pk=pk, session__in=m.AssessmentSession.objects.visible_to(user))
    except m.SessionCandidate.DoesNotExist:
        raise Http404 from None


def file_visible(user: User, file_id: int) -> bool:
    return m.TransitionFile.objects.visible_to(user).filter(pk=file_id).exists()


def observation_get(*, user: User, pk: int) -> m.Observation:
    try:
        return m.Observation.objects.select_related("session__organisation").get(
            pk=pk, session__in=m.AssessmentSession.objects.visible_to(user)
        )
    except m.Observation.DoesNotExist:
        raise Http404 from None


def assessor_choices(session: m.AssessmentSession):
    """The organisation's job coaches (TRN-06: several assessors)."""
    ids = Membership.objects.filter(
        organisation=session.organisation_id, role=Role.JOB_COACH, is_active=True
    ).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("first_name", "last_name")


def new_assessor_choices(session: m.AssessmentSession):
    return assessor_choices(session).exclude(pk__in=session.assessors.values("user_id"))


def candidate_file_choices(user: User, session: m.AssessmentSession):
    """The organisation's transition files the user sees, not yet in the session."""
    return (
        m.TransitionFile.objects.visible_to(user)
        .filter(trajectory__organisation=session.organisation_id)
        .exclude(pk__in=session.candidates.values("file_id"))
        .select_related("client")
        .order_by("client__last_name", "client__first_name")
    )


@dataclass(frozen=True)
class MatrixRow:
    """One candidate and competence: each assessor's proposal, how far apart, the agreed level."""

    candidate: m.SessionCandidate
    competence: str
    name: str
    cells: list[str]  # per assessor of the session, the level's label or ""
    spread: int
    agreed: str
    warnings: tuple[Reason, ...]


def comparisons_of(proposals: Iterable[m.LevelProposal]) -> tuple[rules.Comparison, ...]:
    """Per (candidate id, competence), the assessors' proposals side by side (TRN-06)."""
    return rules.compare(
        rules.LevelProposal(person_label(p.assessor), str(p.candidate_id), p.competence, p.level)
        for p in proposals
    )


def _matrix(candidates, assessors, proposals, agreed, names) -> list[MatrixRow]:
    by_pk = {str(c.pk): c for c in candidates}
    labels = [person_label(a.user) for a in assessors]
    agreed_at = {(str(a.candidate_id), a.competence): a.level for a in agreed}
    ruleset = ruleset_for(timezone.localdate())
    rows = []
    for c in comparisons_of(proposals):
        if c.candidate not in by_pk:
            continue
        rows.append(
            MatrixRow(
                candidate=by_pk[c.candidate],
                competence=c.competence,
                name=names.get(c.competence, c.competence),
                cells=[level_label(c.levels.get(label)) for label in labels],
                spread=c.spread,
                agreed=level_label(agreed_at.get((c.candidate, c.competence))),
                warnings=rules.comparison_warnings(c, ruleset),
            )
        )
    order = {str(c.pk): i for i, c in enumerate(candidates)}
    return sorted(rows, key=lambda r: (order[str(r.candidate.pk)], r.name))


@dataclass
class SessionPage:
    session: m.AssessmentSession
    tasks: list[m.AssessmentTask]
    candidates: list[m.SessionCandidate]
    assessors: list[m.SessionAssessor]
    warnings: tuple[Reason, ...]
    notes: list[tuple[m.SessionCandidate, list[m.Observation]]]
    unclassified: int
    matrix: list[MatrixRow]
    assessor_labels: list[str]
    names: dict[str, str]
    is_assessor: bool
    task_competences: dict[int, list[str]] = field(default_factory=dict)


def session_page(*, user: User, pk: int) -> SessionPage:
    session = session_get(user=user, pk=pk)
    tasks = list(session.tasks.all())
    candidates = list(
        session.candidates.select_related("file__client").order_by(
            "file__client__last_name", "file__client__first_name", "pk"
        )
    )
    assessors = list(session.assessors.select_related("user").order_by("user__first_name", "pk"))
    observations = list(
        session.observations.select_related("assessor", "task").order_by("noted_at", "pk")
    )
    proposals = list(
        m.LevelProposal.objects.filter(candidate__session=session).select_related("assessor")
    )
    agreed = list(m.AgreedLevel.objects.filter(candidate__session=session))
    names = competence_names(session.organisation_id)
    notes = [(c, [o for o in observations if o.candidate_id == c.pk]) for c in candidates]
    return SessionPage(
        session=session,
        tasks=tasks,
        candidates=candidates,
        assessors=assessors,
        warnings=warnings_of(rule_session(session, candidates, assessors, tasks)),
        notes=notes,
        unclassified=sum(1 for o in observations if not o.competence),
        matrix=_matrix(candidates, assessors, proposals, agreed, names),
        assessor_labels=[person_label(a.user) for a in assessors],
        names=names,
        is_assessor=any(a.user_id == user.pk for a in assessors),
        task_competences={t.pk: [names.get(c, c) for c in t.competences] for t in tasks},
    )


# ---- the levels of one candidate, for the report, the file and the PDP ---------------------------


def candidate_levels(
    candidate: m.SessionCandidate,
) -> tuple[dict[str, SamLevel], tuple[Reason, ...]]:
    """TRN-06: the level per competence (agreed, or the proposals' when unanimous), and what the
    assessors still have to align (two queries)."""
    proposals = candidate.proposals.select_related("assessor")
    comparisons = comparisons_of(proposals)
    agreed = {(str(a.candidate_id), a.competence): a.level for a in candidate.agreed_levels.all()}
    # An agreed level without proposals cannot be: agreeing needs proposals (agreed_level_refusal).
    levels, open_ = rules.final_levels(comparisons, agreed)
    return {code: level for (_c, code), level in levels.items()}, open_


@dataclass(frozen=True)
class AssessmentFinding:
    """One line of the latest assessment report of a worker, for the PDP (TRN-16)."""

    kind: str  # "level" | "growth" | "attention"
    competence: str  # the competence's code; "" for a point written in the coach's words
    label: str  # the competence's name, or the point itself
    level: int | None  # SAM 1..4 for "level" and a competence's "growth" line; else None
    level_label: str  # "onvoldoende" … "zeer goed", or ""
    session_id: int
    reported_on: date


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


def assessment_findings(file: m.TransitionFile) -> list[AssessmentFinding]:
    """TRN-16: the agreed levels, growth points and points of attention of the worker's latest
    assessment report (empty when no report was made). Levels come in the profile's order; growth
    points are the competences below "goed" followed by the coach's own lines; points of attention
    are the coach's lines."""
    candidate = (
        m.SessionCandidate.objects.filter(file=file, reported_on__isnull=False)
        .select_related("session")
        .order_by("-reported_on", "-pk")
        .first()
    )
    if candidate is None:
        return []
    levels, _open = candidate_levels(candidate)
    names = competence_names(candidate.session.organisation_id)
    done = rules.report(levels, {})
    common = {"session_id": candidate.session_id, "reported_on": candidate.reported_on}

    def of(kind: str, code: str) -> AssessmentFinding:
        level = done.levels[code]
        return AssessmentFinding(
            kind, code, names.get(code, code), int(level), level_label(level), **common
        )

    found = [of("level", code) for code in done.levels]
    found += [of("growth", code) for code in done.growth_points]
    found += [
        AssessmentFinding("growth", "", line, None, "", **common)
        for line in _lines(candidate.growth_points)
    ]
    found += [
        AssessmentFinding("attention", "", line, None, "", **common)
        for line in _lines(candidate.attention_points)
    ]
    return found


# ---- the worker's file page ----------------------------------------------------------------------


@dataclass(frozen=True)
class FileAssessment:
    candidate: m.SessionCandidate
    agreed: list[tuple[str, str]]  # (competence name, level label)


def file_section(file: m.TransitionFile, user: User) -> list[FileAssessment]:
    """The worker's sessions, their agreed levels and the report (three queries)."""
    candidates = list(
        m.SessionCandidate.objects.filter(file=file)
        .select_related("session", "report_document")
        .prefetch_related("agreed_levels")
        .order_by("-session__created_at", "-pk")
    )
    names = competence_names(file.trajectory.organisation_id) if candidates else {}
    return [
        FileAssessment(
            c,
            [
                (names.get(a.competence, a.competence), level_label(a.level))
                for a in c.agreed_levels.all()
            ],
        )
        for c in candidates
    ]
