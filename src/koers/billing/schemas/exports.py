"""The query of `GET /billing/exports/{kind}`."""

from typing import Literal

from ninja import Field, Schema


class BillingExportQuery(Schema):
    format: Literal["csv", "xlsx"] = Field("xlsx", description="csv (Excel, `;`) of xlsx")
    month: str | None = Field(
        None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="Eén maand, bv. 2026-05"
    )
