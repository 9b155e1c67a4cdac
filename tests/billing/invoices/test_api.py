"""BIL-04 API: invoices and credit notes with the same access as the pages; issuing from a
statement and crediting; refusals as 422 naming the rule; the UBL download; the parties."""

from datetime import date

import pytest

from koers.billing.models import Invoice
from koers.billing.services.invoices import invoice_issue
from tests.billing.invoices import factories
from tests.billing.invoices.test_parties import COMPANY, DETAILS

API = "/api/v1/billing"
TODAY = date(2026, 6, 15)


@pytest.fixture
def api(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def test_bil_04_api_preview_then_issue_then_credit(ready, coach, api):
    c = api(coach)
    preview = c.get(f"{API}/statements/{ready.pk}/invoice-preview").json()
    assert preview["may_issue"] and preview["payable"] == "381.15"
    assert preview["lines"][0]["item_name"] == "Loopbaanbegeleiding An Peeters"
    issued = c.post(f"{API}/statements/{ready.pk}/invoice")
    assert issued.status_code == 201 and issued.json()["number"] == "2026-0001"
    invoice_id = issued.json()["id"]
    detail = c.get(f"{API}/invoices/{invoice_id}").json()
    assert detail["seller"]["name"] == "Loopbaanpraktijk Voorbeeld BV"
    assert detail["lines"][1]["hours"] == "1.00"
    note = c.post(
        f"{API}/invoices/{invoice_id}/credit-note",
        {"reason": "Fout"},
        content_type="application/json",
    )
    assert note.status_code == 201
    assert (note.json()["number"], note.json()["credited_invoice_id"]) == (
        "CN2026-0001",
        invoice_id,
    )
    assert c.get(f"{API}/invoices").json()["count"] == 2


def test_bil_04_api_refusal_names_the_rule_and_changes_nothing(coach, centre, api):
    factories.company(coach, iban="BE21001234567804")
    factories.billing_details(centre)
    made = factories.statement(coach, centre)
    answer = api(coach).post(f"{API}/statements/{made.pk}/invoice")
    assert answer.status_code == 422 and "BIL-04" in answer.content.decode()
    assert not Invoice.objects.exists()


def test_bil_04_api_access_matrix(ready, coach, other_coach, centre_staff, outsider, api, client):
    invoice = invoice_issue(statement_id=ready.pk, acting_user=coach, today=TODAY)
    paths = [f"{API}/invoices/{invoice.pk}", f"{API}/invoices/{invoice.pk}/ubl"]
    for user in (other_coach, outsider):
        c = api(user)
        assert c.get(f"{API}/invoices").json()["count"] == 0
        for path in paths:
            assert c.get(path).status_code == 404
        assert c.post(f"{API}/statements/{ready.pk}/invoice").status_code == 404
        client.logout()
    staff = api(centre_staff)
    assert staff.get(f"{API}/invoices").json()["count"] == 1
    ubl = staff.get(paths[1])
    assert ubl.status_code == 200 and ubl["Content-Type"] == "application/xml"
    assert ubl.content == bytes(invoice.ubl_xml)
    credit = staff.post(
        f"{API}/invoices/{invoice.pk}/credit-note", {"reason": "x"}, content_type="application/json"
    )
    assert credit.status_code == 403
    assert Invoice.objects.count() == 1


def test_bil_04_api_pdf_download(ready, coach, api, monkeypatch):
    import sys
    import types

    fake = types.ModuleType("koers.billing.pdfs")
    fake.invoice_pdf = lambda document: b"%PDF-1.7 " + document.number.encode()
    try:
        import koers.billing.pdfs  # noqa: F401 - the real one, once the PDF part is merged
    except ImportError:
        monkeypatch.setitem(sys.modules, "koers.billing.pdfs", fake)
    monkeypatch.setattr(sys.modules["koers.billing.pdfs"], "invoice_pdf", fake.invoice_pdf)
    invoice = invoice_issue(statement_id=ready.pk, acting_user=coach, today=TODAY)
    answer = api(coach).get(f"{API}/invoices/{invoice.pk}/pdf")
    assert answer.status_code == 200 and answer.content == b"%PDF-1.7 2026-0001"


def test_bil_04_api_coach_company_and_centre_details(coach, centre, centre_staff, api, client):
    c = api(coach)
    assert c.get(f"{API}/coach-company").status_code == 404
    bad = c.put(f"{API}/coach-company", COMPANY | {"iban": "BE00"}, content_type="application/json")
    assert bad.status_code == 422 and "iban" in bad.content.decode()
    done = c.put(f"{API}/coach-company", COMPANY, content_type="application/json")
    assert done.status_code == 200 and done.json()["enterprise_number"] == "0512345684"
    path = f"{API}/centre-billing-details/{centre.pk}"
    assert c.put(path, DETAILS, content_type="application/json").status_code == 404
    client.logout()
    staff = api(centre_staff)
    saved = staff.put(path, DETAILS, content_type="application/json")
    assert (
        saved.status_code == 200 and saved.json()["legal_name"] == "Voorbeeld Loopbaancentrum VZW"
    )
    assert staff.get(path).json()["city"] == "Schilde"
