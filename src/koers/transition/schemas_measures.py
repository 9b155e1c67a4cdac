"""Input and output shapes of the measures endpoints (TRN-09..12). The rules stay in the services:
these only check types, choices and lengths."""

from datetime import date
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from koers.api.schemas import Id
from koers.transition.schemas import TransitionReasonOut

MeasureKindIn = Literal["bvs", "tbs", "ibo", "activa"]
OriginIn = Literal["", "SW", "LDE"]


class TransitionRequirementOut(Schema):
    key: str
    label: str
    rule: str
    moment: str = Field(description="start: vóór de start; close: vóór de afronding.")
    met: bool
    tickable: bool = Field(description="False: volgt uit de gegevens (herkomst, C4-tekst).")


class TransitionEvaluationOut(Schema):
    id: Id
    kind: str
    on: date
    by_phone: bool
    levels: dict[str, int] = Field(description="SAM-niveau 1..4 per competentiecode (TRN-05).")
    remarks: str


class TransitionMeasureOut(Schema):
    id: Id
    file_id: Id
    kind: str
    kind_label: str
    state: str
    employer_id: Id | None
    employer_name: str
    mentor: str
    task_description: str
    planned_start: date
    planned_end: date
    started_on: date | None
    ended_on: date | None
    follows_id: Id | None
    present: list[str]
    nec_has_union_delegation: bool | None
    origin: str
    c4_text: str
    sample_contract_on: date | None
    resignation_signed_on: date | None
    coach_accompanies_rva: bool | None
    wage_difference: Decimal | None
    travel_costs: Decimal | None
    agreed_wage: Decimal | None
    requirements: list[TransitionRequirementOut]
    missing_for_start: list[str]
    missing_for_close: list[str]
    start_refusal: TransitionReasonOut | None
    close_refusal: TransitionReasonOut | None
    warnings: list[TransitionReasonOut]
    activa_advantage: str
    rva_payment_expected_by: date | None
    evaluations: list[TransitionEvaluationOut]


class TransitionMeasureListOut(Schema):
    count: int
    items: list[TransitionMeasureOut]


class TransitionMeasureIn(Schema):
    kind: MeasureKindIn
    planned_start: date
    planned_end: date | None = Field(None, description="Leeg bij een BVS: 2 weken (TRN-09).")
    employer_id: Id | None = None
    new_employer_name: str = Field("", max_length=200)
    mentor: str = Field("", max_length=200)
    task_description: str = Field("", max_length=5000)
    follows_id: Id | None = None
    nec_has_union_delegation: bool | None = None
    origin: OriginIn = ""
    c4_text: str = Field("", max_length=1000)
    sample_contract_on: date | None = None
    resignation_signed_on: date | None = None
    coach_accompanies_rva: bool | None = None
    wage_difference: Decimal | None = Field(None, ge=0, max_digits=8, decimal_places=2)
    travel_costs: Decimal | None = Field(None, ge=0, max_digits=8, decimal_places=2)
    agreed_wage: Decimal | None = Field(None, ge=0, max_digits=9, decimal_places=2)
    note: str = Field("", max_length=5000)


class TransitionMeasureDocumentsIn(Schema):
    present: list[str] = Field(description="De sleutels van de documenten en toestemmingen.")
    nec_has_union_delegation: bool | None = None
    origin: OriginIn = ""
    c4_text: str = Field("", max_length=1000)
    sample_contract_on: date | None = None
    resignation_signed_on: date | None = None
    coach_accompanies_rva: bool | None = None


class TransitionEvaluationIn(Schema):
    kind: Literal["interim", "final"]
    on: date
    by_phone: bool = False
    levels: dict[str, int] = Field(default_factory=dict)
    remarks: str = Field("", max_length=5000)


class TransitionMeasureCancelIn(Schema):
    why: str = Field("", max_length=500)
