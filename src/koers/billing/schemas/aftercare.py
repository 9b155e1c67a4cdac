"""API shapes of aftercare at VDAB (BIL-02): registered, never billable."""

from datetime import date

from ninja import Field, Schema

from koers.api.schemas import RuleReasonOut


class BillingAftercareOut(Schema):
    aftercare_id: int
    trajectory_id: int
    day: date
    minutes: int
    client_name: str
    voucher: str
    billable: bool = Field(description="Altijd false: nazorg komt nooit op een afrekening.")
    entered_on: date | None = Field(description="Ingegeven bij VDAB op (BIL-02).")
    to_enter: bool
    reasons: list[RuleReasonOut]


class BillingAftercareListOut(Schema):
    count: int
    items: list[BillingAftercareOut]
