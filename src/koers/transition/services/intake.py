"""TRN-03: the intake — held with a second coach, the administrative part (page 1), the STARR
notes, the decision start / no start, and the feedback to worker and supervisors.

Each use case locks the intake (or the file, when the intake is created), refuses with the rule's
reasons and changes nothing then, and refreshes the phase (TRN-01) after a change that can move
it. The engagement statement and the kick-off are in `services.engagement`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import intake as rules
from koers.transition.selectors import intake_facts as facts
from koers.transition.services.phase import phase_refresh
from koers.transition.services.states import referral_set_state

CALLED_OFF = Reason("TRN-02", "Het traject is afgeblazen: er komt niets meer bij.")
NOT_INVITED = Reason(
    "TRN-03", "De intake volgt op de officiële uitnodiging voor het intakegesprek."
)


def _locked_intake(intake: m.Intake) -> m.Intake:
    return (
        m.Intake.objects.select_for_update(of=("self",))
        .select_related("file__trajectory", "coach", "second_coach")
        .get(pk=intake.pk)
    )


def _refuse_if_called_off(file: m.TransitionFile) -> None:
    if file.is_called_off:
        raise refusal("__all__", CALLED_OFF)


@dataclass(frozen=True)
class IntakeHolding:
    """When the intake was (or will be) held, and with which second coach."""

    held_on: date | None = None
    second_coach: User | None = None
    second_coach_independent: bool = False
    motivation: str = ""


def _check_second_coach(file: m.TransitionFile, holding: IntakeHolding) -> None:
    coach = holding.second_coach
    if coach is None:
        return
    if not facts.job_coaches(file.trajectory.organisation_id).filter(pk=coach.pk).exists():
        raise refusal(
            "second_coach",
            Reason("TRN-03", "Kies de tweede jobcoach uit de jobcoaches van het bedrijf."),
        )


@transaction.atomic
def intake_hold(*, file: m.TransitionFile, holding: IntakeHolding, acting_user: User) -> m.Intake:
    """Create or update the intake: after the invitation, with the file's job coach and
    preferably a second, independent one (a warning otherwise, `intake_warnings`)."""
    file = (
        m.TransitionFile.objects.select_for_update(of=("self",))
        .select_related("trajectory")
        .get(pk=file.pk)
    )
    _refuse_if_called_off(file)
    if file.referral_state not in (m.ReferralState.INVITED, m.ReferralState.INTAKE):
        raise refusal("__all__", NOT_INVITED)
    if holding.held_on and file.invited_on and holding.held_on < file.invited_on:
        raise refusal(
            "held_on", Reason("TRN-03", "Het intakegesprek valt niet vóór de uitnodiging.")
        )
    _check_second_coach(file, holding)
    intake = m.Intake.objects.filter(file=file).first() or m.Intake(
        file=file, coach=file.trajectory.responsible
    )
    if intake.decided_on and (holding.held_on is None or holding.held_on > intake.decided_on):
        raise refusal(
            "held_on", Reason("TRN-03", "De beslissing valt niet vóór het intakegesprek.")
        )
    intake.held_on = holding.held_on
    intake.second_coach = holding.second_coach
    intake.second_coach_independent = bool(holding.second_coach) and (
        holding.second_coach_independent
    )
    intake.motivation = holding.motivation.strip()
    save_with_user(intake, acting_user)
    return intake


def _intake_for(file: m.TransitionFile, acting_user: User | None) -> m.Intake:
    """The file's intake, created (not yet held) when the worker fills in page 1 first."""
    intake = m.Intake.objects.filter(file=file).first()
    if intake is None:
        intake = m.Intake(file=file, coach=file.trajectory.responsible)
        save_with_user(intake, acting_user)
    return intake


@dataclass(frozen=True)
class Administrative:
    """Page 1 of the intake form: the answers, and how they were filled in and completed."""

    answers: Mapping[str, str]
    by_worker: bool = False
    via_portal: bool = False
    completed: bool = False
    language_observation: str = ""


def _answers(answers: Mapping[str, str]) -> dict[str, str]:
    return {key: (answers.get(key) or "").strip() for key, _label in facts.ADMINISTRATIVE_FIELDS}


@transaction.atomic
def intake_administrative_save(
    *, file: m.TransitionFile, data: Administrative, acting_user: User | None
) -> m.Intake:
    """TRN-03: page 1 filled in by the worker (on paper, or in the portal), then reviewed and
    completed by the coach in the interview, with an observation of language and self-reliance."""
    file = (
        m.TransitionFile.objects.select_for_update(of=("self",))
        .select_related("trajectory")
        .get(pk=file.pk)
    )
    _refuse_if_called_off(file)
    if file.referral_state not in (m.ReferralState.INVITED, m.ReferralState.INTAKE):
        raise refusal("__all__", NOT_INVITED)
    intake = _intake_for(file, acting_user)
    if intake.administrative_completed and data.via_portal:
        raise refusal(
            "__all__",
            Reason("TRN-03", "Je jobcoach heeft dit deel al met je overlopen en aangevuld."),
        )
    intake.administrative = _answers(data.answers)
    intake.administrative_by_worker = data.by_worker or data.via_portal
    intake.administrative_via_portal = data.via_portal or (
        intake.administrative_via_portal and data.by_worker
    )
    if not data.via_portal:
        intake.administrative_completed = data.completed
        intake.language_observation = data.language_observation.strip()
    save_with_user(intake, acting_user)
    return intake


@dataclass(frozen=True)
class Starr:
    competence: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    reflection: str = ""


def _check_starr(intake: m.Intake, starr: Starr) -> tuple[Reason, ...]:
    """A note under a competence of the profile is kept; an incomplete one stays a draft (its
    missing parts are shown beside it)."""
    _refuse_if_called_off(intake.file)
    codes = [c.code for c in facts.profile_of(intake.file.trajectory.organisation_id)]
    note = rules.StarrNote(**starr.__dict__)
    reasons = rules.starr_refusal(note, codes)
    if starr.competence not in codes:
        raise refusal("competence", reasons[0])
    return reasons


def _write_starr(note: m.StarrNote, starr: Starr, acting_user: User) -> None:
    for part in rules.StarrPart:
        setattr(note, part.value, getattr(starr, part.value).strip())
    note.competence = starr.competence
    save_with_user(note, acting_user)


@transaction.atomic
def starr_note_add(*, intake: m.Intake, starr: Starr, acting_user: User) -> m.StarrNote:
    intake = _locked_intake(intake)
    _check_starr(intake, starr)
    note = m.StarrNote(intake=intake)
    _write_starr(note, starr, acting_user)
    return note


@transaction.atomic
def starr_note_update(*, note: m.StarrNote, starr: Starr, acting_user: User) -> m.StarrNote:
    intake = _locked_intake(note.intake)
    _check_starr(intake, starr)
    note = m.StarrNote.objects.get(pk=note.pk)
    _write_starr(note, starr, acting_user)
    return note


@transaction.atomic
def intake_decide(
    *, intake: m.Intake, decision: str, decided_on: date, reason: str, acting_user: User
) -> m.Intake:
    """TRN-03: start / no start after the intake (refused with `decision_refusal`'s reasons);
    the referral moves to "intake" (TRN-02) and the phase follows (TRN-01)."""
    intake = _locked_intake(intake)
    file = intake.file
    _refuse_if_called_off(file)
    if decision not in m.Decision.values:
        raise refusal("decision", Reason("TRN-03", "Kies: start of geen start."))
    if intake.engagement_worker_signed_on or intake.engagement_coach_signed_on:
        raise refusal(
            "decision",
            Reason("TRN-03", "De engagementsverklaring is al getekend: de beslissing ligt vast."),
        )
    reasons = rules.decision_refusal(
        facts.intake_facts(intake), rules.Decision(decision), decided_on
    )
    if reasons:
        raise refusal("__all__", *reasons)
    intake.decision = decision
    intake.decided_on = decided_on
    intake.decision_reason = reason.strip()
    save_with_user(intake, acting_user)
    if file.referral_state == m.ReferralState.INVITED:
        referral_set_state(file, m.ReferralState.INTAKE, acting_user=acting_user)
    phase_refresh(file, acting_user=acting_user)
    return intake


@transaction.atomic
def intake_feedback(
    *,
    intake: m.Intake,
    worker_on: date | None,
    supervisors_on: date | None,
    text: str,
    acting_user: User,
) -> m.Intake:
    """TRN-03: the selection fed back to the worker and to the supervisors (each its day)."""
    intake = _locked_intake(intake)
    _refuse_if_called_off(intake.file)
    if not intake.decision:
        raise refusal(
            "__all__", Reason("TRN-03", "De feedback volgt op de beslissing na de intake.")
        )
    for field, day in (("worker_on", worker_on), ("supervisors_on", supervisors_on)):
        if day is not None and day < intake.decided_on:
            raise refusal(
                field, Reason("TRN-03", "De feedback volgt op de beslissing na de intake.")
            )
    intake.feedback_worker_on = worker_on
    intake.feedback_supervisors_on = supervisors_on
    intake.feedback_text = text.strip()
    save_with_user(intake, acting_user)
    return intake
