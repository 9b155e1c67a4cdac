"""Issue 14: the counted contacts (`CountedContact`, what the billing hours read) stay equal to
the replay of the voucher's contacts (LBC-02..08) after every kind of change a replay reads:
a contact edited or deleted, a proof's status, an introduction mark, a group session's
conditions, the voucher's video consent; a cascade delete leaves no row; `recount_all` repairs
what a bulk insert bypassed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from koers.core.models import Role
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    DocumentStatus,
)
from koers.vouchers.billing_hours import voucher_billable_hours
from koers.vouchers.models import CountedContact, GroupSession, IntroductionContact, VideoConsent
from koers.vouchers.services.counting import recount_all
from tests.factories import staff_user
from tests.vouchers.test_billing_hours_rows import _instance_hours, _varied_voucher

pytestmark = pytest.mark.django_db


def _assert_counts_equal_the_replay(*coaches) -> None:
    since, until = timezone.localdate() - timedelta(days=90), timezone.localdate()
    ids = {c.pk for c in coaches}
    stored = sorted(voucher_billable_hours(ids, since, until), key=lambda h: h.contact_id)
    assert stored == sorted(_instance_hours(ids, since, until), key=lambda h: h.contact_id)


@pytest.fixture
def two(centre, coach):
    other = staff_user(centre, Role.COACH, username="coach-other")
    return _varied_voucher(centre, coach, other), other


def test_issue_14_counts_follow_a_contact_edited_and_deleted(two, coach):
    voucher, other = two
    first = Contact.objects.filter(trajectory=voucher.trajectory, form=ContactForm.INDIVIDUAL)
    contact = first.exclude(introduction__isnull=False).order_by("starts_at").last()
    contact.duration_minutes = 30
    contact.save()
    _assert_counts_equal_the_replay(coach, other)
    early = first.exclude(introduction__isnull=False).order_by("starts_at")[1]
    early.delete()  # a later contact now fits under the cap
    _assert_counts_equal_the_replay(coach, other)
    moved = first.order_by("starts_at").last()
    moved.outcome = ContactOutcome.ABSENT
    moved.save()
    assert not CountedContact.objects.filter(contact_id=moved.pk).exists()
    _assert_counts_equal_the_replay(coach, other)


def test_issue_14_counts_follow_proofs_marks_sessions_and_consent(two, coach):
    voucher, other = two
    shot = Document.objects.get(trajectory=voucher.trajectory, kind=DocumentKind.SCREENSHOT)
    shot.status = DocumentStatus.MISSING
    shot.save()
    _assert_counts_equal_the_replay(coach, other)
    IntroductionContact.objects.filter(contact__trajectory=voucher.trajectory).delete()
    _assert_counts_equal_the_replay(coach, other)
    session = GroupSession.objects.get()
    session.aims_at_reflection = False
    session.save()
    _assert_counts_equal_the_replay(coach, other)
    voucher.video_consent = VideoConsent.CONSENT
    voucher.save()
    _assert_counts_equal_the_replay(coach, other)


def test_issue_14_deleting_a_voucher_trajectory_leaves_no_counted_contact(two, coach):
    voucher, other = two
    assert CountedContact.objects.filter(trajectory_id=voucher.trajectory_id).exists()
    Document.objects.filter(trajectory=voucher.trajectory).delete()
    voucher.group_participations.all().delete()
    voucher.trajectory.delete()
    assert not CountedContact.objects.filter(trajectory_id=voucher.trajectory_id).exists()
    _assert_counts_equal_the_replay(coach, other)


def test_issue_14_recount_all_repairs_what_a_bulk_insert_bypassed(two, coach):
    voucher, other = two
    last = Contact.objects.filter(trajectory=voucher.trajectory).order_by("starts_at").last()
    Contact.objects.bulk_create(
        [
            Contact(
                trajectory=voucher.trajectory,
                staff=coach,
                starts_at=last.starts_at - timedelta(days=40),
                duration_minutes=60,
                form=ContactForm.INDIVIDUAL,
                outcome=ContactOutcome.HELD,
            )
        ]
    )
    CountedContact.objects.create(
        contact_id=10**9,
        trajectory_id=10**9,
        staff=coach,
        starts_at=last.starts_at,
        counted_minutes=60,
    )
    recount_all()
    assert not CountedContact.objects.filter(trajectory_id=10**9).exists()
    _assert_counts_equal_the_replay(coach, other)
