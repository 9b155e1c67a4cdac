"""MED-01: referrals for a new client, one by one (the referral form) or as a CSV (all rows or
none), e.g. exported from VDAB's partner dashboard."""

import csv
import io
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.imports import normalize_header
from koers.core.models import Organisation, User
from koers.core.services import ClientData, client_create
from koers.mediation import models as m
from koers.mediation.services.first_appointment import AppointmentData
from koers.mediation.services.referral import REFERRAL_FIELDS, ReferralData, mediation_refer

IMPORT_COLUMNS = {
    "voornaam": "first_name",
    "achternaam": "last_name",
    "email": "email",
    "telefoon": "phone",
    "straat": "street",
    "postcode": "postal_code",
    "gemeente": "city",
    "tender": "tender",
    "perceel": "lot",
    "vdabbemiddelaar": "vdab_mediator_name",
    "vdabemail": "vdab_mediator_email",
    "vdabklantnummer": "vdab_client_number",
    "toeleiding": "referral_date",
    "werkpunten": "work_points",
    "drempels": "thresholds",
    "eersteafspraak": "first_appointment",
    "adres": "place",
}
REQUIRED_COLUMNS = (
    "voornaam",
    "achternaam",
    "tender",
    "perceel",
    "vdabbemiddelaar",
    "vdabemail",
    "toeleiding",
    "eersteafspraak",
    "adres",
)
CLIENT_FIELDS = ("email", "phone", "street", "postal_code", "city")


@transaction.atomic
def referral_with_client(
    *,
    user: User,
    organisation: Organisation,
    form_data: dict,
    starts_at: datetime,
    duration: int,
    place: str,
) -> m.MediationService:
    """A new client and its referral with the planned first appointment (both or neither)."""
    client = client_create(
        organisation=organisation,
        data=ClientData(
            first_name=form_data["first_name"],
            last_name=form_data["last_name"],
            **{name: form_data.get(name, "") for name in CLIENT_FIELDS},
        ),
        acting_user=user,
    )
    return mediation_refer(
        client=client,
        responsible=user,
        organisation=organisation,
        data=ReferralData(
            **{name: form_data[name] for name in (*REFERRAL_FIELDS, "referral_date")}
        ),
        first_appointment=AppointmentData(
            starts_at=starts_at, duration_minutes=duration, place=place
        ),
        acting_user=user,
    )


def _parse_row(raw: dict) -> tuple[dict, datetime]:
    data = {IMPORT_COLUMNS[k]: (v or "").strip() for k, v in raw.items() if k in IMPORT_COLUMNS}
    try:
        data["referral_date"] = datetime.strptime(data["referral_date"], "%d/%m/%Y").date()  # noqa: DTZ007 - a date
        starts_at = timezone.make_aware(
            datetime.strptime(data.pop("first_appointment"), "%d/%m/%Y %H:%M")  # noqa: DTZ007
        )
    except ValueError as exc:
        raise ValidationError(
            _("Datum als dd/mm/jjjj en eerste afspraak als dd/mm/jjjj uu:mm.")
        ) from exc
    tenders = {normalize_header(label): value for value, label in m.Tender.choices}
    data["tender"] = tenders.get(normalize_header(data["tender"]), data["tender"])
    data.setdefault("vdab_client_number", "")  # an optional column
    data["work_points"] = [w for w in data.get("work_points", "").split("|") if w.strip()]
    data["thresholds"] = [w for w in data.get("thresholds", "").split("|") if w.strip()]
    return data, starts_at


def _reader(text: str) -> csv.DictReader:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    reader.fieldnames = [normalize_header(h) for h in reader.fieldnames or []]
    return reader


@transaction.atomic
def referrals_import(*, text: str, organisation: Organisation, acting_user: User) -> int:
    """All rows or none: the number of referrals made, or a ValidationError naming each row."""
    reader = _reader(text)
    missing = [c for c in REQUIRED_COLUMNS if c not in reader.fieldnames]
    if missing:
        raise ValidationError(_("Kolommen ontbreken: %(cols)s") % {"cols": ", ".join(missing)})
    created, errors = 0, []
    for number, raw in enumerate(reader, start=2):
        try:
            data, starts_at = _parse_row(raw)
            referral_with_client(
                user=acting_user,
                organisation=organisation,
                form_data=data,
                starts_at=starts_at,
                duration=60,
                place=data.get("place", ""),
            )
            created += 1
        except ValidationError as exc:
            errors.extend(f"Rij {number}: {msg}" for msg in exc.messages)
    if errors:
        raise ValidationError(errors)
    return created
