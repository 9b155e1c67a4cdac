"""The API's shapes of the list exports (issue 16)."""

from datetime import datetime
from typing import Literal

from ninja import Schema


class ExportQuery(Schema):
    """The format, and the same filter as the list page (each list reads its own names: clients
    `q`; leads `status`, `mijn`, `laat`; mediation `status`, `tender`; trajectories `programma`,
    `status`, `mijn`, `dossier`; contacts `van`, `tot`, `mijn`; transition `q`, `fase`)."""

    format: Literal["csv", "xlsx"] = "xlsx"
    q: str | None = None
    status: str | None = None
    mijn: str | None = None
    laat: str | None = None
    tender: str | None = None
    programma: str | None = None
    dossier: str | None = None
    van: str | None = None
    tot: str | None = None
    fase: str | None = None


class ExportJobOut(Schema):
    id: int
    kind: str
    format: str
    status: str
    progress: int
    row_count: int
    created_at: datetime
    finished_at: datetime | None
    url: str  # this job's status
    file_url: str | None  # the file, once it is done
