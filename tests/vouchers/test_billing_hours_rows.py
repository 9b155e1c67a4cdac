"""Issue 14: a coach's billable hours replay each voucher from value rows (`contact_rows_of`),
not from Contact instances; the minutes counted per contact stay exactly those of the replay of
instances (LBC-02..08: introduction, group, absent, video, over the voucher's cap, another
coach's contact)."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from koers.core.models import Role
from koers.trajectories.billable import BillableHour
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    DocumentStatus,
)
from koers.vouchers.billing_hours import voucher_billable_hours
from koers.vouchers.models import GroupParticipant, GroupSession, IntroductionContact, Voucher
from koers.vouchers.selectors.common import ruleset_of
from koers.vouchers.selectors.summary import replay_contacts, replay_queryset
from koers.vouchers.services import voucher_open
from tests.factories import ClientFactory, staff_user

pytestmark = pytest.mark.django_db


def _instance_hours(coach_ids, since: date, until: date) -> list[BillableHour]:
    """The former path: every voucher's contacts loaded as instances and replayed."""
    start = timezone.make_aware(datetime.combine(since, time.min))
    end = timezone.make_aware(datetime.combine(until + timedelta(days=1), time.min))
    hours = []
    for voucher in Voucher.objects.select_related("client").order_by("pk"):
        contacts = list(replay_queryset().filter(trajectory_id=voucher.trajectory_id))
        judged, *_ = replay_contacts(voucher, contacts, ruleset_of(voucher), set())
        for j in judged:
            c = j.contact
            counted = c.staff_id in coach_ids and j.decision.counted_minutes > 0
            if counted and start <= c.starts_at < end:
                hours.append(
                    BillableHour(
                        c.pk,
                        voucher.trajectory_id,
                        c.staff_id,
                        timezone.localtime(c.starts_at).date(),
                        j.decision.counted_minutes,
                        voucher.client.full_name,
                        str(voucher.number),
                    )
                )
    return hours


def _varied_voucher(centre, coach, other):
    start = timezone.localdate() - timedelta(days=60)
    voucher = voucher_open(
        client=ClientFactory(organisation=centre),
        responsible=coach,
        organisation=centre,
        start_date=start,
        career_question="Welke richting past bij mij?",
        acting_user=coach,
    )
    first = timezone.make_aware(datetime.combine(start, time(9)))

    def contact(i, form=ContactForm.INDIVIDUAL, outcome=ContactOutcome.HELD, staff=coach, m=90):
        return Contact.objects.create(
            trajectory=voucher.trajectory,
            staff=staff,
            starts_at=first + timedelta(days=i),
            duration_minutes=m,
            form=form,
            outcome=outcome,
        )

    IntroductionContact.objects.create(contact=contact(0))  # INT-08: never counts
    contact(1, outcome=ContactOutcome.ABSENT)
    contact(2, form=ContactForm.VIDEO)  # LBC-06: no consent, no screenshot
    shot = contact(3, form=ContactForm.VIDEO)
    Document.objects.create(
        trajectory=voucher.trajectory,
        contact=shot,
        kind=DocumentKind.SCREENSHOT,
        title="x",
        status=DocumentStatus.GENERATED,
    )
    contact(4, form=ContactForm.GROUP)  # LBC-05: outside a recorded session
    session = GroupSession.objects.create(
        organisation=centre,
        coach=coach,
        theme="Talenten",
        starts_at=first + timedelta(days=5),
        duration_minutes=120,
        aims_at_reflection=True,
    )
    group = contact(5, form=ContactForm.GROUP, m=120)
    feedback = contact(6)
    GroupParticipant.objects.create(
        session=session,
        voucher=voucher,
        contact=group,
        free_choice=True,
        linked_to_question=True,
        may_stop_and_switch=True,
        feedback_contact=feedback,
    )
    contact(7, staff=other)  # another coach's hour: counts, but not for `coach`
    for i in range(8, 20):  # beyond the voucher's hours (LBC-02 cap): later ones count less
        contact(i)
    return voucher


def test_issue_14_value_row_billable_hours_equal_the_replay_of_instances(centre, coach):
    other = staff_user(centre, Role.COACH, username="coach-other")
    _varied_voucher(centre, coach, other)
    _varied_voucher(centre, other, coach)
    since, until = timezone.localdate() - timedelta(days=90), timezone.localdate()
    for coaches in ({coach.pk}, {other.pk}, {coach.pk, other.pk}):
        rows = sorted(voucher_billable_hours(coaches, since, until), key=lambda h: h.contact_id)
        instances = sorted(_instance_hours(coaches, since, until), key=lambda h: h.contact_id)
        assert rows == instances
    minutes = [h.minutes for h in sorted(rows, key=lambda h: (h.trajectory_id, h.day))]
    assert sum(minutes) > 0 and len(set(minutes)) > 1  # the cap cut some contacts short
    # A period that holds only part of the voucher still counts with the earlier contacts.
    late = max(h.day for h in voucher_billable_hours({coach.pk}, since, until))
    late_rows = voucher_billable_hours({coach.pk}, late, until)
    late_instances = _instance_hours({coach.pk}, late, until)
    assert late_rows and sorted(late_rows, key=lambda h: h.contact_id) == sorted(
        late_instances, key=lambda h: h.contact_id
    )
