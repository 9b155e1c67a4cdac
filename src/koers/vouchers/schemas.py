"""Input and output shapes of the career-voucher (LBC) endpoints (`koers.vouchers.api`). The rules
themselves stay in the services: these only check types, choices and lengths. The class names are
the OpenAPI component names: they do not change."""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from koers.api.schemas import Id, LocalDatetime, RuleReasonOut
from koers.trajectories.models import ContactOutcome
from koers.trajectories.schemas import ContactFieldsIn, ContactFieldsOut
from koers.vouchers.models import AftercareEntry, ClosingReason, CodeOfConductHandover, VideoConsent
from koers.vouchers.rules.phases import Phase


class ScopeWarningOut(Schema):
    exclusion: str
    matched: str
    rule: str
    message: str


class HoursOut(Schema):
    used_minutes: int = Field(description="Gehouden begeleidingstijd, of die meetelt of niet.")
    counted_minutes: int
    group_minutes: int
    individual_minutes: int
    left_minutes: int


class ClosingPointOut(Schema):
    key: str
    label: str
    rule: str
    message: str


class VoucherOut(Schema):
    id: int
    number: int
    client_id: int
    client_name: str
    trajectory_id: int
    responsible_id: int
    ruleset_version: str
    status: str = Field(description="Status van het traject.")
    phase: str = Field(description="Fase van het traject (LBC-21).")
    start_date: date
    end_date: date | None
    career_question: str
    intake_topics: list[str]
    intake_topics_missing: list[str] = Field(description="LBC-10: nog niet toegelicht.")
    scope_warnings: list[ScopeWarningOut] = Field(description="LBC-19.")
    scope_resolution: str
    scope_resolved_at: datetime | None
    scope_resolved_by_id: int | None
    synthesis_date: date | None
    combined_pop: bool
    pop_checklist_only: bool
    evaluation_invited_on: date | None
    evaluation_reminders_sent: int
    evaluation_last_sent_on: date | None
    evaluation_received_on: date | None
    evaluation_correspondence_added_on: date | None
    aftercare_informed_at: datetime | None
    video_consent: str = Field(
        description="LBC-06: consent (akkoord) of request (op vraag van de cliënt); leeg: geen."
    )
    video_consent_on: date | None
    certificate_issued_at: datetime | None
    certificate_training: str
    code_of_conduct_handed_on: date | None = Field(description="LBC-11: gedragscode overhandigd.")
    code_of_conduct_handed_how: str = Field(description="given (meegegeven) of emailed (gemaild).")
    closed_incomplete: bool = Field(
        description="Afgesloten, onvolledig: vroeger gestopt dan de begeleiding af was."
    )
    closing_reason: str = Field(description="Reden van het vroegere afsluiten.")
    closing_note: str
    closing_open_points: list[ClosingPointOut] = Field(
        description="De punten van het dossier die open stonden bij het afsluiten."
    )


class AftercareTotalsOut(Schema):
    registered_minutes: int = Field(description="Alle geregistreerde nazorg (LBC-18).")
    within_right_minutes: int = Field(
        description="Het deel binnen het recht van de cliënt (30 minuten per cheque)."
    )
    right_minutes: int = Field(description="Het recht van de cliënt per cheque.")
    deadline: date | None = Field(
        description="Laatste dag voor nazorg: een jaar na het synthesegesprek (LBC-18)."
    )


class VoucherDetailOut(VoucherOut):
    hours: HoursOut
    aftercare: AftercareTotalsOut


class VoucherPage(Schema):
    count: int
    items: list[VoucherOut]


class VoucherIn(Schema):
    client_id: Id
    start_date: date | None = Field(None, description="Standaard vandaag.")
    career_question: str = ""
    organisation_id: Id | None = Field(
        None, description="Verplicht als u voor meer dan één organisatie werkt."
    )
    responsible_id: Id | None = Field(None, description="Standaard uzelf.")


# ---- contacts ----------------------------------------------------------------------------------


class VoucherContactOut(ContactFieldsOut):
    is_introduction: bool
    attendance_original: bool = Field(description="Ondertekend origineel ontvangen (LBC-11).")
    screenshot: bool = Field(description="Screenshot van het videogesprek (LBC-06).")
    counted_minutes: int = Field(description="Wat van dit contact meetelt op de cheque.")
    reasons: list[RuleReasonOut]


class VoucherContactPage(Schema):
    count: int
    items: list[VoucherContactOut]


class VoucherContactIn(ContactFieldsIn):
    is_introduction: bool = Field(False, description="Gratis kennismakingsgesprek (telt nooit).")


# ---- checklist, intake, scope, phase -----------------------------------------------------------


class ChecklistItemOut(Schema):
    key: str
    label: str
    ok: bool
    rule: str
    message: str


class ChecklistOut(Schema):
    complete: bool
    items: list[ChecklistItemOut]


class IntakeIn(Schema):
    career_question: str = ""
    topics: list[str] = Field(default_factory=list, description="Toegelichte onderwerpen (LBC-10).")


class ScopeResolutionIn(Schema):
    resolution: str = Field(max_length=2000)


class PhaseIn(Schema):
    phase: Phase


# ---- POP ---------------------------------------------------------------------------------------


class PopActionIn(Schema):
    what: str = Field(max_length=500)
    by_when: date | None = None
    by_whom: str = Field("", max_length=200)
    voucher: int | None = Field(None, ge=1, le=2, description="Gecombineerd POP (LBC-13).")


class PopContentIn(Schema):
    style: Literal["action", "reflexive"] = "action"
    sections: dict[str, str] = Field(default_factory=dict)
    actions: list[PopActionIn] = Field(default_factory=list)
    covered: dict[str, str] = Field(
        default_factory=dict, description="Per cheque wat aan bod kwam (LBC-13)."
    )


class PopVersionIn(Schema):
    content: PopContentIn


class PopFinaliseIn(Schema):
    synthesis_date: date | None = Field(
        None, description="Standaard de dag van het laatste begeleidingscontact (LBC-18)."
    )


class PopVersionOut(Schema):
    number: int
    content: dict[str, Any]
    author_id: int | None
    author_is_client: bool
    created_at: datetime


class PopOut(Schema):
    plan_id: int | None
    title: str | None
    finalised_at: datetime | None
    versions: list[PopVersionOut] = Field(description="Nieuwste eerst.")
    problems: list[RuleReasonOut] = Field(description="Bij de nieuwste versie (LBC-12/13).")


# ---- documents, aftercare, certificate ---------------------------------------------------------

GeneratedKind = Literal["contract", "code_of_conduct", "attendance", "pop", "certificate"]


class VoucherDocumentIn(Schema):
    kind: GeneratedKind


class VoucherDocumentOut(Schema):
    id: int
    kind: str
    title: str
    status: str
    original_filename: str
    contact_id: int | None
    download_url: str | None = Field(description="Leeg zolang er geen bestand is.")
    created_at: datetime


class VoucherDocumentPage(Schema):
    count: int
    items: list[VoucherDocumentOut]


class AftercareIn(Schema):
    on: date
    minutes: int = Field(
        30,
        ge=30,
        le=600,
        description="Per half uur: 30, 60, 90 … Alle nazorg mag geregistreerd worden.",
    )
    form: AftercareEntry.Form
    note: str = ""


class AftercareOut(Schema):
    id: int
    on: date
    minutes: int
    form: str
    note: str
    recorded_by_id: int
    created_at: datetime


class AftercareListOut(AftercareTotalsOut):
    items: list[AftercareOut]


class CertificateIn(Schema):
    training: str = Field(max_length=200)
    benefit_academic_year_start: date = Field(
        description="Begin van het academiejaar waarvoor het voordeel gevraagd wordt."
    )
    only_to_obtain_benefit: bool = False


class InterimEvaluationIn(Schema):
    held_on: date
    going_as_wished: str
    would_change: str = ""


class VoucherCloseIn(Schema):
    reason: ClosingReason | Literal[""] = Field(
        "", description="Verplicht als de uren of het individuele minimum niet gehaald zijn."
    )
    note: str = Field("", max_length=2000, description="Verplicht bij reden `other`.")


class CodeOfConductIn(Schema):
    how: CodeOfConductHandover
    on: date


# ---- e-coaching consent (LBC-06) and group sessions (LBC-04, LBC-05) ---------------------------


class VideoConsentIn(Schema):
    video_consent: VideoConsent | Literal[""] = Field(
        description="consent: de cliënt gaat akkoord; request: op vraag van de cliënt; leeg trekt in."
    )
    on: date | None = Field(None, description="Standaard vandaag.")


class GroupParticipantIn(Schema):
    voucher_id: Id
    employer: str = Field(
        "", max_length=200, description="Nooit twee deelnemers van één organisatie."
    )
    free_choice: bool = Field(False, description="De cliënt koos vrij voor de groepssessie.")
    linked_to_question: bool = Field(
        False, description="Het thema werd vooraf besproken en gekoppeld aan de loopbaanvraag."
    )
    may_stop_and_switch: bool = Field(
        False,
        description="De cliënt kan altijd stoppen en voor individuele gesprekken kiezen, en kiest "
        "zelf de graad van deelname.",
    )


class GroupSessionIn(Schema):
    theme: str = Field(max_length=200)
    method: str = Field("", max_length=2000)
    starts_at: LocalDatetime = Field(description="Zonder tijdzone: Belgische tijd.")
    duration_minutes: int
    place: str = Field("", max_length=200)
    outcome: Literal["planned", "held"] = ContactOutcome.PLANNED
    aims_at_reflection: bool = Field(
        False,
        description="Het thema richt zich uitsluitend op reflectie en zelfinzicht over "
        "loopbaancompetenties.",
    )
    part_of_other_service: bool = Field(
        False, description="Onderdeel van een andere dienstverlening (outplacement, training)."
    )
    participants: list[GroupParticipantIn] = Field(max_length=50)


class GroupParticipantOut(Schema):
    voucher_id: int
    contact_id: int
    employer: str
    free_choice: bool
    linked_to_question: bool
    may_stop_and_switch: bool
    feedback_contact_id: int | None = Field(
        description="Het individuele gesprek waarin de inzichten teruggekoppeld werden (LBC-05)."
    )


class GroupSessionOut(Schema):
    id: int
    organisation_id: int
    coach_id: int
    theme: str
    method: str
    starts_at: datetime
    duration_minutes: int
    place: str
    aims_at_reflection: bool
    part_of_other_service: bool
    participants: list[GroupParticipantOut] = Field(
        description="De deelnemers wier cheque u mag zien."
    )


class GroupSessionPage(Schema):
    count: int
    items: list[GroupSessionOut]


class GroupFeedbackIn(Schema):
    group_contact_id: Id = Field(description="Het groepscontact op deze cheque.")
    feedback_contact_id: Id = Field(
        description="Het gehouden individuele gesprek op of na de groepssessie."
    )


# ---- the combined POP (LBC-13) -----------------------------------------------------------------


class CombinedPopIn(Schema):
    combined: bool = Field(description="Eén POP voor cheque 1 en 2 (bewaard op cheque 2).")
