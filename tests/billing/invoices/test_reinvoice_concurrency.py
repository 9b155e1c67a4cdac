"""BIL-04: a statement whose invoice was credited, issued again from several connections at once
(two tabs, the page and the API) — real transactions on PostgreSQL: exactly one new invoice, the
others refused naming it, and the series stays gapless. The statement row lock gives the clean
refusal; without it the database guard still holds (the others fail on
`invoice_once_after_credit_note`), see docs/decisions.md "BIL-04 — issuing a statement again"."""

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from koers.billing.models import Invoice, InvoiceSeries
from koers.billing.services.invoices import credit_note_issue, invoice_issue

N = 6
TODAY = date(2026, 6, 15)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_bil_04_concurrent_reissues_of_a_credited_statement_give_one_invoice(ready, coach):
    first = invoice_issue(statement_id=ready.pk, acting_user=coach, today=TODAY)
    credit_note_issue(invoice_id=first.pk, reason="Fout", acting_user=coach, today=TODAY)
    start = threading.Barrier(N)
    refused: list[str] = []
    errors: list[BaseException] = []

    def issue() -> None:
        try:
            start.wait()
            invoice_issue(statement_id=ready.pk, acting_user=coach, today=TODAY)
        except ValidationError as exc:
            refused.append(" ".join(exc.messages))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=issue) for _ in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    numbers = list(
        Invoice.objects.filter(kind="invoice").order_by("pk").values_list("number", flat=True)
    )
    assert numbers == ["2026-0001", "2026-0002"]
    assert len(refused) == N - 1
    assert all("al factuur 2026-0002 uitgereikt en niet gecrediteerd" in r for r in refused)
    assert InvoiceSeries.objects.get(kind="invoice").last_sequence == 2
