"""Input and output shapes of the referral and intake endpoints (TRN-02, TRN-15, TRN-03). Types,
choices and lengths only: the rules stay in the services. The class names are OpenAPI component
names: they do not change."""

from datetime import date

from ninja import Field, Schema

from koers.api.schemas import Id
from koers.transition.schemas import TransitionReasonOut


class TransitionNewWorkerIn(Schema):
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)


class TransitionReferralWho(Schema):
    proposed_by: str = Field("", description="worker, supervisor, coach of other (TRN-02).")
    proposer_name: str = Field("", max_length=200)
    why: str = Field("", max_length=5000)
    job_target: str = Field("", max_length=200)
    supervisors: list[str] = Field(default_factory=list, max_length=20)


class TransitionProposeIn(TransitionReferralWho):
    organisation_id: Id | None = None
    client_id: Id | None = Field(None, description="Een werknemer die je mag zien…")
    worker: TransitionNewWorkerIn | None = Field(None, description="… of een nieuwe.")
    referred_on: date


class TransitionDialogueIn(Schema):
    held_on: date
    answers: dict[str, str] = Field(
        description="motivation, strengths, why_ready, job_target (de vier vragen van TRN-02)."
    )


class TransitionChecksIn(Schema):
    basic_dutch_confirmed: bool = False
    no_pretext_confirmed: bool = False
    pretext_signals: list[str] = Field(default_factory=list, max_length=3)


class TransitionInviteIn(TransitionChecksIn):
    invited_on: date


class TransitionCallOffIn(Schema):
    ground: str
    reason: str = Field(max_length=5000)
    called_off_on: date


class TransitionReferralOut(Schema):
    file_id: Id
    referral_state: str
    referred_on: date
    proposed_by: str
    proposer_name: str
    why: str
    job_target: str
    supervisors: list[str]
    dialogue: dict[str, str]
    dialogue_held_on: date | None
    basic_dutch_confirmed: bool
    no_pretext_confirmed: bool
    pretext_signals: list[str]
    invited_on: date | None
    invitation_document_id: int | None
    called_off_on: date | None
    call_off_ground: str
    call_off_reason: str
    invitation_problems: list[TransitionReasonOut]


class TransitionIntakeIn(Schema):
    held_on: date | None = None
    second_coach_id: Id | None = None
    second_coach_independent: bool = False
    motivation: str = Field("", max_length=5000)


class TransitionAdministrativeIn(Schema):
    answers: dict[str, str]
    by_worker: bool = False
    completed: bool = False
    language_observation: str = Field("", max_length=5000)


class TransitionStarrIn(Schema):
    competence: str = Field(max_length=60)
    situation: str = Field("", max_length=5000)
    task: str = Field("", max_length=5000)
    action: str = Field("", max_length=5000)
    result: str = Field("", max_length=5000)
    reflection: str = Field("", max_length=5000)


class TransitionStarrOut(TransitionStarrIn):
    id: Id
    missing: list[TransitionReasonOut] = Field(description="Een concept: wat nog ontbreekt.")


class TransitionDecisionIn(Schema):
    decision: str = Field(description="start of no_start")
    decided_on: date
    reason: str = Field("", max_length=5000)


class TransitionFeedbackIn(Schema):
    worker_on: date | None = None
    supervisors_on: date | None = None
    text: str = Field("", max_length=5000)


class TransitionEngagementIn(Schema):
    worker_on: date | None = None
    coach_on: date | None = None


class TransitionIntakeOut(Schema):
    id: Id
    file_id: Id
    held_on: date | None
    coach_id: Id
    second_coach_id: int | None
    second_coach_independent: bool
    administrative: dict[str, str]
    administrative_by_worker: bool
    administrative_via_portal: bool
    administrative_completed: bool
    language_observation: str
    motivation: str
    decision: str
    decided_on: date | None
    decision_reason: str
    feedback_worker_on: date | None
    feedback_supervisors_on: date | None
    feedback_text: str
    engagement_worker_signed_on: date | None
    engagement_coach_signed_on: date | None
    engagement_signed_on: date | None = Field(description="De eerste mijlpaal (TRN-01).")
    engagement_document_id: int | None
    warnings: list[TransitionReasonOut]
    feedback_missing: list[TransitionReasonOut]


class TransitionDocumentOut(Schema):
    document_id: Id


class TransitionKickOffInviteeIn(Schema):
    file_id: Id
    supervisors_invited: list[str] = Field(default_factory=list, max_length=20)


class TransitionKickOffIn(Schema):
    organisation_id: Id | None = None
    held_on: date
    place: str = Field("", max_length=200)
    note: str = Field("", max_length=5000)
    invitees: list[TransitionKickOffInviteeIn] = Field(max_length=200)


class TransitionKickOffInviteeOut(Schema):
    file_id: Id
    supervisors_invited: list[str]


class TransitionKickOffOut(Schema):
    id: Id
    organisation_id: Id
    held_on: date
    place: str
    note: str
    invitees: list[TransitionKickOffInviteeOut]
    warnings: list[TransitionReasonOut] = []


class TransitionKickOffListOut(Schema):
    count: int
    items: list[TransitionKickOffOut]
