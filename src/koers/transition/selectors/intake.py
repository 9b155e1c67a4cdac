"""TRN-03: what the intake section of a worker's file shows (the intake, its warnings, page 1,
the STARR notes with what each still misses, the decision, the feedback, the engagement
statement, the kick-offs) and the kick-off list — each in a fixed number of queries."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.http import Http404

from koers.core.models import User
from koers.lib.rules import Reason
from koers.trajectories.models import Programme
from koers.trajectories.rulesets import ruleset_by_version
from koers.transition import models as m
from koers.transition.rules import intake as rules
from koers.transition.selectors import intake_facts as facts

PER_PAGE = 25

STARR_PARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (part.value, str(rules.STARR_LABELS[part]), rules.STARR_PROMPTS[part])
    for part in rules.StarrPart
)


@dataclass(frozen=True)
class NoteLine:
    note: m.StarrNote
    competence_label: str
    missing: tuple[Reason, ...]  # a draft: the parts still to write


@dataclass(frozen=True)
class IntakeSection:
    file: m.TransitionFile
    intake: m.Intake | None
    can_hold: bool
    warnings: tuple[Reason, ...] = ()
    administrative: list[tuple[str, str]] = field(default_factory=list)
    notes: list[NoteLine] = field(default_factory=list)
    feedback_missing: tuple[Reason, ...] = ()
    engagement_signed_on: object = None
    can_sign: bool = False
    kick_offs: list[m.KickOffInvitee] = field(default_factory=list)

    @property
    def decision_label(self) -> str:
        return (
            m.Decision(self.intake.decision).label if self.intake and self.intake.decision else ""
        )


def _labels(organisation_id: int) -> dict[str, str]:
    return {c.code: c.label for c in facts.profile_of(organisation_id)}


def _notes(intake: m.Intake, notes, labels: dict[str, str]) -> list[NoteLine]:
    lines = []
    for note in notes:
        judged = rules.starr_refusal(facts.starr_facts(note), labels)
        lines.append(NoteLine(note, labels.get(note.competence, note.competence), judged))
    return lines


def intake_get(*, user: User, file_pk: int) -> m.Intake:
    try:
        return (
            m.Intake.objects.visible_to(user)
            .select_related("file__trajectory", "file__client", "coach", "second_coach")
            .get(file_id=file_pk)
        )
    except m.Intake.DoesNotExist:
        raise Http404 from None


def starr_note_get(*, user: User, pk: int) -> m.StarrNote:
    notes = m.StarrNote.objects.filter(intake__in=m.Intake.objects.visible_to(user))
    try:
        return notes.select_related("intake__file__trajectory").get(pk=pk)
    except m.StarrNote.DoesNotExist:
        raise Http404 from None


def intake_section(file: m.TransitionFile, user: User) -> IntakeSection:
    """A fixed number of queries, whatever the number of notes or kick-offs."""
    can_hold = file.referral_state in (m.ReferralState.INVITED, m.ReferralState.INTAKE)
    intake = m.Intake.objects.filter(file=file).select_related("coach", "second_coach").first()
    if intake is None:
        return IntakeSection(file=file, intake=None, can_hold=can_hold)
    notes = list(intake.starr_notes.all())
    judged = facts.intake_facts(intake, notes)
    ruleset = ruleset_by_version(Programme.TRANSITION, file.ruleset_version)
    answers = intake.administrative or {}
    kick_offs = list(
        m.KickOffInvitee.objects.filter(file=file)
        .select_related("kick_off")
        .order_by("kick_off__held_on")
    )
    return IntakeSection(
        file=file,
        intake=intake,
        can_hold=can_hold and not file.is_called_off,
        warnings=rules.intake_warnings(judged, ruleset),
        administrative=[(label, answers.get(k, "")) for k, label in facts.ADMINISTRATIVE_FIELDS],
        notes=_notes(intake, notes, _labels(file.trajectory.organisation_id)),
        feedback_missing=rules.feedback_missing(judged),
        engagement_signed_on=rules.engagement_signed_on(judged),
        can_sign=intake.decision == m.Decision.START and not file.is_called_off,
        kick_offs=kick_offs,
    )


def competence_choices(organisation_id: int) -> list[tuple[str, str]]:
    return [(c.code, c.label) for c in facts.profile_of(organisation_id)]


def second_coach_choices(file: m.TransitionFile) -> QuerySet[User]:
    return facts.job_coaches(file.trajectory.organisation_id).exclude(
        pk=file.trajectory.responsible_id
    )


# ---- the kick-off (organisation rows) ----------------------------------------------------------


def kick_offs_visible_to(user: User) -> QuerySet[m.KickOff]:
    return (
        m.KickOff.objects.visible_to(user)
        .select_related("organisation")
        .annotate(invited=Count("invitees"))
        .order_by("-held_on", "-pk")
    )


def kick_off_list(*, user: User, page: int | str = 1) -> Page:
    return Paginator(kick_offs_visible_to(user), PER_PAGE).get_page(page)


def kick_off_get(*, user: User, pk: int) -> m.KickOff:
    try:
        return kick_offs_visible_to(user).get(pk=pk)
    except m.KickOff.DoesNotExist:
        raise Http404 from None


def kick_off_invitees(kick_off: m.KickOff, user: User) -> list[m.KickOffInvitee]:
    """The invitees whose files the user may see (another coach's workers stay hidden)."""
    return list(
        m.KickOffInvitee.objects.visible_to(user)
        .filter(kick_off=kick_off)
        .select_related("file__client")
        .order_by("file__client__last_name", "file__client__first_name")
    )


def selectable_files(user: User) -> QuerySet[m.TransitionFile]:
    """The workers selected at the intake ("start") the user may see: the kick-off's invitees."""
    return (
        m.TransitionFile.objects.visible_to(user)
        .filter(intake__decision=m.Decision.START)
        .exclude(referral_state=m.ReferralState.CALLED_OFF)
        .select_related("client", "trajectory__organisation")
        .order_by("client__last_name", "client__first_name", "pk")
    )


def prompts_for(organisation_id: int) -> tuple[rules.ObservationPrompt, ...]:
    """TRN-03: the observation prompts of the intake form's last page, from the profile."""
    return facts.observation_prompts(organisation_id)


def invitees_by_kick_off(kick_offs, user: User) -> dict[int, list[m.KickOffInvitee]]:
    """The visible invitees of several kick-offs in one query."""
    grouped: dict[int, list[m.KickOffInvitee]] = {}
    rows = m.KickOffInvitee.objects.visible_to(user).filter(kick_off__in=list(kick_offs))
    for row in rows.order_by("kick_off_id", "pk"):
        grouped.setdefault(row.kick_off_id, []).append(row)
    return grouped
