"""API shapes of hours at VDAB (BIL-02), statements and corrections (BIL-03), rates (BIL-04)."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from koers.api.schemas import Id, RuleReasonOut


class BillingHourOut(Schema):
    contact_id: int
    trajectory_id: int
    day: date
    minutes: int = Field(description="Getelde minuten (LBC-02..08).")
    client_name: str
    voucher: str
    aftercare: bool
    entered_on: date | None = Field(description="Ingegeven bij VDAB op (BIL-02).")
    to_enter: bool
    paid_in: str | None = Field(description="Maand van uitbetaling, bv. 06/2026.")
    settled_in: str | None = Field(description="De afrekening die het uur draagt.")
    reasons: list[RuleReasonOut]


class BillingHourListOut(Schema):
    count: int
    warning: RuleReasonOut | None
    items: list[BillingHourOut]


class BillingHourEnteredIn(Schema):
    entered_on: date


class BillingMonthEnteredIn(Schema):
    month: str = Field(pattern=r"^20\d{2}-(0[1-9]|1[0-2])$", description="Maand, bv. 2026-05.")
    entered_on: date


class BillingStatementLineOut(Schema):
    id: int
    client_name: str
    voucher: str
    rate: Decimal
    minutes: int
    amount: Decimal


class BillingCorrectionOut(Schema):
    id: int
    client_name: str
    voucher: str
    rate: Decimal
    minutes: int
    amount: Decimal
    note: str
    created_at: datetime


class BillingStatementOut(Schema):
    id: int
    coach_id: int
    centre_id: int
    month: str
    total: Decimal
    created_at: datetime


class BillingStatementDetailOut(BillingStatementOut):
    corrected_total: Decimal
    lines: list[BillingStatementLineOut]
    corrections: list[BillingCorrectionOut]


class BillingStatementListOut(Schema):
    count: int
    items: list[BillingStatementOut]


class BillingSettleIn(Schema):
    centre_id: Id
    month: str = Field(pattern=r"^20\d{2}-(0[1-9]|1[0-2])$", description="Maand, bv. 2026-05.")


class BillingSettleOut(Schema):
    count: int
    items: list[BillingStatementOut]


class BillingCorrectionIn(Schema):
    line_id: Id
    minutes: int = Field(ge=-100_000, le=100_000, description="Plus of min, in halve uren.")
    note: str = Field(max_length=2000)


class BillingRateOut(Schema):
    id: int
    coach_id: int
    centre_id: int
    rate: Decimal
    valid_from: date
    valid_until: date | None


class BillingRateListOut(Schema):
    count: int
    items: list[BillingRateOut]


class BillingRateIn(Schema):
    centre_id: Id
    coach_id: Id
    rate: Decimal = Field(max_digits=7, decimal_places=2)
    valid_from: date
    valid_until: date | None = None
