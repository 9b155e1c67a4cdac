"""BIL-04 pages and API for a statement invoiced again: the statement page shows the history
(invoice, its credit note, the new invoice) and offers "Factuur opmaken" again once the last
invoice is credited; the API issues again after a credit note and refuses while one is open."""

from datetime import date

from django.urls import reverse

from koers.billing.models import Invoice
from koers.billing.services.invoices import credit_note_issue, invoice_issue

API = "/api/v1/billing"
TODAY = date(2026, 6, 15)


def issue(statement, coach):
    return invoice_issue(statement_id=statement.pk, acting_user=coach, today=TODAY)


def credit(invoice, coach):
    return credit_note_issue(invoice_id=invoice.pk, reason="Fout", acting_user=coach, today=TODAY)


def test_bil_04_statement_page_hides_factuur_opmaken_while_an_invoice_is_open(
    ready, coach, logged_in
):
    issue(ready, coach)
    text = logged_in(coach).get(reverse("billing_statement", args=[ready.pk])).content.decode()
    assert "Factuur 2026-0001" in text and "geldig" in text
    assert "Factuur opmaken" not in text
    assert "Crediteer die factuur" in text


def test_bil_04_statement_page_shows_the_history_and_offers_factuur_opmaken_again(
    ready, coach, centre_staff, logged_in, client
):
    credit(issue(ready, coach), coach)
    url = reverse("billing_statement", args=[ready.pk])
    text = logged_in(coach).get(url).content.decode()
    assert "gecrediteerd met CN2026-0001" in text and "crediteert factuur 2026-0001" in text
    assert "Factuur opmaken" in text and "Elke factuur van deze afrekening is gecrediteerd" in text
    preview = logged_in(coach).get(reverse("billing_invoice_prepare", args=[ready.pk]))
    assert "Deze factuur vervangt factuur 2026-0001" in preview.content.decode()
    done = logged_in(coach).post(
        reverse("billing_invoice_issue", args=[ready.pk]), {"confirm": "on"}, follow=True
    )
    again = Invoice.objects.get(number="2026-0002")
    assert done.redirect_chain[-1][0] == reverse("billing_invoice", args=[again.pk])
    text = logged_in(coach).get(url).content.decode()
    positions = [text.index(x) for x in ("2026-0001", "CN2026-0001", "Factuur 2026-0002")]
    assert positions == sorted(positions) and "vervangt factuur 2026-0001" in text
    assert "Factuur opmaken" not in text
    client.logout()
    staff = logged_in(centre_staff).get(url).content.decode()
    assert "Factuur 2026-0002" in staff and "Factuur opmaken" not in staff


def test_bil_04_issuing_from_the_page_while_an_invoice_is_open_is_refused(ready, coach, logged_in):
    issue(ready, coach)
    page = logged_in(coach).post(
        reverse("billing_invoice_issue", args=[ready.pk]), {"confirm": "on"}
    )
    assert page.status_code == 422
    assert "al factuur 2026-0001 uitgereikt en niet gecrediteerd" in page.content.decode()
    assert Invoice.objects.count() == 1


def test_bil_04_api_issues_again_after_a_credit_note_and_refuses_while_one_is_open(
    ready, coach, client
):
    c = client
    c.force_login(coach)
    first = c.post(f"{API}/statements/{ready.pk}/invoice").json()
    refused = c.post(f"{API}/statements/{ready.pk}/invoice")
    assert refused.status_code == 422
    assert "al factuur 2026-0001 uitgereikt" in refused.content.decode()
    assert not c.get(f"{API}/statements/{ready.pk}/invoice-preview").json()["may_issue"]
    note = c.post(
        f"{API}/invoices/{first['id']}/credit-note",
        {"reason": "Fout"},
        content_type="application/json",
    ).json()
    preview = c.get(f"{API}/statements/{ready.pk}/invoice-preview").json()
    assert preview["may_issue"] and preview["issued_invoice_id"] is None
    assert preview["after_credit_note_id"] == note["id"]
    again = c.post(f"{API}/statements/{ready.pk}/invoice")
    assert again.status_code == 201
    assert (again.json()["number"], again.json()["after_credit_note_id"]) == (
        "2026-0002",
        note["id"],
    )
    assert c.post(f"{API}/statements/{ready.pk}/invoice").status_code == 422
