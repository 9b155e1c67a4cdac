"""Billing on erasure: the client's name leaves the statement (minutes and amounts stay); an
issued invoice is kept as issued (BIL-04, 10 years: a legal obligation, Art. 17.3.b); another
client's line on the same statement is neither touched nor exported."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.utils import timezone

from koers.billing.models import HourEntry, InvoiceLine, StatementCorrection, StatementHour
from koers.billing.services.invoices import invoice_issue
from koers.privacy.erasure import erasure_confirm, erasure_request
from koers.privacy.exports import subject_export
from tests.billing.invoices import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def settled(person, coach, centre):
    """A May statement of the coach with a line of Nora (her contact's hours) and one of Bart."""
    factories.company(coach)
    factories.billing_details(centre)
    statement = factories.statement(
        coach, centre, lines=(("Nora Peeters", "1", 60, "90.00"), ("Bart Claes", "2", 60, "90.00"))
    )
    entry = HourEntry.objects.create(
        contact=person.contact,
        coach=coach,
        day=date(2026, 5, 10),
        entered_on=date(2026, 5, 11),
        entered_by=coach,
    )
    nora = statement.lines.get(client_name="Nora Peeters")
    StatementHour.objects.create(line=nora, entry=entry, minutes=60)
    factories.correction(statement, coach, note="Bart: dubbel geteld")  # the first line: Bart's
    StatementCorrection.objects.create(
        statement=statement,
        client_name="Nora Peeters",
        voucher="1",
        rate=nora.rate,
        minutes=-30,
        amount=-45,
        note="Nora: dubbel geteld",
        created_by=coach,
    )
    return statement


def _erase(person, administrator, second_administrator):
    now = timezone.now()
    asked = erasure_request(
        kind="client", subject_id=person.client.pk, acting_user=administrator, now=now
    )
    return erasure_confirm(request_id=asked.pk, acting_user=second_administrator, now=now)


def test_the_name_leaves_the_statement_and_the_minutes_stay(
    settled, person, administrator, second_administrator
):
    _erase(person, administrator, second_administrator)
    names = dict(settled.lines.values_list("voucher", "client_name"))
    assert names["1"].startswith("[gewist]") and names["2"] == "Bart Claes"
    assert settled.lines.get(voucher="1").minutes == 60
    corrections = dict(settled.corrections.values_list("voucher", "note"))
    assert corrections == {"1": "", "2": "Bart: dubbel geteld"}
    assert settled.corrections.get(voucher="1").client_name.startswith("[gewist]")


def test_an_issued_invoice_is_kept_as_issued(
    settled, person, coach, administrator, second_administrator
):
    invoice = invoice_issue(statement_id=settled.pk, acting_user=coach, today=date(2026, 6, 15))
    before = list(InvoiceLine.objects.filter(invoice=invoice).values_list("client_name", flat=True))
    erased = _erase(person, administrator, second_administrator)
    after = list(InvoiceLine.objects.filter(invoice=invoice).values_list("client_name", flat=True))
    assert after == before and "Nora Peeters" in after
    assert erased.is_carried_out


def test_the_export_holds_only_the_clients_own_lines(settled, person, coach, administrator):
    invoice_issue(statement_id=settled.pk, acting_user=coach, today=date(2026, 6, 15))
    export = subject_export(
        kind="client", subject_id=person.client.pk, acting_user=administrator, now=timezone.now()
    )
    billing = json.loads(zipfile.ZipFile(io.BytesIO(export.content)).read("billing.json"))
    assert {row["client_name"] for row in billing["StatementLine"]} == {"Nora Peeters"}
    assert {row["client_name"] for row in billing["InvoiceLine"]} == {"Nora Peeters"}
    assert "Bart Claes" not in json.dumps(billing)
