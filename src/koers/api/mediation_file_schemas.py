"""Input and output shapes of the mediation file operations: trainings (MED-11), the file
checklist (MED-08), the IBO (MED-10) and the agreement-sheet PDF (MED-05/07)."""

from datetime import date, datetime

from ninja import Field, Schema

from koers.mediation.models import TrainingKind
from koers.mediation.rules.process import FILE_ITEMS


class TrainingIn(Schema):
    kind: TrainingKind
    title: str = Field(max_length=200)
    code: str = Field(max_length=20, description="Opleidingscode uit de opleidingengids.")
    is_bvs: bool = False
    organiser: str = Field("", max_length=200)
    organiser_email: str = Field("", max_length=254)
    organiser_is_vdab: bool = False
    work_point: str = Field("", max_length=200)
    summary: str = Field("", max_length=500)
    starts_on: date | None = None


class TrainingOut(Schema):
    id: int
    kind: str
    title: str
    code: str
    is_bvs: bool
    organiser: str
    organiser_email: str
    organiser_is_vdab: bool
    work_point: str
    summary: str
    starts_on: date | None
    started: bool
    cancelled_at: datetime | None
    competences_updated_on: date | None
    created_at: datetime


class TrainingProgressIn(Schema):
    started: bool = Field(False, description="De opleiding is gestart.")
    competences_updated: bool = Field(
        False, description="Na de opleiding zijn de competenties in het dossier bijgewerkt."
    )


class FileChecklistIn(Schema):
    ticked: dict[str, bool] = Field(
        default_factory=dict, description=f"Aangevinkt, per sleutel: {', '.join(FILE_ITEMS)}."
    )
    extra: dict[str, bool] = Field(
        default_factory=dict, description="Eigen punten (open lijst, MED-08): tekst → in orde."
    )


class FileChecklistItemOut(Schema):
    key: str
    label: str
    ok: bool


class FileChecklistOut(Schema):
    items: list[FileChecklistItemOut]
    missing: list[str] = Field(description="De labels van wat nog ontbreekt.")


class IboIn(Schema):
    employer: str = Field(max_length=200)


class SheetPdfIn(Schema):
    mail: bool = Field(False, description="Mail het afsprakenblad aan de cliënt (anders printen).")
