"""BIL-04: invoice numbers have no gaps and no duplicates under concurrent issuing — real
transactions on PostgreSQL, one connection per thread, all issuing for one company at once."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from koers.billing.models import Invoice, InvoiceSeries
from koers.billing.rules.numbering import parse_number, series_refusal
from koers.billing.services.invoices import invoice_issue
from tests.billing.invoices import factories

N = 8


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_bil_04_concurrent_issues_of_one_company_get_numbers_1_to_n(coach, centre):
    factories.company(coach)
    factories.billing_details(centre)
    statements = [
        factories.statement(coach, centre, date(2025 + m // 12, m % 12 + 1, 1)) for m in range(N)
    ]
    start = threading.Barrier(N)
    errors: list[BaseException] = []

    def issue(statement_id: int) -> None:
        try:
            start.wait()
            invoice_issue(statement_id=statement_id, acting_user=coach, today=date(2026, 6, 15))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=issue, args=(s.pk,)) for s in statements]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == [f"2026-{i:04d}" for i in range(1, N + 1)]
    assert series_refusal(parse_number(n)[2] for n in numbers) is None
    assert InvoiceSeries.objects.get().last_sequence == N
