"""TRN-02/15: what the referral section of a worker's file shows and which actions it offers, the
workers a coach may propose, and the labels the referral forms need (pages never import rules)."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from koers.core.models import Client, Organisation, OrganisationKind, Role, User
from koers.core.states import StateMove, state_history
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import referral as rules

DIALOGUE_QUESTIONS: tuple[tuple[str, str], ...] = tuple(
    (point.value, question) for point, question in rules.DIALOGUE_QUESTIONS.items()
)
PRETEXT_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (signal.value, str(label)) for signal, label in rules.PRETEXT_LABELS.items()
)
OPEN_STATES = (m.ReferralState.PROPOSED, m.ReferralState.DIALOGUE)


def referral_facts(file: m.TransitionFile) -> rules.ReferralFacts:
    return rules.ReferralFacts(
        proposed_by=rules.Proposer(file.proposed_by) if file.proposed_by else None,
        why=file.why,
        answers={
            rules.DialoguePoint(k): v
            for k, v in (file.dialogue or {}).items()
            if k in set(rules.DialoguePoint)
        },
        basic_dutch_confirmed=file.basic_dutch_confirmed,
        no_pretext_confirmed=file.no_pretext_confirmed,
        pretext_signals=frozenset(
            rules.PretextSignal(s) for s in file.pretext_signals if s in set(rules.PretextSignal)
        ),
        state=rules.ReferralState(file.referral_state),
    )


@dataclass(frozen=True)
class DialogueLine:
    question: str
    answer: str


@dataclass(frozen=True)
class ReferralSection:
    file: m.TransitionFile
    state_label: str
    proposer_label: str
    dialogue: list[DialogueLine]
    signals: list[str]
    invitation_problems: tuple[Reason, ...]
    call_off_ground: str
    moves: list[StateMove]
    can_edit: bool
    can_dialogue: bool
    can_invite: bool
    can_call_off: bool

    @property
    def is_called_off(self) -> bool:
        return self.file.is_called_off


def referral_section(file: m.TransitionFile, user: User) -> ReferralSection:
    """Two queries (the state history; nothing else beyond the file itself)."""
    state = file.referral_state
    labels = dict(PRETEXT_CHOICES)
    answers = file.dialogue or {}
    open_ = state in OPEN_STATES
    return ReferralSection(
        file=file,
        state_label=m.ReferralState(state).label,
        proposer_label=m.Proposer(file.proposed_by).label if file.proposed_by else "",
        dialogue=[DialogueLine(q, answers.get(k, "")) for k, q in DIALOGUE_QUESTIONS],
        signals=[labels[s] for s in file.pretext_signals if s in labels],
        invitation_problems=(rules.invitation_refusal(referral_facts(file)) if open_ else ()),
        call_off_ground=(
            m.CallOffGround(file.call_off_ground).label if file.call_off_ground else ""
        ),
        moves=state_history(file, "referral_state"),
        can_edit=not file.is_called_off,
        can_dialogue=open_,
        can_invite=state == m.ReferralState.DIALOGUE,
        can_call_off=not file.is_called_off,
    )


def proposing_organisations(user: User) -> QuerySet[Organisation]:
    """The social-economy companies the user works for (a coach proposes only there)."""
    companies = Organisation.objects.filter(kind=OrganisationKind.SOCIAL_ECONOMY, is_active=True)
    if user.is_administrator:
        return companies.order_by("name")
    ids = user.organisation_ids(Role.JOB_COACH, Role.CENTRE_STAFF)
    return companies.filter(pk__in=ids).order_by("name")


def proposable_clients(user: User, organisation_ids) -> QuerySet[Client]:
    """The companies' workers the user may see who have no running transition file."""
    running = m.TransitionFile.objects.filter(client=OuterRef("pk")).exclude(
        referral_state=m.ReferralState.CALLED_OFF
    )
    return (
        Client.objects.visible_to(user)
        .filter(organisation_id__in=list(organisation_ids))
        .exclude(Exists(running))
        .order_by("last_name", "first_name", "pk")
    )


def invitation_problems(file: m.TransitionFile) -> tuple[Reason, ...]:
    """TRN-02/15: what still stands in the way of the invitation to intake (empty: it can go)."""
    return rules.invitation_refusal(referral_facts(file))
