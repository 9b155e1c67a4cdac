"""Scheduled billing work for BIL-04: deliver the issued invoices and credit notes still in the
outbox through the delivery backend. Idempotent: a delivered document is never handed over again."""

from datetime import datetime

from koers.billing.models import InvoiceDelivery
from koers.billing.services.invoices import invoice_deliver
from koers.core.sweep import sweep_job

MAX_ATTEMPTS = 20  # after that a person looks at the backend (the row stays, with its error)


@sweep_job
def billing_deliver_invoices(now: datetime) -> int:
    pending = InvoiceDelivery.objects.filter(delivered_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    return sum(
        invoice_deliver(invoice_id=pk) for pk in pending.values_list("invoice_id", flat=True)
    )
