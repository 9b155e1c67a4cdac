"""Issue 14: the voucher page shows one page of contacts, the newest first, while its figures and
dossier are judged over every contact (from value rows, the same replay as `voucher_summary`)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    DocumentStatus,
)
from koers.vouchers.models import IntroductionContact
from koers.vouchers.selectors import voucher_figures, voucher_summary
from koers.vouchers.selectors.pages import CONTACTS_PAGE_SIZE
from koers.vouchers.services import voucher_open
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

HELD_AT = (0, 300, 600)  # the only held individual contacts: 3 × 60 min count (LBC-02)


def _fill(voucher, n: int) -> None:
    """`n` contacts, 50 minutes apart from the voucher's start: three held individual sessions
    among the oldest, a held video call without consent (LBC-06), the rest absences."""
    start = timezone.make_aware(
        timezone.datetime.combine(voucher.trajectory.start_date, timezone.datetime.min.time())
    ) + timedelta(hours=8)

    def contact(i: int) -> Contact:
        held = i in HELD_AT
        return Contact(
            trajectory=voucher.trajectory,
            staff=voucher.trajectory.responsible,
            starts_at=start + timedelta(minutes=50 * i),
            duration_minutes=60,
            form=ContactForm.VIDEO if i == 1 else ContactForm.INDIVIDUAL,
            outcome=ContactOutcome.HELD if held or i == 1 else ContactOutcome.ABSENT,
        )

    Contact.objects.bulk_create([contact(i) for i in range(n)])


def _voucher(organisation, coach, contacts: int):
    voucher = voucher_open(
        client=ClientFactory(organisation=organisation),
        responsible=coach,
        organisation=organisation,
        start_date=timezone.localdate() - timedelta(days=40),
        career_question="Welke richting past bij mij?",
        acting_user=coach,
    )
    _fill(voucher, contacts)
    return voucher


def _get(web, voucher, query=""):
    url = reverse("voucher_detail", args=[voucher.pk]) + query
    with CaptureQueriesContext(connection) as queries:
        response = web.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_issue_14_voucher_page_with_800_contacts_is_bounded_and_counts_them_all(
    centre, coach, logged_in
):
    small = _voucher(centre, coach, 20)
    big = _voucher(centre, coach, 800)
    web = logged_in(coach)
    _get(web, small)  # warm caches (rule sets, sessions)
    _small_page, small_queries = _get(web, small)
    page, big_queries = _get(web, big)

    assert page.count('data-testid="contact-row"') == CONTACTS_PAGE_SIZE
    assert big_queries == small_queries
    # LBC-02/06: 3 held hours of 60 minutes count, all among the oldest (not on the page shown).
    figures = voucher_figures(big)
    assert figures.counted_minutes == 180 and figures.left_minutes == 60
    assert "3 u</span>" in page and 'data-testid="pager-contacts"' in page
    assert "Oudere contacten" in page

    last, _n = _get(web, big, f"?contacts={800 // CONTACTS_PAGE_SIZE}")
    assert last.count('data-testid="contact-row"') == CONTACTS_PAGE_SIZE
    assert "Recentere contacten" in last and "Oudere contacten" not in last


def test_issue_14_figures_from_rows_equal_the_replay_of_instances(centre, coach):
    voucher = _voucher(centre, coach, 120)
    voucher.video_consent = "consent"
    voucher.save(update_fields=["video_consent"])
    contacts = list(voucher.trajectory.contacts.order_by("starts_at"))
    IntroductionContact.objects.create(contact=contacts[0])  # INT-08: never counts
    for contact, kind, status in (
        (contacts[1], DocumentKind.SCREENSHOT, DocumentStatus.GENERATED),  # LBC-06
        (contacts[5], DocumentKind.ATTENDANCE, DocumentStatus.ORIGINAL_RECEIVED),
    ):
        Document.objects.create(
            trajectory=voucher.trajectory, contact=contact, kind=kind, title="x", status=status
        )
    Contact.objects.filter(pk=contacts[7].pk).update(
        form=ContactForm.GROUP, outcome=ContactOutcome.HELD
    )  # LBC-05: a group contact outside a recorded session does not count
    rows, instances = voucher_figures(voucher), voucher_summary(voucher)
    for name in ("used_minutes", "counted_minutes", "group_minutes", "individual_minutes"):
        assert getattr(rows, name) == getattr(instances, name)
    assert rows.checklist == instances.checklist
    assert [(j.contact.pk, j.decision) for j in rows.contacts] == [
        (j.contact.pk, j.decision) for j in instances.contacts
    ]
    facts = [(j.is_introduction, j.attendance_original, j.screenshot) for j in rows.contacts]
    assert facts == [
        (j.is_introduction, j.attendance_original, j.screenshot) for j in instances.contacts
    ]
    assert facts[0][0] and facts[1][2] and facts[5][1]
    assert rows.contacts[1].decision.counted_minutes == 60  # the video call with its screenshot


def test_issue_14_voucher_page_reads_contacts_and_the_pop_once(centre, coach, logged_in):
    """The contacts shown are the replay's value rows (no second read of the page's contacts as
    instances) and the POP is read once, for its state and for the dossier's checklist."""
    voucher = _voucher(centre, coach, 30)
    web = logged_in(coach)
    web.get(reverse("voucher_detail", args=[voucher.pk]))
    with CaptureQueriesContext(connection) as queries:
        page = web.get(reverse("voucher_detail", args=[voucher.pk])).content.decode()
    sql = [q["sql"] for q in queries.captured_queries]
    assert page.count('data-testid="contact-row"') == CONTACTS_PAGE_SIZE
    assert sum('FROM "trajectories_contact"' in s for s in sql) == 1
    assert sum('FROM "trajectories_plan"' in s for s in sql) == 1
    edit = reverse("contact_update", args=[voucher.trajectory.contacts.latest("starts_at").pk])
    assert edit in page
