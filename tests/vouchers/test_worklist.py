"""The voucher work on the dashboards (issue 16): stalled vouchers, evaluations still out
(LBC-15) and aftercare windows closing (LBC-18)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.core.models import Organisation
from koers.trajectories.models import Trajectory
from koers.vouchers.models import AftercareEntry, Voucher
from koers.vouchers.selectors import worklist
from tests.dashboard_html import dashboard_html
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def voucher(voucher):
    """The voucher opened two months ago (the centre's default: stalled after 30 days)."""
    Trajectory.objects.filter(pk=voucher.trajectory_id).update(
        start_date=timezone.localdate() - timedelta(days=60)
    )
    return voucher


def _stalled(user, mine=True):
    organisations = list(Organisation.objects.all())
    return list(worklist.stalled(user, organisations, timezone.now(), mine=mine))


def test_a_voucher_without_contact_for_the_centres_days_is_stalled_for_its_coach_only(
    voucher, coach, other_coach
):
    assert _stalled(coach) == [voucher]
    assert _stalled(other_coach) == []


def test_a_recent_or_planned_contact_keeps_a_voucher_from_stalling(voucher, coach):
    ContactFactory(
        trajectory=voucher.trajectory, staff=coach, starts_at=timezone.now() + timedelta(days=3)
    )
    assert _stalled(coach) == []


def test_an_old_contact_does_not_keep_a_voucher_from_stalling_and_is_shown(voucher, coach):
    at = timezone.now() - timedelta(days=40)
    ContactFactory(trajectory=voucher.trajectory, staff=coach, starts_at=at)
    [found] = _stalled(coach)
    assert found.last_contact_at == at


def test_the_centres_own_number_of_days_decides_when_a_voucher_stalls(voucher, coach, centre):
    Organisation.objects.filter(pk=centre.pk).update(stalled_after_days=90)  # opened 60 days ago
    assert _stalled(coach) == []


def test_a_closed_voucher_never_stalls(voucher, coach):
    Trajectory.objects.filter(pk=voucher.trajectory_id).update(status="closed")
    assert _stalled(coach) == []


def test_lbc_15_an_ended_voucher_without_its_evaluation_is_still_out(voucher, coach, other_coach):
    Trajectory.objects.filter(pk=voucher.trajectory_id).update(end_date=timezone.localdate())
    assert list(worklist.evaluations_out(coach, mine=True)) == [voucher]
    assert list(worklist.evaluations_out(other_coach, mine=True)) == []
    Voucher.objects.filter(pk=voucher.pk).update(evaluation_received_on=timezone.localdate())
    assert list(worklist.evaluations_out(coach, mine=True)) == []


def test_lbc_15_a_running_voucher_has_no_evaluation_out(voucher, coach):
    assert list(worklist.evaluations_out(coach, mine=True)) == []


@pytest.mark.parametrize(
    ("days_ago", "closing"),
    [(340, True), (365, True), (330, False), (367, False), (100, False)],
)
def test_lbc_18_aftercare_closes_within_30_days_a_year_after_the_synthesis(
    voucher, coach, days_ago, closing
):
    today = timezone.localdate()
    Voucher.objects.filter(pk=voucher.pk).update(synthesis_date=today - timedelta(days=days_ago))
    found = worklist.aftercare_closing(
        worklist.aftercare_candidates(coach, today, mine=True), today
    )
    assert bool(found) is closing
    if closing:
        [(shown, last_day)] = found
        assert shown == voucher and today <= last_day <= today + timedelta(days=30)


def test_lbc_18_aftercare_used_up_no_longer_warns(voucher, coach):
    today = timezone.localdate()
    Voucher.objects.filter(pk=voucher.pk).update(synthesis_date=today - timedelta(days=350))
    AftercareEntry.objects.create(
        voucher=voucher, on=today - timedelta(days=10), minutes=30, form="phone", recorded_by=coach
    )
    found = worklist.aftercare_closing(
        worklist.aftercare_candidates(coach, today, mine=True), today
    )
    assert found == []


def test_the_coachs_dashboard_lists_a_stalled_voucher_with_one_link_to_it(
    voucher, coach, logged_in
):
    html = dashboard_html(logged_in(coach))
    assert 'data-testid="work-stilgevallen"' in html
    assert reverse("voucher_detail", args=[voucher.pk]) in html
