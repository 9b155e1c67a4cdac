"""API schemas of the KPIs (TRN-13): the 16 KPIs of a period against a baseline, the month
series, the export jobs."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Schema

from koers.api.schemas import Id


class KpiQuery(Schema):
    organisation_id: Id | None = None
    coach_id: Id | None = None
    start: date | None = None
    end: date | None = None
    baseline_start: date | None = None
    baseline_end: date | None = None


class KpiRowOut(Schema):
    number: int
    kpi: str
    label: str
    value: int  # coaching hours: minutes
    baseline: int
    difference: int
    ratio: Decimal | None
    shown_value: str  # as the page shows it (coaching in hours, "1,5")
    shown_baseline: str


class KpisOut(Schema):
    organisation_id: int
    coach_id: int | None
    start: date
    end: date
    baseline_start: date
    baseline_end: date
    kpis: list[KpiRowOut]


class MonthOut(Schema):
    month: date
    values: dict[str, int]


class KpiSeriesOut(Schema):
    organisation_id: int
    coach_id: int | None
    start: date
    end: date
    months: list[MonthOut]


class KpiExportIn(KpiQuery):
    pass


class KpiExportOut(Schema):
    id: int
    status: str
    progress: int
    organisation_id: int
    coach_id: int | None
    start: date
    end: date
    baseline_start: date
    baseline_end: date
    created_at: datetime
    finished_at: datetime | None
    file_name: str
