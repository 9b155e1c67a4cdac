"""What billing holds of a client: the client's name on statements, invoices and delivered
dossiers. The amounts, hours and invoices stay (10 years, Belgian accounting law); the name
goes, on erasure or when the invoice's own period ends (see `koers.privacy.shredding`)."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from koers.billing.models import (
    BatchDossier,
    HourEntry,
    Invoice,
    InvoiceLine,
    StatementCorrection,
    StatementHour,
    StatementLine,
)
from koers.core.models import Client
from koers.privacy.shredding import ModelShredder, RetentionRule, erased_with_id

CONTACT = "contact__trajectory__client_id"
HOURS = "lines__hours__entry__contact__trajectory__client_id"


def _by_name(model, statement: str):
    """Rows that carry the client's name as text, on a statement that settled the client's
    hours: the name as it was frozen there, read before the client row itself is blanked."""

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
        query=_by_name(StatementCorrection, "statement"),
        replace=NAME,
        erase=("note",),
    ),
    ModelShredder(
        InvoiceLine,
        paths={"invoice": "invoice_id"},
        query=_by_name(InvoiceLine, "invoice__statement"),
        replace=NAME,
        erase=("note",),
        keep="De factuur blijft 10 jaar (boekhoudwet); de naam van de cliënt gaat.",
    ),
    ModelShredder(
        BatchDossier,
        paths={"client": "trajectory__client_id"},
        replace=NAME,
        keep="Het feit van de bezorging blijft (cheque, datum).",
    ),
]


def _invoices_past_period(cutoff):
    return Invoice.objects.filter(issue_date__lt=cutoff.date()).values_list("pk", flat=True)


RETENTION_RULES = [
    RetentionRule(
        kind="invoice_names",
        label=_("Namen van cliënten op facturen ouder dan de bewaartermijn van facturen"),
        subject="invoice",
        setting="KOERS_RETENTION_INVOICE_DAYS",
        due=_invoices_past_period,
        keep=_("De factuur zelf (bedragen, nummer) blijft."),
    )
]
