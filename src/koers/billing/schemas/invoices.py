"""API shapes of BIL-04: invoices and credit notes, the invoice a statement would get, the coach's
company and the centre's billing details."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from koers.api.schemas import RuleReasonOut


class BillingInvoiceLineOut(Schema):
    line_id: str
    item_name: str = Field(description="“Loopbaanbegeleiding <cliënt>” (BIL-04).")
    client_name: str
    voucher: str
    hours: Decimal
    rate: Decimal
    amount: Decimal
    vat_category: str = Field(description="S (21 %) of E (vrijstelling kleine ondernemingen).")
    vat_percent: Decimal
    note: str = Field(description="De reden van een correctie op de afrekening.")


class BillingInvoiceOut(Schema):
    id: int
    kind: str = Field(description="invoice of credit_note.")
    number: str = Field(
        description="Bv. 2026-0001, creditnota CN2026-0001 (reeks per onderneming)."
    )
    issue_date: date
    coach_id: int
    centre_id: int
    statement_id: int
    credited_invoice_id: int | None = Field(
        description="Een creditnota: de factuur die ze crediteert."
    )
    credited_invoice_number: str | None
    after_credit_note_id: int | None = Field(
        description="Een afrekening opnieuw gefactureerd: de creditnota die deze factuur volgt."
    )
    net_total: Decimal
    vat_total: Decimal
    payable: Decimal
    delivered_at: datetime | None = Field(description="Bezorgd via de bezorgingsdienst (Peppol).")


class BillingInvoiceListOut(Schema):
    count: int
    items: list[BillingInvoiceOut]


class BillingInvoiceDetailOut(BillingInvoiceOut):
    seller: dict = Field(description="De verkoper zoals gekopieerd bij het uitreiken.")
    buyer: dict = Field(description="De koper zoals gekopieerd bij het uitreiken.")
    buyer_reference: str
    note: str
    payment_terms: str
    lines: list[BillingInvoiceLineOut]
    credit_note_ids: list[int]


class BillingInvoicePreviewOut(Schema):
    statement_id: int
    may_issue: bool
    issued_invoice_id: int | None = Field(
        description="De factuur van de afrekening die niet gecrediteerd is (ze houdt een nieuwe "
        "tegen)."
    )
    after_credit_note_id: int | None = Field(
        description="Na een creditnota: de creditnota die de nieuwe factuur volgt."
    )
    problems: list[RuleReasonOut] = Field(description="Wat uitreiken nog tegenhoudt, per regel.")
    net_total: Decimal | None
    vat_total: Decimal | None
    payable: Decimal | None
    lines: list[BillingInvoiceLineOut]


class BillingCreditNoteIn(Schema):
    reason: str = Field(min_length=1, max_length=2000, description="Waarom er gecrediteerd wordt.")


class BillingCoachCompanyIn(Schema):
    legal_name: str = Field(max_length=200)
    enterprise_number: str = Field(max_length=20)
    vat_number: str = Field(max_length=20)
    vat_exempt: bool = False
    street: str = Field(max_length=200)
    postal_code: str = Field(max_length=10)
    city: str = Field(max_length=100)
    country: str = Field("BE", max_length=2)
    iban: str = Field(max_length=42)
    email: str = Field("", max_length=254)


class BillingCoachCompanyOut(BillingCoachCompanyIn):
    id: int
    coach_id: int


class BillingCentreDetailsIn(Schema):
    legal_name: str = Field(max_length=200, description="Juridische naam (niet de werknaam).")
    enterprise_number: str = Field(max_length=20)
    vat_number: str = Field("", max_length=20)
    street: str = Field(max_length=200)
    postal_code: str = Field(max_length=10)
    city: str = Field(max_length=100)
    country: str = Field("BE", max_length=2)
    email: str = Field("", max_length=254)


class BillingCentreDetailsOut(BillingCentreDetailsIn):
    organisation_id: int
    working_name: str
