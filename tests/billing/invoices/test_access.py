"""BIL-04: every invoice URL with an id — the owner gets the page, another coach and staff of
another centre 404 (never the data); centre staff read their centre's invoices but do not issue
or credit them."""

from datetime import date

import pytest
from django.urls import reverse

from koers.billing.models import Invoice
from koers.billing.services.invoices import invoice_issue

TODAY = date(2026, 6, 15)


@pytest.fixture
def objects(ready, coach):
    invoice = invoice_issue(statement_id=ready.pk, acting_user=coach, today=TODAY)
    return {"statement": ready, "invoice": invoice}


# URL name -> (object, the POST body; None for a page)
URLS = {
    "billing_invoice_prepare": ("statement", None),
    "billing_invoice_issue": ("statement", {"confirm": "on"}),
    "billing_invoice": ("invoice", None),
    "billing_invoice_xml": ("invoice", None),
    "billing_invoice_pdf": ("invoice", None),
    "billing_invoice_credit": ("invoice", {"reason": "x", "confirm": "on"}),
}


def test_bil_04_every_invoice_url_with_an_id_is_walked():
    from tests.test_url_access import _object_urls

    assert {n for n in _object_urls() if n.startswith("billing_invoice")} == set(URLS)


@pytest.mark.parametrize("name", sorted(URLS))
def test_bil_04_other_coach_and_other_centre_get_404(
    name, objects, other_coach, outsider, logged_in, client
):
    kind, body = URLS[name]
    url = reverse(name, args=[objects[kind].pk])
    for user in (other_coach, outsider):
        c = logged_in(user)
        if body is None:
            assert c.get(url).status_code == 404
        else:
            assert c.get(url).status_code == 405
            assert c.post(url, body).status_code == 404
        client.logout()
    assert Invoice.objects.count() == 1


def test_bil_04_centre_staff_read_their_centres_invoices_but_do_not_issue_or_credit(
    objects, centre_staff, logged_in
):
    c = logged_in(centre_staff)
    invoice = objects["invoice"]
    assert c.get(reverse("billing_invoices")).content.decode().count(invoice.number) >= 1
    detail = c.get(reverse("billing_invoice", args=[invoice.pk]))
    assert detail.status_code == 200 and "Creditnota maken" not in detail.content.decode()
    assert c.get(reverse("billing_invoice_xml", args=[invoice.pk])).status_code == 200
    credit = c.post(
        reverse("billing_invoice_credit", args=[invoice.pk]), {"reason": "x", "confirm": "on"}
    )
    assert credit.status_code == 403
    assert (
        c.get(reverse("billing_invoice_prepare", args=[objects["statement"].pk])).status_code == 403
    )
    assert Invoice.objects.count() == 1


def test_bil_04_the_list_shows_a_coach_only_their_own(objects, other_coach, logged_in):
    text = logged_in(other_coach).get(reverse("billing_invoices")).content.decode()
    assert objects["invoice"].number not in text and "Nog geen facturen" in text
