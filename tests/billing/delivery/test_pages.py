"""BIL-01 pages: /facturatie/dossiers/, a batch, its cover sheet, the audit form — access and
refusals as the services decide them."""

from datetime import date

import pytest
from django.urls import reverse

from koers.billing.models import DeliveryBatch
from koers.billing.services.delivery import batch_create, batch_set_state

pytestmark = pytest.mark.django_db


def test_bil_01_coach_page_lists_ready_and_incomplete_dossiers_and_the_reminder(
    fake_dossiers, coach, logged_in
):
    fake_dossiers.dossier(coach)
    fake_dossiers.dossier(coach, name="Bart Claes", missing=("Kopie van het POP",))
    response = logged_in(coach).get(reverse("billing_delivery"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "An Peeters" in body and "Kopie van het POP" in body
    assert "minstens één keer per kwartaal" in body
    assert 'name="dossiers"' in body


def test_bil_01_empty_page_says_there_is_nothing_to_deliver(fake_dossiers, coach, logged_in):
    response = logged_in(coach).get(reverse("billing_delivery"))
    assert "Geen afgeronde dossiers om te bezorgen" in response.content.decode()


def test_bil_01_coach_selects_confirms_and_makes_a_batch(fake_dossiers, coach, logged_in):
    t = fake_dossiers.dossier(coach)
    client = logged_in(coach)
    confirm = client.post(reverse("billing_batch_new"), {"dossiers": [t.pk]})
    assert confirm.status_code == 200 and "Zending maken" in confirm.content.decode()
    assert not DeliveryBatch.objects.exists()
    done = client.post(reverse("billing_batch_new"), {"dossiers": [t.pk], "confirm": "1"})
    batch = DeliveryBatch.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse(
        "billing_batch_detail", args=[batch.pk]
    )


def test_bil_01_page_refuses_an_incomplete_dossier_naming_what_is_missing(
    fake_dossiers, coach, logged_in
):
    t = fake_dossiers.dossier(
        coach, name="Bart Claes", missing=("Overeenkomst: origineel ontvangen",)
    )
    response = logged_in(coach).post(
        reverse("billing_batch_new"), {"dossiers": [t.pk], "confirm": "1"}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "er ontbreekt: Overeenkomst: origineel ontvangen" in body
    assert f'value="{t.pk}"' in body  # the selection is kept
    assert not DeliveryBatch.objects.exists()


def test_bil_01_batch_page_and_cover_sheet_for_the_owner_404_for_another_coach(
    fake_dossiers, coach, other_coach, centre_staff, logged_in
):
    batch = batch_create(trajectory_ids=[fake_dossiers.dossier(coach).pk], acting_user=coach)
    for name in ("billing_batch_detail", "billing_batch_cover"):
        url = reverse(name, args=[batch.pk])
        response = logged_in(coach).get(url)
        assert response.status_code == 200
        assert "An Peeters" in response.content.decode()
        assert "Overeenkomst: origineel ontvangen" in response.content.decode()
        assert logged_in(other_coach).get(url).status_code == 404
        assert logged_in(centre_staff).get(url).status_code == 200
    cover = logged_in(coach).get(reverse("billing_batch_cover", args=[batch.pk])).content.decode()
    assert "@media print" in cover
    detail = logged_in(coach).get(reverse("billing_batch_detail", args=[batch.pk])).content.decode()
    assert "Statusgeschiedenis" in detail


def test_bil_01_coach_posts_and_staff_record_receipt_on_the_page(
    fake_dossiers, coach, other_coach, centre_staff, logged_in
):
    batch = batch_create(trajectory_ids=[fake_dossiers.dossier(coach).pk], acting_user=coach)
    url = reverse("billing_batch_state", args=[batch.pk])
    assert logged_in(other_coach).post(url, {"state": "posted", "confirm": "on"}).status_code == 404
    unconfirmed = logged_in(coach).post(url, {"state": "posted"})
    assert unconfirmed.status_code == 422 and "bevestigt" in unconfirmed.content.decode()
    assert logged_in(coach).post(url, {"state": "posted", "confirm": "on"}).status_code == 302
    batch.refresh_from_db()
    assert batch.is_posted
    staff_page = logged_in(centre_staff).get(reverse("billing_delivery")).content.decode()
    assert "Verstuurd per post" in staff_page and "Wachten op ontvangst" in staff_page
    refused = logged_in(coach).post(url, {"state": "received", "confirm": "on"})
    assert refused.status_code == 422 and "Alleen het centrum" in refused.content.decode()
    batch.refresh_from_db()
    assert batch.is_posted
    logged_in(centre_staff).post(url, {"state": "received", "confirm": "on"})
    batch.refresh_from_db()
    assert batch.is_received


def test_bil_01_staff_set_an_audit_on_the_page_and_a_bad_date_comes_back_422(
    centre, centre_staff, coach, logged_in
):
    url = reverse("billing_audit_new")
    bad = logged_in(centre_staff).post(
        url, {"organisation": centre.pk, "deadline": "2026-03-01", "note": "VDAB"}
    )
    assert bad.status_code == 422
    assert "niet voor vandaag" in bad.content.decode() and 'value="VDAB"' in bad.content.decode()
    ok = logged_in(centre_staff).post(url, {"organisation": centre.pk, "deadline": "2026-04-30"})
    assert ok.status_code == 302
    assert (
        "Audit: alles binnen op 30/04/2026"
        in logged_in(coach).get(reverse("billing_delivery")).content.decode()
    )
    assert (
        logged_in(coach)
        .post(url, {"organisation": centre.pk, "deadline": "2026-04-30"})
        .status_code
        == 404
    )


def test_bil_01_the_page_takes_a_constant_number_of_queries(
    fake_dossiers, coach, centre_staff, logged_in, django_assert_max_num_queries
):
    def grow(n):
        for i in range(n):
            t = fake_dossiers.dossier(coach, name=f"Klant x{i}")
            batch_set_state(
                batch=batch_create(trajectory_ids=[t.pk], acting_user=coach),
                state="posted",
                acting_user=coach,
            )

    grow(1)
    client = logged_in(centre_staff)
    with django_assert_max_num_queries(30) as first:
        client.get(reverse("billing_delivery"))
    grow(4)
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get(reverse("billing_delivery")).status_code == 200
    batch = DeliveryBatch.objects.first()
    with django_assert_max_num_queries(30):
        client.get(reverse("billing_batch_cover", args=[batch.pk]))
    assert date(2026, 3, 20)  # the frozen day (conftest)
