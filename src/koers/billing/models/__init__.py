"""The billing app's tables, one module per part (docs/billing.md)."""

from koers.billing.models.coaches import (
    ChangeKind,
    CoachLocation,
    CoachReminder,
    DevelopmentPlan,
    LocationChange,
    PlanTemplate,
)
from koers.billing.models.delivery import Audit, BatchDossier, BatchState, DeliveryBatch
from koers.billing.models.hours import (
    CoachRate,
    HourEntry,
    Statement,
    StatementCorrection,
    StatementHour,
    StatementLine,
    StatementMail,
)
from koers.billing.models.invoices import (
    CentreBillingDetails,
    CoachCompany,
    Invoice,
    InvoiceDelivery,
    InvoiceKind,
    InvoiceLine,
    InvoiceSeries,
)

__all__ = [
    "Audit",
    "BatchDossier",
    "BatchState",
    "CentreBillingDetails",
    "CoachCompany",
    "Invoice",
    "InvoiceDelivery",
    "InvoiceKind",
    "InvoiceLine",
    "InvoiceSeries",
    "ChangeKind",
    "CoachLocation",
    "CoachRate",
    "CoachReminder",
    "DeliveryBatch",
    "DevelopmentPlan",
    "HourEntry",
    "LocationChange",
    "PlanTemplate",
    "Statement",
    "StatementCorrection",
    "StatementHour",
    "StatementLine",
    "StatementMail",
]
