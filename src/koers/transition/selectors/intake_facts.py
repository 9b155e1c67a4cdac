"""TRN-03/04: the intake as the rules see it, the competence profile its STARR notes hang under,
and the company's job coaches a second coach is chosen from."""

from django.db.models import QuerySet

from koers.core.models import Organisation, Role, User
from koers.transition import models as m
from koers.transition.rules import competences as comp
from koers.transition.rules import intake as rules

# Page 1 of the intake form (TRN-03): what the worker fills in himself (Koers' choice of fields:
# the seed's form was not given; these are the usual ones of an application form).
ADMINISTRATIVE_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Naam en voornaam"),
    ("address", "Adres"),
    ("phone", "Telefoon"),
    ("birth_date", "Geboortedatum"),
    ("education", "Opleiding en diploma's"),
    ("work_experience", "Werkervaring"),
    ("driving_licence", "Rijbewijs"),
    ("languages", "Talen"),
)


def profile_of(organisation_id: int) -> tuple[comp.Competence, ...]:
    """TRN-04: the organisation's active competences when it keeps a profile, else the seed's 18."""
    rows = m.Competence.objects.filter(organisation_id=organisation_id).order_by("position", "id")
    rows = list(rows.values("code", "name", "group", "active", "from_seed"))
    if not rows:
        return comp.SEED_COMPETENCES
    return tuple(
        comp.Competence(r["code"], r["name"], comp.Group(r["group"]), r["from_seed"])
        for r in rows
        if r["active"]
    )


def indicators_of(organisation_id: int) -> dict[str, comp.Indicators]:
    """TRN-05: the organisation's indicator rows, the seed's for "Initiatief" when it has none."""
    competences = m.Competence.objects.filter(organisation_id=organisation_id, active=True)
    found: dict[str, comp.Indicators] = {}
    for c in competences.prefetch_related("indicators"):
        rows = tuple(comp.IndicatorRow(row.levels) for row in c.indicators.all())
        if rows or c.definition:
            found[c.code] = comp.Indicators(c.code, c.definition, rows)
    return found or dict(comp.SEED_INDICATORS)


def observation_prompts(organisation_id: int) -> tuple[rules.ObservationPrompt, ...]:
    return rules.observation_prompts(profile_of(organisation_id), indicators_of(organisation_id))


def job_coaches(organisation_id: int) -> QuerySet[User]:
    """The company's active job coaches (a second coach of the intake is one of them)."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=organisation_id,
            memberships__role=Role.JOB_COACH,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def _name(user: User | None) -> str:
    return str(user.pk) if user is not None else ""


def starr_facts(note: m.StarrNote) -> rules.StarrNote:
    return rules.StarrNote(
        competence=note.competence,
        situation=note.situation,
        task=note.task,
        action=note.action,
        result=note.result,
        reflection=note.reflection,
    )


def intake_facts(intake: m.Intake, notes=None, **overrides) -> rules.IntakeFacts:
    """The intake for `rules.intake` (`overrides`: what the user is about to record)."""
    notes = intake.starr_notes.all() if notes is None else notes
    facts = {
        "held_on": intake.held_on,
        "coach": str(intake.coach_id or ""),
        "second_coach": str(intake.second_coach_id or ""),
        "second_coach_independent": intake.second_coach_independent,
        "administrative_by_worker": intake.administrative_by_worker,
        "administrative_completed": intake.administrative_completed,
        "starr_notes": tuple(starr_facts(n) for n in notes),
        "decision": rules.Decision(intake.decision) if intake.decision else None,
        "decided_on": intake.decided_on,
        "feedback_worker_on": intake.feedback_worker_on,
        "feedback_supervisors_on": intake.feedback_supervisors_on,
        "engagement_worker_signed_on": intake.engagement_worker_signed_on,
        "engagement_coach_signed_on": intake.engagement_coach_signed_on,
    }
    return rules.IntakeFacts(**{**facts, **overrides})


def organisation_of(file: m.TransitionFile) -> Organisation:
    return file.trajectory.organisation
