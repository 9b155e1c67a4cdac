"""BIL-01 API shapes: dossiers to deliver, delivery batches, audits."""

from datetime import date, datetime

from ninja import Field, Schema

from koers.api.schemas import Id


class DeliveryDossierOut(Schema):
    trajectory_id: int
    voucher: str
    client_name: str
    coach_id: int
    closed_on: date | None
    complete: bool
    missing: list[str] = Field(description="De ontbrekende stukken (leeg: volledig).")
    pieces: list[str] = Field(default_factory=list, description="De stukken die er zijn.")


class DeliveryDossierPage(Schema):
    count: int
    items: list[DeliveryDossierOut]


class DeliveryBatchOut(Schema):
    id: int
    coach_id: int
    organisation_id: int
    created_at: datetime
    state: str
    state_label: str
    dossiers: list[DeliveryDossierOut]


class DeliveryBatchPage(Schema):
    count: int
    items: list[DeliveryBatchOut]


class DeliveryBatchIn(Schema):
    dossiers: list[Id] = Field(description="De trajecten (dossiers) van de zending.")


class DeliveryBatchStateIn(Schema):
    state: str = Field(description="handed_in, posted (de coach) of received (het centrum).")
    why: str = Field("", max_length=500)


class BillingAuditOut(Schema):
    id: int
    organisation_id: int
    deadline: date
    note: str
    created_at: datetime


class BillingAuditPage(Schema):
    count: int
    items: list[BillingAuditOut]


class BillingAuditIn(Schema):
    organisation: Id
    deadline: date
    note: str = Field("", max_length=200)
