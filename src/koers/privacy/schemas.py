"""API schemas of the privacy app (class names unique across the API)."""

from datetime import datetime

from ninja import Schema

from koers.api.schemas import Id
from koers.privacy.models import SubjectKindChoice


class RetentionPreviewRowOut(Schema):
    kind: str
    label: str
    subject: str
    days: int
    due: int
    next_run: int
    keep: str


class RetentionPreviewOut(Schema):
    count: int
    items: list[RetentionPreviewRowOut]


class ErasureRequestIn(Schema):
    subject_kind: SubjectKindChoice
    subject_id: Id


class ErasureRequestOut(Schema):
    id: int
    subject_kind: str
    subject_id: int
    organisation_id: int | None
    requested_by_id: int
    requested_at: datetime
    confirmed_by_id: int | None
    confirmed_at: datetime | None
    cancelled_by_id: int | None
    cancelled_at: datetime | None
    counts: dict[str, int]
    files_deleted: int


class ErasureRequestListOut(Schema):
    count: int
    items: list[ErasureRequestOut]
