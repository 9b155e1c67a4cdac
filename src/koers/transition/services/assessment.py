"""TRN-06/16: an assessment-centre session — created for an organisation, its tasks (linked to
the job target, the purpose explained), candidates and assessors. The seed's advice (a group of
at most 6, several tasks over several days, several assessors) warns and never blocks: each
write returns the session's warnings."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.selectors.assessment import assessor_choices, session_shape, warnings_of
from koers.transition.services.competences import profile_codes, profile_ensure


def session_warnings(session: m.AssessmentSession) -> tuple[Reason, ...]:
    return warnings_of(session_shape(session))


def _member_organisations(user: User):
    return Organisation.objects.filter(pk__in=user.organisation_ids())


@dataclass(frozen=True)
class SessionData:
    title: str
    job_target: str
    organisation: Organisation
    indicators_agreed_on: date | None = None


@transaction.atomic
def session_create(*, data: SessionData, acting_user: User) -> m.AssessmentSession:
    if not (
        acting_user.is_administrator
        or _member_organisations(acting_user).filter(pk=data.organisation.pk).exists()
    ):
        raise ValidationError({"organisation": [_("Kies een organisatie waarvan je lid bent.")]})
    if not data.title.strip():
        raise ValidationError({"title": [_("Geef de sessie een titel.")]})
    if not data.job_target.strip():
        raise refusal("job_target", Reason("TRN-16", "Koppel de sessie aan een jobdoelwit."))
    profile_ensure(data.organisation, acting_user=acting_user)
    session = save_with_user(
        m.AssessmentSession(
            organisation=data.organisation,
            title=data.title.strip(),
            job_target=data.job_target.strip(),
            indicators_agreed_on=data.indicators_agreed_on,
            created_by=acting_user,
        ),
        acting_user,
    )
    return session


@dataclass(frozen=True)
class TaskData:
    name: str
    day: date
    purpose: str = ""
    purpose_explained: bool = False
    competences: list[str] = field(default_factory=list)


@transaction.atomic
def task_add(
    *, session: m.AssessmentSession, data: TaskData, acting_user: User
) -> tuple[m.AssessmentTask, tuple[Reason, ...]]:
    """TRN-16: an exercise on one day, linked to the job target, its purpose explained."""
    if not data.name.strip():
        raise ValidationError({"name": [_("Geef de proef een naam.")]})
    codes = profile_codes(session.organisation)
    if set(data.competences) - codes:
        raise refusal("competences", Reason("TRN-06", "Kies een competentie uit het profiel."))
    task = save_with_user(
        m.AssessmentTask(
            session=session,
            name=data.name.strip(),
            day=data.day,
            purpose=data.purpose.strip(),
            purpose_explained=data.purpose_explained,
            competences=list(dict.fromkeys(data.competences)),
        ),
        acting_user,
    )
    return task, session_warnings(session)


@transaction.atomic
def candidate_add(
    *, session: m.AssessmentSession, file: m.TransitionFile, acting_user: User
) -> tuple[m.SessionCandidate, tuple[Reason, ...]]:
    """A worker of the session's organisation whose file the acting coach sees."""
    visible = m.TransitionFile.objects.visible_to(acting_user).filter(
        pk=file.pk, trajectory__organisation=session.organisation
    )
    if not visible.exists():
        raise ValidationError({"file": [_("Kies een doorstroomdossier van deze organisatie.")]})
    if session.candidates.filter(file=file).exists():
        raise ValidationError({"file": [_("Deze werknemer neemt al deel aan de sessie.")]})
    candidate = save_with_user(m.SessionCandidate(session=session, file=file), acting_user)
    return candidate, session_warnings(session)


@transaction.atomic
def assessor_add(
    *, session: m.AssessmentSession, user: User, acting_user: User
) -> tuple[m.SessionAssessor, tuple[Reason, ...]]:
    if not assessor_choices(session).filter(pk=user.pk).exists():
        raise ValidationError({"user": [_("Kies een jobcoach van deze organisatie.")]})
    if session.assessors.filter(user=user).exists():
        raise ValidationError({"user": [_("Deze jobcoach is al assessor in de sessie.")]})
    assessor = m.SessionAssessor.objects.create(session=session, user=user)
    return assessor, session_warnings(session)
