"""The shapes every part of the API shares: ids, local times and reasons.

This module sits below the trajectory core (the layers contract): it imports only `core` and
`lib`. The trajectory core's own shapes live in `koers.trajectories.schemas`. Validation of
meaning (checksums, dates in order, overlaps) stays in the services; these only check types,
choices and lengths."""

from datetime import datetime
from typing import Annotated

from django.db import connection
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator


def _aware(value: datetime | None) -> datetime | None:
    """A time without offset is read as Belgian local time (what a coach means by 14:00)."""
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value, timezone.get_default_timezone())
    return value


LocalDatetime = Annotated[datetime, AfterValidator(_aware)]

# Every id the API takes (in the path, as a list filter or in a body) is a row id: a positive
# integer within the range of the database's id column (BigAutoField). Anything larger is a 422
# here, not an OverflowError from the database driver (a 500).
MAX_ID = connection.ops.integer_field_range("BigAutoField")[1]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class RuleReasonOut(Schema):
    """Why a rule decided as it did: the rule's ID and a Dutch sentence."""

    rule: str = Field(description="Regel-ID, bv. LBC-04, INT-05 of MED-03.")
    message: str
