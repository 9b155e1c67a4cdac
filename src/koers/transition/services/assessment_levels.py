"""TRN-06 (WAKKER): each assessor notes observations (facts: a trait word or an interpretation
warns), classifies them under competences of the profile and proposes a level per competence
on the SAM scale; the assessors then agree on one level. Refusals name the rule and change
nothing; warnings come back with what was saved."""

from django.db import transaction
from django.utils import timezone

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import assessment as rules
from koers.transition.rules import assessment_session as rules_session
from koers.transition.selectors.assessment import candidate_label, person_label
from koers.transition.selectors.assessment import session_shape as session_rule
from koers.transition.services.competences import profile_codes


def _candidate(
    session: m.AssessmentSession, candidate_id: int, user: User
) -> tuple[m.SessionCandidate | None, str]:
    """The candidate of this session with that id, and how the rules name it. Another session's
    candidate (one the user may see) keeps its name with its id, so it never matches; an id the
    user may not see is named by the id only."""
    found = (
        m.SessionCandidate.objects.select_related("file__client")
        .filter(pk=candidate_id, session__in=m.AssessmentSession.objects.visible_to(user))
        .first()
    )
    if found is None:
        return None, f"#{candidate_id}"
    if found.session_id != session.pk:
        return None, f"{candidate_label(found)} (#{found.pk})"
    return found, candidate_label(found)


def _field(candidate: str, assessor: str, text: str, session: rules_session.Session) -> str:
    """Which form field a refusal of `observation_refusal`/`proposal_refusal` belongs to."""
    if candidate not in session.candidates:
        return "candidate"
    if assessor not in session.assessors:
        return "__all__"
    if not text.strip():
        return "text"
    return "competence"


@transaction.atomic
def observation_add(
    *,
    session: m.AssessmentSession,
    candidate_id: int,
    text: str,
    acting_user: User,
    task_id: int | None = None,
    competence: str = "",
) -> tuple[m.Observation, tuple[Reason, ...]]:
    """An assessor's note on a candidate of the session; saved with the warnings of TRN-06."""
    candidate, key = _candidate(session, candidate_id, acting_user)
    task = session.tasks.filter(pk=task_id).first() if task_id else None
    note = rules.Observation(
        assessor=person_label(acting_user),
        candidate=key,
        text=text,
        competence=competence,
        task=task.name if task else "",
    )
    shape = session_rule(session)
    refused = rules_session.observation_refusal(note, shape, profile_codes(session.organisation))
    if refused:
        raise refusal(_field(note.candidate, note.assessor, text, shape), refused)
    if task_id and task is None:
        raise refusal("task", Reason("TRN-06", "Kies een proef van deze sessie."))
    observation = save_with_user(
        m.Observation(
            session=session,
            candidate=candidate,
            task=task,
            assessor=acting_user,
            text=text.strip(),
            competence=competence,
        ),
        acting_user,
    )
    return observation, rules.note_warnings(note)


@transaction.atomic
def observation_classify(
    *, observation: m.Observation, competence: str, acting_user: User
) -> m.Observation:
    """TRN-06 "Klasseren": the note under a competence of the profile."""
    codes = profile_codes(observation.session.organisation)
    note = rules.Observation(
        assessor="", candidate="", text=observation.text, competence=competence
    )
    refused = rules.classify_refusal(note, codes)
    if refused:
        raise refusal("competence", refused)
    observation.competence = competence
    return save_with_user(observation, acting_user, update_fields=["competence"])


@transaction.atomic
def proposal_set(
    *,
    session: m.AssessmentSession,
    candidate_id: int,
    competence: str,
    level: object,
    acting_user: User,
) -> m.LevelProposal:
    """TRN-06 "Evalueren": the acting assessor's level (SAM 1..4) for a candidate and competence;
    proposing again corrects the earlier one."""
    candidate, key = _candidate(session, candidate_id, acting_user)
    proposal = rules.LevelProposal(
        assessor=person_label(acting_user),
        candidate=key,
        competence=competence,
        level=level,  # type: ignore[arg-type]  # checked by the rule
    )
    shape = session_rule(session)
    refused = rules_session.proposal_refusal(proposal, shape, profile_codes(session.organisation))
    if refused:
        field = "level" if refused.rule == "TRN-05" else "competence"
        if proposal.candidate not in shape.candidates or proposal.assessor not in shape.assessors:
            field = _field(proposal.candidate, proposal.assessor, "x", shape)
        raise refusal(field, refused)
    row, _created = m.LevelProposal.objects.update_or_create(
        candidate=candidate, assessor=acting_user, competence=competence, defaults={"level": level}
    )
    return row


def comparison_of(candidate: m.SessionCandidate, competence: str) -> rules.Comparison | None:
    proposals = [
        rules.LevelProposal(person_label(p.assessor), str(candidate.pk), p.competence, p.level)
        for p in candidate.proposals.filter(competence=competence).select_related("assessor")
    ]
    found = rules.compare(proposals)
    return found[0] if found else None


@transaction.atomic
def agreed_level_set(
    *,
    candidate: m.SessionCandidate,
    competence: str,
    level: object,
    acting_user: User,
    note: str = "",
) -> tuple[m.AgreedLevel, tuple[Reason, ...]]:
    """TRN-06: the one level the assessors agree on, after each proposed theirs; a level outside
    the proposals warns."""
    comparison = comparison_of(candidate, competence)
    refused = rules.agreed_level_refusal(comparison, level)
    if refused:
        raise refusal("level" if refused.rule == "TRN-05" else "competence", refused)
    row, _created = m.AgreedLevel.objects.update_or_create(
        candidate=candidate,
        competence=competence,
        defaults={
            "level": level,
            "note": note.strip(),
            "agreed_by": acting_user,
            "agreed_on": timezone.localdate(),
        },
    )
    return row, rules.agreed_level_warnings(comparison, level)  # type: ignore[arg-type]
