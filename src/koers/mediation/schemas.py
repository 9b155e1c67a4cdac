"""Input and output shapes of the intensive-mediation (MED) endpoints. The rules stay in
`koers.mediation`: these only check types, choices and lengths. The class names are the OpenAPI
component names: they do not change."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from koers.api.schemas import Id, LocalDatetime
from koers.mediation.models import (
    AbsenceReason,
    Advice,
    FollowUpReason,
    SendBy,
    Tender,
    TrainingKind,
)
from koers.mediation.rules.process import FILE_ITEMS


class ReasonOut(Schema):
    rule: str = Field(description="Regel-ID, bv. MED-03.")
    message: str


class NewClientIn(Schema):
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=30)
    street: str = Field("", max_length=200)
    postal_code: str = Field("", max_length=4)
    city: str = Field("", max_length=100)


class AppointmentIn(Schema):
    starts_at: LocalDatetime = Field(description="Zonder tijdzone: Belgische tijd.")
    duration_minutes: int = Field(60, ge=15, le=480)
    place: str = Field("", max_length=200)
    send_by: SendBy = SendBy.LETTER
    covering_text: str = Field("", max_length=2000)
    comment: str = Field("", max_length=300)


class ReferralIn(Schema):
    client_id: Id | None = Field(None, description="Een bestaande cliënt die u ziet, of `client`.")
    client: NewClientIn | None = None
    organisation_id: Id | None = None
    tender: Tender
    lot: str = Field(max_length=60)
    vdab_mediator_name: str = Field(max_length=200)
    vdab_mediator_email: str = Field(max_length=254)
    vdab_client_number: str = Field(
        "", max_length=14, description="Cijfers, zoals op de toeleiding."
    )
    referral_date: date
    work_points: list[str] = []
    thresholds: list[str] = []
    first_appointment: AppointmentIn


class ReferralPatch(Schema):
    """Only the fields you send change (MED-01); the referral date stays."""

    tender: Tender | None = None
    lot: str | None = Field(None, max_length=60)
    vdab_mediator_name: str | None = Field(None, max_length=200)
    vdab_mediator_email: str | None = Field(None, max_length=254)
    vdab_client_number: str | None = Field(None, max_length=14)
    work_points: list[str] | None = None
    thresholds: list[str] | None = None


class ServiceOut(Schema):
    id: int
    trajectory_id: int
    client_id: int
    client_name: str
    responsible_id: int
    tender: str
    lot: str
    vdab_mediator_name: str
    vdab_mediator_email: str
    vdab_client_number: str
    work_points: list[str]
    thresholds: list[str]
    referral_date: date
    state: str
    state_label: str
    ladder_state: str
    present_on: date | None
    mediation_started_on: date | None
    closing_reason: str
    closing_due_on: date | None
    closable_on: date | None = Field(
        description=(
            "MED-12/13: de eerste dag waarop de service mag afsluiten — ten vroegste na de "
            "minimumduur (WIJ3: ook het einde van de projecten), of de dag waarop ze ter "
            "afsluiting kwam. Leeg zolang de bemiddeling niet gestart is (MED-06)."
        )
    )
    max_duration_on: date | None = Field(
        description="MED-12/13: de dag waarop de maximale duur bereikt is (uiterlijk afsluiten)."
    )
    advice_deadline: date | None
    closing_way: str
    closed_at: datetime | None
    advice: str
    advice_remark: str
    returned_to: str
    returned_reasons: list[ReasonOut]
    vdab_signal: str
    access_until: datetime | None
    red_bar: bool = Field(description="MED-04/15/16: partner is mediator; VDAB takes no actions.")


class ServicePage(Schema):
    count: int
    items: list[ServiceOut]


class NextStepOut(Schema):
    state: str
    kind: str | None
    attempt: int | None
    plan_by: date | None
    late: bool
    stops_on_next_absence: bool
    stops_on_next_invalid_absence: bool
    reasons: list[ReasonOut]


class FirstAppointmentOut(Schema):
    id: int
    number: int
    kind: str
    contact_id: int
    starts_at: datetime
    duration_minutes: int
    place: str
    outcome: str
    absence_reason: str
    comment: str
    rescheduled: int
    send_by: str
    covering_text: str
    replan_warning: str


class AppointmentsOut(Schema):
    items: list[FirstAppointmentOut]
    next_step: NextStepOut


class OutcomeIn(Schema):
    present: bool
    absence_reason: AbsenceReason | None = None
    comment: str = Field("", max_length=300)


class OutcomeOut(Schema):
    appointment: FirstAppointmentOut
    ladder_state: str
    service_state: str
    reasons: list[ReasonOut]


class RescheduleIn(AppointmentIn):
    mediator_unavailable: bool = Field(
        description="MED-02: alleen als de bemiddelaar zelf niet aanwezig kan zijn."
    )
    kind: Literal["ordinary", "registered"] | None = Field(
        None, description="Het type kan niet wijzigen; een ander type wordt geweigerd."
    )


class SheetAssignmentIn(Schema):
    title: str = Field(max_length=200)
    what: str = Field("", max_length=300)
    deadline: date
    remark: str = Field("", max_length=300)


class SheetIn(Schema):
    made_on: date
    work_points: list[str] = []
    assignments: list[SheetAssignmentIn] = []
    services_remark: str = Field("", max_length=300)


class SheetOut(Schema):
    id: int
    number: int
    made_on: date
    content: dict
    signed_by_partner_on: date | None
    signed_by_participant_on: date | None
    document_id: int | None


class SheetsOut(Schema):
    items: list[SheetOut]
    first_sheet_due_on: date | None
    first_sheet_days_left: int | None


class SignIn(Schema):
    partner_on: date | None = None
    participant_on: date | None = None


class MediationContactIn(Schema):
    starts_at: LocalDatetime
    duration_minutes: int = Field(ge=1, le=720)
    place: str = Field("", max_length=200)
    outcome: Literal["planned", "held", "absent"] = "planned"
    absence_reason: str = Field("", max_length=200)
    notes: str = ""
    residence_status_checked: bool = False
    work_permit_checked: bool = False
    check_note: str = Field("", max_length=300)


class MediationContactOut(Schema):
    id: int
    starts_at: datetime
    duration_minutes: int
    outcome: str
    residence_status_checked: bool
    work_permit_checked: bool


class MonthEndIn(Schema):
    month_end: date = Field(description="De laatste dag van de maand.")
    category: str = Field("", max_length=8, description="CATWZ-code.")
    passive: bool | None = Field(None, description="Leeg: volgens de passieve codes.")


class MonthEndOut(Schema):
    month_end: date
    category: str
    passive: bool


class ClosingOut(Schema):
    state: str
    closing_reason: str | None
    closing_due_on: date | None
    closable_on: date | None = Field(description="Zoals `closable_on` van de service.")
    max_duration_on: date | None = Field(description="Zoals `max_duration_on` van de service.")
    advice_deadline: date | None
    advice_options: list[str] = Field(description="MED-14: de toegelaten adviezen.")
    reasons: list[ReasonOut]


class AdviceIn(Schema):
    advice: Advice
    remark: str = Field("", max_length=2000)
    mail: bool = False
    printed: bool = False


class FollowUpIn(Schema):
    on: date
    reason: FollowUpReason
    projectopvolger: str = Field(max_length=200)
    note: str = Field("", max_length=500)


# ---- trainings (MED-11), the file checklist (MED-08), IBO (MED-10), the sheet PDF -------------


class TrainingIn(Schema):
    kind: TrainingKind
    title: str = Field(max_length=200)
    code: str = Field(max_length=20, description="Opleidingscode uit de opleidingengids.")
    is_bvs: bool = False
    organiser: str = Field("", max_length=200)
    organiser_email: str = Field("", max_length=254)
    organiser_is_vdab: bool = False
    work_point: str = Field("", max_length=200)
    summary: str = Field("", max_length=500)
    starts_on: date | None = None


class TrainingOut(Schema):
    id: int
    kind: str
    title: str
    code: str
    is_bvs: bool
    organiser: str
    organiser_email: str
    organiser_is_vdab: bool
    work_point: str
    summary: str
    starts_on: date | None
    started: bool
    cancelled_at: datetime | None
    competences_updated_on: date | None
    created_at: datetime


class TrainingProgressIn(Schema):
    started: bool = Field(False, description="De opleiding is gestart.")
    competences_updated: bool = Field(
        False, description="Na de opleiding zijn de competenties in het dossier bijgewerkt."
    )


class FileChecklistIn(Schema):
    ticked: dict[str, bool] = Field(
        default_factory=dict, description=f"Aangevinkt, per sleutel: {', '.join(FILE_ITEMS)}."
    )
    extra: dict[str, bool] = Field(
        default_factory=dict, description="Eigen punten (open lijst, MED-08): tekst → in orde."
    )


class FileChecklistItemOut(Schema):
    key: str
    label: str
    ok: bool


class FileChecklistOut(Schema):
    items: list[FileChecklistItemOut]
    missing: list[str] = Field(description="De labels van wat nog ontbreekt.")


class IboIn(Schema):
    employer: str = Field(max_length=200)


class SheetPdfIn(Schema):
    mail: bool = Field(False, description="Mail het afsprakenblad aan de cliënt (anders printen).")


# ---- MED-12: the partner's settings per tender ------------------------------------------------


class TenderSettingOut(Schema):
    tender: str
    tender_label: str
    maximum_months: int
    passive_codes: list[str]
    confirmed: bool = Field(description="False: “niet bevestigd” door de beheerder van de partner.")
    configurable: bool = Field(description="False for WIJ3: its values follow from the seed.")
    confirmed_by_id: int | None
    confirmed_at: datetime | None


class TenderSettingIn(Schema):
    maximum_months: int = Field(ge=1, le=600)
    passive_codes: list[str] = Field(max_length=100)
