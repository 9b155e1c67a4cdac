"""What billing holds of a client: the client's name on statements, corrections and delivered
dossiers, which goes on erasure while minutes and amounts stay. An issued invoice is kept as it
was issued, name included (10 years, Belgian accounting law; see `koers.privacy.shredding`)."""

from django.db.models import QuerySet

from koers.billing.models import (
    BatchDossier,
    HourEntry,
    InvoiceLine,
    StatementCorrection,
    StatementHour,
    StatementLine,
)
from koers.core.models import Client
from koers.privacy.shredding import ModelShredder, erased_with_id

CONTACT = "contact__trajectory__client_id"
HOURS = "lines__hours__entry__contact__trajectory__client_id"


def _named(model, statement: str):
    """Rows that carry the client's name as text, on a statement that settled the client's
    hours: matched on the name as it was frozen there (so another client's line on the same
    statement is never touched nor exported), read before the client row is blanked."""

    def query(kind: str, subject_id: int) -> QuerySet | None:
        if kind != "client":
            return None
        client = Client.objects.filter(pk=subject_id).first()
        if client is None:
            return model.objects.none()
        return model.objects.filter(
            client_name=client.full_name, **{f"{statement}__{HOURS}": subject_id}
        ).distinct()

    return query


NAME = {"client_name": erased_with_id}

SHREDDERS = [
    ModelShredder(HourEntry, paths={"client": CONTACT}, keep="Uren bij VDAB: enkel ids en data."),
    ModelShredder(StatementHour, paths={"client": f"entry__{CONTACT}"}, keep="Enkel ids."),
    ModelShredder(
        StatementLine,
        paths={"client": f"hours__entry__{CONTACT}"},
        replace=NAME,
        keep="Minuten en tarief blijven op de afrekening.",
    ),
    ModelShredder(
        StatementCorrection,
        paths={},
        query=_named(StatementCorrection, "statement"),
        replace=NAME,
        erase=("note",),
    ),
    ModelShredder(
        InvoiceLine,
        paths={},
        query=_named(InvoiceLine, "invoice__statement"),
        kept_fields=("client_name", "note"),
        keep="Een uitgereikte factuur wordt nooit gewijzigd (BIL-04) en blijft 10 jaar bewaard "
        "(art. III.86 WER): een wettelijke plicht (art. 17.3.b AVG). Ze staat wel in de export.",
    ),
    ModelShredder(
        BatchDossier,
        paths={"client": "trajectory__client_id"},
        replace=NAME,
        keep="Het feit van de bezorging blijft (cheque, datum).",
    ),
]
