"""The billing app's tables, one module per part (docs/billing.md)."""

from koers.billing.models.hours import (
    CoachRate,
    HourEntry,
    Statement,
    StatementCorrection,
    StatementHour,
    StatementLine,
    StatementMail,
)

__all__ = [
    "CoachRate",
    "HourEntry",
    "Statement",
    "StatementCorrection",
    "StatementHour",
    "StatementLine",
    "StatementMail",
]
from koers.billing.models.coaches import (  # noqa: F401
    ChangeKind,
    CoachLocation,
    CoachReminder,
    DevelopmentPlan,
    LocationChange,
    PlanTemplate,
