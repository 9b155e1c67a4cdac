"""BIL-04 in `manage.py demo`: the coaches invoice (E and S), the newest statement waits for
"Factuur opmaken", and every demo document passes the official validator."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from koers.billing.models import Invoice, Statement
from koers.billing.services.invoices import invoice_prepare
from koers.core.models import User


@pytest.mark.django_db
def test_bil_04_demo_coaches_invoice_and_the_newest_statement_waits(peppol_validate):
    call_command("demo", stdout=StringIO())
    invoices = list(Invoice.objects.all())
    assert invoices and {i.seller["vat_exempt"] for i in invoices} == {True, False}
    coach = User.objects.get(username="coach")
    waiting = (
        Statement.objects.filter(coach=coach, invoices__isnull=True).order_by("-month").first()
    )
    assert waiting is not None
    prepared = invoice_prepare(statement=waiting, acting_user=coach, today=date(2026, 6, 15))
    assert prepared.may_issue, prepared.problems
    for invoice in invoices:
        result = peppol_validate(bytes(invoice.ubl_xml))
        assert (result["xsd"], result["cen"], result["peppol"]) == ([], [], [])
