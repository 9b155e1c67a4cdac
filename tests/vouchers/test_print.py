"""Issue 16: the voucher's dossier on paper — every contact with what counts (bounded, and it says
when cut), the dossier checklist, the POP state and the client without the full national number;
the same access as the voucher page, and its read logged."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.core.models import FileAccess, Role
from koers.trajectories.models import Contact, ContactForm, ContactOutcome
from koers.vouchers.selectors.printing import voucher_print
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

NATIONAL_NUMBER = "85073003328"


def _contacts(voucher, n: int) -> None:
    start = timezone.now() - timedelta(days=20)
    Contact.objects.bulk_create(
        Contact(
            trajectory=voucher.trajectory,
            staff=voucher.trajectory.responsible,
            starts_at=start + timedelta(hours=i),
            duration_minutes=60,
            form=ContactForm.INDIVIDUAL,
            outcome=ContactOutcome.HELD if i < 3 else ContactOutcome.ABSENT,
        )
        for i in range(n)
    )


def _print_page(web, voucher) -> str:
    response = web.get(reverse("voucher_print", args=[voucher.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_voucher_print_lists_every_contact_the_checklist_and_the_pop_state(
    voucher, coach, logged_in
):
    _contacts(voucher, 40)  # more than one page of the voucher page (25)
    html = _print_page(logged_in(coach), voucher)
    assert html.count('data-testid="print-contact-row"') == 40
    assert 'data-testid="print-checklist"' in html
    assert "Nog geen POP." in html
    assert "40 contacten, de oudste eerst" in html
    assert "Afgedrukt op" in html
    assert 'data-testid="contacts-cut"' not in html


def test_voucher_print_masks_the_national_number_even_for_centre_staff(
    voucher, centre_staff, logged_in
):
    voucher.client.set_national_number(NATIONAL_NUMBER)
    voucher.client.save()
    html = _print_page(logged_in(centre_staff), voucher)
    assert voucher.client.national_number_masked() in html
    assert NATIONAL_NUMBER not in html
    assert voucher.client.national_number_formatted() not in html


def test_voucher_print_is_bounded_and_says_when_it_cut_the_contacts(voucher, coach):
    _contacts(voucher, 12)
    dossier = voucher_print(user=coach, voucher=voucher, now=timezone.localtime(), limit=10)
    assert len(dossier.contacts) == 10
    assert dossier.contacts_total == 12
    assert dossier.context()["contacts_cut"] is True
    # The oldest first, as on paper.
    times = [j.contact.starts_at for j in dossier.contacts]
    assert times == sorted(times)


def test_voucher_print_queries_do_not_grow_with_the_contacts(
    voucher, coach, logged_in, django_assert_max_num_queries
):
    web = logged_in(coach)
    _contacts(voucher, 5)
    _print_page(web, voucher)  # warm the caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        _print_page(web, voucher)
    _contacts(voucher, 120)
    with django_assert_max_num_queries(len(few)):
        _print_page(web, voucher)


def test_voucher_print_is_a_404_for_a_coach_of_another_centre(voucher, other_centre, logged_in):
    stranger = staff_user(other_centre, Role.COACH, username="vreemde-coach")
    response = logged_in(stranger).get(reverse("voucher_print", args=[voucher.pk]))
    assert response.status_code == 404


def test_voucher_print_is_logged_as_a_read_of_the_file(voucher, coach, logged_in):
    _print_page(logged_in(coach), voucher)
    read = FileAccess.objects.filter(user=coach, client=voucher.client).latest("pk")
    assert "afdrukken" in read.path


def test_voucher_page_links_to_its_print_view(voucher, coach, logged_in):
    response = logged_in(coach).get(reverse("voucher_detail", args=[voucher.pk]))
    assert reverse("voucher_print", args=[voucher.pk]) in response.content.decode()
