"""TRN-02, TRN-15: the referral of a worker as ready for transition, up to the invitation to
intake — propose, edit who/why, the readiness dialogue, the checks, the invitation, calling off.

Each use case locks the file (two coaches acting on one referral at once would otherwise both
pass the state check), refuses with the rule's reasons and changes nothing then, and refreshes
the phase (TRN-01) after a change that can move it.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.data import ClientData
from koers.core.history import save_with_user
from koers.core.models import Client, Organisation, User
from koers.core.services import client_create
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import referral as rules
from koers.transition.selectors.referral import referral_facts
from koers.transition.services.opening import Proposal, file_open
from koers.transition.services.phase import phase_refresh
from koers.transition.services.states import referral_set_state


def _locked(file: m.TransitionFile) -> m.TransitionFile:
    return (
        m.TransitionFile.objects.select_for_update(of=("self",))
        .select_related("trajectory")
        .get(pk=file.pk)
    )


def _proposer(value: str) -> rules.Proposer | None:
    return rules.Proposer(value) if value in set(rules.Proposer) else None


def _refuse_proposal(proposed_by: str, why: str) -> None:
    facts = rules.ReferralFacts(proposed_by=_proposer(proposed_by), why=why)
    reasons = list(rules.proposal_refusals(facts))
    if not reasons:
        return
    # Each reason next to what it is about: who proposes (first when missing), and why.
    errors: dict[str, list[str]] = {}
    if facts.proposed_by is None:
        errors["proposed_by"] = [str(reasons.pop(0))]
    if reasons:
        errors["why"] = [str(r) for r in reasons]
    raise ValidationError(errors)


def _names(names: Sequence[str]) -> list[str]:
    return [n.strip()[:200] for n in names if n and n.strip()]


@transaction.atomic
def referral_propose(
    *,
    client: Client | None,
    organisation: Organisation,
    responsible: User,
    proposal: Proposal,
    supervisors: Sequence[str] = (),
    new_worker: ClientData | None = None,
    acting_user: User,
) -> m.TransitionFile:
    """TRN-02/15: propose a worker as ready (anyone may, the worker too): who and why recorded.
    `new_worker`: a worker not yet known, created with the file (or not at all when refused)."""
    _refuse_proposal(proposal.proposed_by, proposal.why)
    if client is None and new_worker is None:
        raise ValidationError({"client": [_("Kies een werknemer of geef de naam van een nieuwe.")]})
    if client is None:
        client = client_create(organisation=organisation, data=new_worker, acting_user=acting_user)
    file = file_open(
        client=client,
        responsible=responsible,
        organisation=organisation,
        proposal=proposal,
        acting_user=acting_user,
    )
    if supervisors:
        file.supervisors = _names(supervisors)
        save_with_user(file, acting_user, update_fields=["supervisors"])
    return file


@dataclass(frozen=True)
class ReferralChanges:
    """TRN-15: who proposed the worker and why, the job target, the supervisors' names."""

    proposed_by: str
    proposer_name: str = ""
    why: str = ""
    job_target: str = ""
    supervisors: tuple[str, ...] = ()


def _refuse_if_called_off(file: m.TransitionFile, field: str = "__all__") -> None:
    if file.is_called_off:
        raise refusal(field, Reason("TRN-02", "Het traject is afgeblazen: er komt niets meer bij."))


@transaction.atomic
def referral_update(
    *, file: m.TransitionFile, changes: ReferralChanges, acting_user: User
) -> m.TransitionFile:
    file = _locked(file)
    _refuse_if_called_off(file)
    _refuse_proposal(changes.proposed_by, changes.why)
    file.proposed_by = changes.proposed_by
    file.proposer_name = changes.proposer_name.strip()
    file.why = changes.why.strip()
    file.job_target = changes.job_target.strip()
    file.supervisors = _names(changes.supervisors)
    save_with_user(file, acting_user)
    return file


def _answers(answers: Mapping[str, str]) -> dict[str, str]:
    return {p.value: (answers.get(p.value) or "").strip() for p in rules.DialoguePoint}


@transaction.atomic
def referral_dialogue(
    *,
    file: m.TransitionFile,
    answers: Mapping[str, str],
    held_on: date,
    acting_user: User,
) -> m.TransitionFile:
    """TRN-02: the readiness dialogue with the worker and the supervisors, its four points. The
    first record moves the referral to "dialogue"; until the invitation it may be completed."""
    file = _locked(file)
    _refuse_if_called_off(file)
    if file.referral_state not in (m.ReferralState.PROPOSED, m.ReferralState.DIALOGUE):
        raise refusal(
            "__all__",
            Reason("TRN-02", "De dialoog ligt vast zodra de uitnodiging voor intake vertrok."),
        )
    if held_on < file.referred_on:
        raise refusal(
            "held_on", Reason("TRN-02", "De dialoog valt niet vóór het voorstel tot doorstroom.")
        )
    file.dialogue = _answers(answers)
    file.dialogue_held_on = held_on
    save_with_user(file, acting_user, update_fields=["dialogue", "dialogue_held_on"])
    referral_set_state(file, m.ReferralState.DIALOGUE, acting_user=acting_user)
    phase_refresh(file, acting_user=acting_user)
    return file


@dataclass(frozen=True)
class Checks:
    """TRN-15: what the coach confirms before the invitation, and the pretext signals noticed."""

    basic_dutch_confirmed: bool = False
    no_pretext_confirmed: bool = False
    pretext_signals: tuple[str, ...] = ()


def _signals(values: Sequence[str]) -> list[str]:
    known = [s.value for s in rules.PretextSignal]
    return [s for s in known if s in set(values)]


def _apply_checks(file: m.TransitionFile, checks: Checks) -> None:
    file.basic_dutch_confirmed = checks.basic_dutch_confirmed
    file.no_pretext_confirmed = checks.no_pretext_confirmed
    file.pretext_signals = _signals(checks.pretext_signals)


CHECK_FIELDS = ["basic_dutch_confirmed", "no_pretext_confirmed", "pretext_signals"]


@transaction.atomic
def referral_checks_save(
    *, file: m.TransitionFile, checks: Checks, acting_user: User
) -> m.TransitionFile:
    """TRN-15: record the checks (and the signals noticed) without inviting yet."""
    file = _locked(file)
    _refuse_if_called_off(file)
    _apply_checks(file, checks)
    save_with_user(file, acting_user, update_fields=CHECK_FIELDS)
    return file


@transaction.atomic
def referral_invite(
    *, file: m.TransitionFile, checks: Checks, invited_on: date, acting_user: User
) -> m.TransitionFile:
    """TRN-02/15: the official invitation to intake — refused with every reason still open
    (who and why, the dialogue's four points, basic Dutch, no pretext); nothing saved then."""
    file = _locked(file)
    _apply_checks(file, checks)
    reasons = rules.invitation_refusal(referral_facts(file))
    if reasons:
        raise refusal("__all__", *reasons)
    if invited_on < (file.dialogue_held_on or file.referred_on):
        raise refusal(
            "invited_on", Reason("TRN-02", "De uitnodiging volgt op de dialoog, niet ervoor.")
        )
    file.invited_on = invited_on
    referral_set_state(
        file,
        m.ReferralState.INVITED,
        acting_user=acting_user,
        also_save=[*CHECK_FIELDS, "invited_on"],
    )
    phase_refresh(file, acting_user=acting_user)
    return file


@transaction.atomic
def referral_call_off(
    *,
    file: m.TransitionFile,
    ground: str,
    reason: str,
    called_off_on: date,
    acting_user: User,
) -> m.TransitionFile:
    """TRN-02: call the trajectory off, with its ground and the reason recorded."""
    file = _locked(file)
    state = rules.ReferralState(file.referral_state)
    moved = rules.referral_state_refusal(state, rules.ReferralState.CALLED_OFF)
    if moved is not None:
        raise refusal("__all__", moved)
    chosen = {g.value: g for g in rules.CallOffGround}.get(ground)
    refused = rules.call_off_refusal(state, chosen, reason)
    if refused is not None:
        raise refusal("ground" if chosen is None else "reason", refused)
    if called_off_on < file.referred_on:
        raise refusal(
            "called_off_on",
            Reason("TRN-02", "Een traject wordt niet afgeblazen vóór het voorstel."),
        )
    file.called_off_on = called_off_on
    file.call_off_ground = ground
    file.call_off_reason = reason.strip()
    referral_set_state(
        file,
        m.ReferralState.CALLED_OFF,
        acting_user=acting_user,
        why=reason.strip(),
        also_save=["called_off_on", "call_off_ground", "call_off_reason"],
    )
    phase_refresh(file, acting_user=acting_user)
    return file
