"""Input and output shapes of the assessment-centre endpoints (TRN-06/16). A level is any
number here: the service refuses one outside the SAM scale with the rule's message (TRN-05)."""

from datetime import date

from ninja import Field, Schema

from koers.api.schemas import Id
from koers.transition.schemas import TransitionReasonOut


class SessionIn(Schema):
    title: str = Field(max_length=200)
    job_target: str = Field(max_length=200, description="TRN-16: de proeven zijn eraan gelinkt.")
    organisation_id: Id
    indicators_agreed_on: date | None = None


class TaskIn(Schema):
    name: str = Field(max_length=200)
    day: date
    purpose: str = Field("", max_length=4000)
    purpose_explained: bool = False
    competences: list[str] = Field(default_factory=list, description="Codes uit het profiel.")


class TaskOut(TaskIn):
    id: Id


class CandidateIn(Schema):
    file_id: Id


class CandidateOut(Schema):
    id: Id
    file_id: Id
    client_name: str
    fed_back_on: date | None
    reported_on: date | None
    report_document_id: int | None


class AssessorIn(Schema):
    user_id: Id


class AssessorOut(Schema):
    user_id: Id
    name: str


class SessionOut(Schema):
    id: Id
    title: str
    job_target: str
    organisation_id: Id
    indicators_agreed_on: date | None
    tasks: list[TaskOut]
    candidates: list[CandidateOut]
    assessors: list[AssessorOut]
    warnings: list[TransitionReasonOut] = Field(description="Advies dat waarschuwt (TRN-06).")


class SessionSummaryOut(Schema):
    id: Id
    title: str
    job_target: str
    organisation_id: Id


class SessionListOut(Schema):
    count: int
    items: list[SessionSummaryOut]


class ObservationIn(Schema):
    candidate_id: Id
    task_id: Id | None = None
    text: str = Field(max_length=4000)
    competence: str = Field("", max_length=60)


class ObservationOut(Schema):
    id: Id
    candidate_id: Id
    task_id: int | None
    assessor_id: Id
    text: str
    competence: str


class ObservationSavedOut(ObservationOut):
    warnings: list[TransitionReasonOut] = Field(
        description="Feiten, geen persoonlijkheidskenmerken."
    )


class ObservationListOut(Schema):
    count: int
    items: list[ObservationOut]


class ClassifyIn(Schema):
    competence: str = Field(max_length=60)


class ProposalIn(Schema):
    candidate_id: Id
    competence: str = Field(max_length=60)
    level: int = Field(description="SAM 1 onvoldoende … 4 zeer goed.")


class ProposalOut(Schema):
    candidate_id: Id
    assessor_id: Id
    competence: str
    level: int


class ComparisonRowOut(Schema):
    candidate_id: Id
    competence: str
    levels: dict[str, str] = Field(description="Assessor -> voorgesteld niveau.")
    spread: int
    agreed: str
    warnings: list[TransitionReasonOut]


class ComparisonOut(Schema):
    items: list[ComparisonRowOut]


class AgreedIn(Schema):
    competence: str = Field(max_length=60)
    level: int
    note: str = Field("", max_length=4000)


class AgreedOut(Schema):
    competence: str
    level: int
    note: str
    agreed_on: date
    warnings: list[TransitionReasonOut]


class ReportIn(Schema):
    growth_points: str = Field("", max_length=8000)
    attention_points: str = Field("", max_length=8000)
    compared_with_intake: str = Field("", max_length=8000)
    fed_back_on: date | None = None


class FindingOut(Schema):
    kind: str = Field(description="level, growth of attention.")
    competence: str
    label: str
    level: int | None
    level_label: str


class LevelOut(Schema):
    competence: str
    level: str


class ReportOut(ReportIn):
    candidate_id: Id
    levels: list[LevelOut]
    strengths: list[str]
    growth: list[str]
    still_open: list[TransitionReasonOut]
    reported_on: date | None
    report_document_id: int | None
