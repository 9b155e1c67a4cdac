"""TRN-01/02: a transition trajectory always has its file, wherever it is opened (the client
form, the API, an import, the referral page)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from koers.core.history import save_with_user
from koers.core.models import Client, Organisation, User
from koers.trajectories.models import Programme, Trajectory
from koers.trajectories.rulesets import NoRulesetInForce, ruleset_in_force
from koers.trajectories.services import trajectory_open
from koers.transition import models as m
from koers.transition.services.phase import phase_refresh
from koers.transition.services.states import record_first_state


@dataclass(frozen=True)
class Proposal:
    """TRN-02/15: who proposes the worker as ready, and why."""

    referred_on: date
    proposed_by: str = m.Proposer.COACH
    proposer_name: str = ""
    why: str = ""
    job_target: str = ""


@transaction.atomic
def file_open(
    *,
    client: Client,
    responsible: User,
    organisation: Organisation,
    proposal: Proposal,
    acting_user: User,
    title: str = "",
) -> m.TransitionFile:
    try:
        ruleset = ruleset_in_force(Programme.TRANSITION, proposal.referred_on)
    except NoRulesetInForce as exc:
        raise ValidationError({"referred_on": [exc.message]}) from exc
    trajectory = trajectory_open(
        client=client,
        programme=Programme.TRANSITION,
        responsible=responsible,
        organisation=organisation,
        start_date=proposal.referred_on,
        title=title or str(Programme.TRANSITION.label),
        acting_user=acting_user,
    )
    file = m.TransitionFile(
        trajectory=trajectory,
        client=client,
        ruleset_version=ruleset.version,
        referred_on=proposal.referred_on,
        proposed_by=proposal.proposed_by,
        proposer_name=proposal.proposer_name.strip(),
        why=proposal.why.strip(),
        job_target=proposal.job_target.strip(),
        created_by=acting_user,
    )
    save_with_user(file, acting_user)
    record_first_state(file, "referral_state", acting_user=acting_user)
    phase_refresh(file, acting_user=acting_user)
    return file


def open_for_programme(
    *, client, responsible, organisation, start_date, title: str = "", acting_user
) -> Trajectory:
    """Opened outside the referral page: proposed by the coach on the start day; the coach
    completes who proposed and why on the file (TRN-15)."""
    file = file_open(
        client=client,
        responsible=responsible,
        organisation=organisation,
        proposal=Proposal(referred_on=start_date),
        acting_user=acting_user,
        title=title,
    )
    return file.trajectory
