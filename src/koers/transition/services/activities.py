"""TRN-08: a worker's application actions and trainings, the portfolio and the VDAB status.
Each write refreshes the phase (TRN-01: the first action moves the worker to 2.2)."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import actions as rules
from koers.transition.rules.phases import Step, step_refusal
from koers.transition.selectors.facts import trajectory_facts
from koers.transition.services.phase import phase_refresh

# The kinds that name a company and a vacancy (the others may).
HUNTING = {m.ActivityKind.VACANCY_DISCUSSED, m.ActivityKind.JOB_INTERVIEW}


@dataclass(frozen=True)
class ActivityData:
    kind: str
    on: date
    training: str = ""
    training_form: str = ""
    employer: m.Employer | None = None
    vacancy: str = ""
    note: str = ""


def _step(kind: str) -> Step:
    return (
        Step.JOB_HUNTING
        if kind in HUNTING | {m.ActivityKind.JOB_SEARCH}
        else (Step.APPLICATION_ACTION)
    )


def _check(file: m.TransitionFile, data: ActivityData) -> None:
    if data.kind not in m.ActivityKind.values:
        raise refusal("kind", Reason("TRN-08", "Kies een soort sollicitatieactie uit de lijst."))
    blocked = step_refusal(trajectory_facts(file), _step(data.kind))
    if blocked:
        raise refusal("__all__", blocked)
    if data.on > timezone.localdate():
        raise refusal(
            "on", Reason("TRN-08", "Registreer een sollicitatieactie wanneer ze plaatsvond.")
        )
    if data.kind == m.ActivityKind.TRAINING:
        wrong = rules.training_refusal(data.training, data.training_form)
        if wrong:
            field = "training_form" if data.training in rules.TRAINING_KEYS else "training"
            raise refusal(field, wrong)
    elif data.training or data.training_form:
        raise refusal(
            "training", Reason("TRN-08", "Een training hoort enkel bij een sollicitatietraining.")
        )
    if data.kind in HUNTING and data.employer is None and not data.vacancy.strip():
        raise refusal(
            "employer", Reason("TRN-08", "Geef de werkgever of de vacature die het betreft.")
        )
    org = file.trajectory.organisation_id
    if data.employer is not None and data.employer.organisation_id != org:
        raise refusal("employer", Reason("TRN-08", "Deze werkgever staat niet in jullie lijst."))


@transaction.atomic
def activity_add(*, file: m.TransitionFile, data: ActivityData, acting_user: User) -> m.Activity:
    _check(file, data)
    activity = m.Activity(
        file=file,
        kind=data.kind,
        on=data.on,
        training=data.training,
        training_form=data.training_form,
        employer=data.employer,
        vacancy=data.vacancy.strip(),
        note=data.note.strip(),
        by=acting_user,
    )
    save_with_user(activity, acting_user)
    phase_refresh(file, acting_user=acting_user)
    return activity


@transaction.atomic
def activity_delete(*, activity: m.Activity, why: str, acting_user: User) -> None:
    """Remove an action recorded by mistake; the history keeps it, with who and why."""
    if not why.strip():
        raise refusal("why", Reason("TRN-08", "Zeg waarom deze actie geschrapt wordt."))
    file = activity.file
    activity._history_user = acting_user
    activity._change_reason = why.strip()[:100]
    activity.delete()
    phase_refresh(file, acting_user=acting_user)


@transaction.atomic
def portfolio_set(
    *, file: m.TransitionFile, pieces: list[str], vdab_status: str, acting_user: User
) -> m.TransitionFile:
    """TRN-08: the portfolio pieces on file (CV, motivation letter, stoefboek) and the VDAB status."""
    unknown = sorted(set(pieces) - set(rules.PortfolioPiece))
    if unknown:
        raise refusal(
            "portfolio", Reason("TRN-08", "Kies de stukken van het portfolio uit de lijst.")
        )
    if vdab_status not in m.VdabStatus.values:
        raise refusal("vdab_status", Reason("TRN-08", "Kies een VDAB-status uit de lijst."))
    file.portfolio = [p.value for p in rules.PortfolioPiece if p in set(pieces)]
    file.vdab_status = vdab_status
    save_with_user(file, acting_user, update_fields=["portfolio", "vdab_status"])
    phase_refresh(file, acting_user=acting_user)
    return file
