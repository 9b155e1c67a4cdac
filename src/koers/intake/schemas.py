"""Input and output shapes of the lead-intake (INT) endpoints. The rules stay in the services:
these only check types, choices and lengths. The class names are the OpenAPI component names."""

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from koers.api.schemas import Id, LocalDatetime, RuleReasonOut
from koers.intake.models import AckChannel, CallKind, LeadChannel, LeadState


class WindowIn(Schema):
    starts_at: LocalDatetime = Field(description="Zonder tijdzone: Belgische tijd.")
    ends_at: LocalDatetime


class WindowOut(Schema):
    starts_at: datetime
    ends_at: datetime


class LeadIn(Schema):
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    email: str = Field(max_length=254)
    phone: str = Field(max_length=40, description="Wordt bewaard in E.164.")
    career_question: str = Field(max_length=4000)
    channel: LeadChannel
    channel_other: str = Field("", max_length=200)
    consent: bool = Field(description="Toestemming voor de verwerking: verplicht.")
    windows: list[WindowIn] = Field(
        max_length=10, description="Wanneer de persoon bereikbaar is (INT-01)."
    )
    postal_code: str = Field("", max_length=4)
    preferred_location_id: Id | None = None
    organisation_id: Id | None = None
    self_brought: bool = Field(
        False,
        description="Zelf aangebracht door de coach: niet gerouteerd, feedback niet verplicht (INT-07).",
    )
    arrived_at: LocalDatetime | None = Field(
        None, description="Voor een import: wanneer de aanvraag binnenkwam (standaard nu)."
    )


class ClockOut(Schema):
    status: str = Field(description="open | nearing | late | met | met_late (INT-02).")
    deadline: datetime
    arrival_deadline: datetime = Field(description="Altijd aankomst + 24 uur, ook na overdracht.")
    call_at: datetime | None
    acknowledgement_due: bool = Field(description="INT-03: eerste moment later dan de deadline.")
    acknowledgement_needed: bool = Field(description="Verschuldigd en nog niet verstuurd.")
    reasons: list[RuleReasonOut]


class LeadOut(Schema):
    id: int
    organisation_id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    postal_code: str
    preferred_location_id: int | None
    career_question: str
    channel: str
    channel_other: str
    consent: bool
    arrived_at: datetime
    clock_started_at: datetime
    state: LeadState
    coach_id: int | None
    self_brought: bool
    routing_reasons: list[RuleReasonOut]
    contacted_at: datetime | None
    late_flagged_at: datetime | None
    client_id: int | None
    trajectory_id: int | None
    windows: list[WindowOut]
    clock: ClockOut
    submissions: int


class LeadPage(Schema):
    count: int
    items: list[LeadOut]


class AssignIn(Schema):
    coach_id: Id | None = Field(None, description="Leeg: automatisch routeren (INT-01, INT-05).")
    allow_unavailable: bool = Field(
        False, description="Toch toewijzen aan een afwezige coach (INT-05)."
    )


class AcknowledgementIn(Schema):
    """INT-03: only when the first reachable moment starts more than 24 hours after the lead
    arrived (otherwise 422: call in that moment)."""

    channel: AckChannel
    text: str = Field(
        "",
        max_length=1000,
        description="Moet de datum en het uur van het gesprek noemen. Leeg: de voorgestelde tekst.",
    )
    call_at: LocalDatetime | None = Field(
        None,
        description="Wanneer je belt: in de toekomst, binnen een opgegeven bereikbaar moment. "
        "Leeg: het begin van het eerste bereikbare moment.",
    )


class AcknowledgementOut(Schema):
    id: int
    channel: str
    text: str
    call_at: datetime
    sent_at: datetime


class IntroductionIn(Schema):
    starts_at: LocalDatetime
    duration_minutes: int | None = Field(None, ge=1, le=240, description="Standaard 30 (INT-08).")
    form: Literal["individual", "group", "phone", "video"] = "individual"
    place: str = Field("", max_length=200)


class CallIn(Schema):
    kind: CallKind
    called_at: LocalDatetime | None = None
    note: str = Field("", max_length=4000)
    introduction: IntroductionIn | None = Field(
        None, description="Verplicht bij een match (INT-06)."
    )
    to_coach_id: Id | None = Field(None, description="Verplicht bij doorgeven (INT-06).")


class CallOut(Schema):
    id: int
    kind: str
    called_at: datetime
    note: str


class FeedbackIn(Schema):
    answers: dict[str, Any] = Field(description="Per vraag (sleutel) het antwoord (INT-07).")


class FeedbackOut(Schema):
    id: int
    coach_id: int
    answers: dict[str, Any]
    submitted_at: datetime


class UnavailabilityIn(Schema):
    starts_at: LocalDatetime
    ends_at: LocalDatetime
    reason: str = Field("", max_length=200)
    coach_id: Id | None = Field(None, description="Leeg: uzelf.")
    organisation_id: Id | None = None


class UnavailabilityOut(Schema):
    id: int
    coach_id: int
    organisation_id: int
    starts_at: datetime
    ends_at: datetime
    reason: str


class UnavailabilityPage(Schema):
    count: int
    items: list[UnavailabilityOut]


class ChannelCount(Schema):
    channel: str
    label: str
    count: int


class MonthCount(Schema):
    month: str
    count: int


class MarketingOut(Schema):
    total: int
    per_channel: list[ChannelCount]
    per_month: list[MonthCount]
    median_hours_to_contact: float | None
    contacted_within_24h_percent: float | None
    to_first_session_percent: float | None
    to_voucher_percent: float | None


class ConvertIn(Schema):
    open_voucher: bool = Field(
        False,
        description="Open meteen een loopbaancheque; de kennismaking telt nooit mee (INT-08).",
    )
