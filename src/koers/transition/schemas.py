"""Input and output shapes of the transition (TRN) endpoints. The rules stay in
`koers.transition`: these only check types, choices and lengths. The class names are the OpenAPI
component names: they do not change."""

from datetime import date

from ninja import Field, Schema

from koers.api.schemas import Id


class TransitionReasonOut(Schema):
    rule: str = Field(description="Regel-ID, bv. TRN-09.")
    message: str


class TransitionFileOut(Schema):
    id: Id
    trajectory_id: Id
    client_id: Id
    client_name: str
    responsible_id: Id
    phase: str = Field(description="TRN-01: 1.1 … 3, leeg vóór een toeleiding.")
    phase_label: str
    referral_state: str
    referred_on: date
    proposed_by: str
    job_target: str
    ruleset_version: str


class TransitionFileListOut(Schema):
    count: int
    items: list[TransitionFileOut]
