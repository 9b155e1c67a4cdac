"""BIL-04 export of invoices and credit notes (issue 12 "Exports"): XLSX and CSV with the seller as
issued, a coach only their own, centre staff their centre's, through the page and the API."""

import csv
import io
from datetime import date

import openpyxl
from django.urls import reverse

from koers.billing.services.invoices import credit_note_issue, invoice_issue
from tests.api.conftest import Api

TODAY = date(2026, 6, 15)


def _issued(ready, coach):
    invoice = invoice_issue(statement_id=ready.pk, acting_user=coach, today=TODAY)
    credit = credit_note_issue(
        invoice_id=invoice.pk, reason="Verkeerde maand", acting_user=coach, today=TODAY
    )
    return invoice, credit


def test_bil_04_the_invoices_export_lists_invoice_and_credit_note_with_the_seller_as_issued(
    ready, coach, logged_in
):
    invoice, credit = _issued(ready, coach)
    ready.coach.billing_company.legal_name = "Nieuwe Naam BV"
    ready.coach.billing_company.save()
    response = logged_in(coach).get(
        reverse("billing_export", args=["facturen"]), {"formaat": "xlsx"}
    )
    assert response.status_code == 200
    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    )
    numbers = {row[0]: row for row in rows[1:]}
    assert set(numbers) == {invoice.number, credit.number}
    assert numbers[credit.number][10] == invoice.number
    assert numbers[invoice.number][5] == invoice.seller["name"] != "Nieuwe Naam BV"
    assert numbers[invoice.number][9] == float(invoice.payable)


def test_bil_04_another_coach_exports_no_invoice_of_this_coach(
    ready, coach, other_coach, logged_in
):
    _issued(ready, coach)
    response = logged_in(other_coach).get(
        reverse("billing_export", args=["facturen"]), {"formaat": "csv"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1  # the header only


def test_bil_04_centre_staff_export_their_centres_invoices_through_the_api(
    ready, coach, centre_staff
):
    invoice, credit = _issued(ready, coach)
    response = Api(centre_staff).get("/billing/exports/invoices?format=csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert invoice.number in text and credit.number in text


def test_bil_04_the_invoices_export_of_another_month_is_empty(ready, coach, logged_in):
    _issued(ready, coach)
    response = logged_in(coach).get(
        reverse("billing_export", args=["facturen"]), {"formaat": "csv", "maand": "2026-04"}
    )
    assert response.content.decode("utf-8-sig").count("\n") == 1
