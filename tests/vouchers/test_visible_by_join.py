"""Issue 14: the dashboards read vouchers through `visible_by_join` (a condition on the joined
trajectory, so the planner may start from a narrow index); it must show exactly the vouchers
`visible_to` shows, for every kind of user, also once a file's access has ended."""

from datetime import timedelta

import pytest
from django.utils import timezone

from koers.core.models import Role
from koers.vouchers.models import Voucher
from koers.vouchers.services import voucher_open
from tests.factories import ClientFactory, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("voucher_rules_in_force")]


def _voucher(organisation, coach):
    return voucher_open(
        client=ClientFactory(organisation=organisation),
        responsible=coach,
        organisation=organisation,
        start_date=timezone.localdate(),
        career_question="Welke job past bij mij?",
        acting_user=coach,
    )


def test_issue_14_visible_by_join_shows_what_visible_to_shows(
    centre, other_centre, coach, other_coach, centre_staff, administrator
):
    elsewhere = staff_user(other_centre, Role.COACH, username="coach-elders")
    _voucher(centre, coach)
    _voucher(centre, other_coach)
    _voucher(other_centre, elsewhere)
    ended = _voucher(centre, coach).trajectory
    ended.access_until = timezone.now() - timedelta(days=1)
    ended.save()
    for user in (coach, other_coach, centre_staff, administrator, elsewhere):
        by_list = set(Voucher.objects.visible_to(user).values_list("pk", flat=True))
        by_join = set(Voucher.objects.visible_by_join(user).values_list("pk", flat=True))
        assert by_join == by_list, user.username
    assert Voucher.objects.visible_by_join(coach).count() == 1  # not the ended one, not others'
