"""Row-level access: who sees which client and trajectory (enforced in core/access.py)."""

import pytest

from koers.core.models import Client, OrganisationKind, Role
from koers.trajectories.models import Contact, Trajectory
from tests.factories import (
    ClientFactory,
    ContactFactory,
    OrganisationFactory,
    TrajectoryFactory,
    staff_user,
)


@pytest.mark.django_db
def test_coach_sees_only_clients_of_own_trajectories(trajectory, coach, other_coach):
    assert list(Client.objects.visible_to(coach)) == [trajectory.client]
    assert list(Client.objects.visible_to(other_coach)) == []
    assert list(Trajectory.objects.visible_to(other_coach)) == []


@pytest.mark.django_db
def test_centre_staff_see_all_clients_of_their_centre(trajectory, centre_staff, other_centre):
    unassigned = ClientFactory(organisation=trajectory.organisation)
    elsewhere = ClientFactory(organisation=other_centre)
    visible = set(Client.objects.visible_to(centre_staff))
    assert visible == {trajectory.client, unassigned}
    assert elsewhere not in visible


@pytest.mark.django_db
def test_staff_of_other_centre_see_nothing(trajectory, other_centre):
    outsider = staff_user(other_centre, Role.CENTRE_STAFF)
    assert not Client.objects.visible_to(outsider).exists()
    assert not Contact.objects.visible_to(outsider).exists()


@pytest.mark.django_db
def test_administrator_sees_all(trajectory, administrator, other_centre):
    ClientFactory(organisation=other_centre)
    assert Client.objects.visible_to(administrator).count() == 2


@pytest.mark.django_db
def test_subcontracting_coach_working_under_centre(centre):
    company = OrganisationFactory(name="Coaching Vandamme BV", kind=OrganisationKind.SUBCONTRACTOR)
    coach = staff_user(centre, Role.COACH, company=company)
    trajectory = TrajectoryFactory(
        responsible=coach, organisation=centre, client__organisation=centre
    )
    ContactFactory(trajectory=trajectory)
    assert list(Client.objects.visible_to(coach)) == [trajectory.client]
    assert Contact.objects.visible_to(coach).count() == 1


@pytest.mark.django_db
def test_inactive_or_anonymous_users_see_nothing(trajectory, coach):
    from django.contrib.auth.models import AnonymousUser

    assert not Client.objects.visible_to(AnonymousUser()).exists()
    coach.is_active = False
    assert not Client.objects.visible_to(coach).exists()


@pytest.mark.django_db
def test_access_ends_for_everyone_but_administrators_when_access_until_passes(
    trajectory, coach, centre_staff, administrator
):
    from datetime import timedelta

    from django.utils import timezone

    trajectory.access_until = timezone.now() + timedelta(hours=1)
    trajectory.save()
    assert Client.objects.visible_to(coach).exists()
    trajectory.access_until = timezone.now() - timedelta(seconds=1)
    trajectory.save()
    assert not Client.objects.visible_to(coach).exists()
    assert not Trajectory.objects.visible_to(centre_staff).exists()
    assert not Client.objects.visible_to(centre_staff).exists()
    assert Trajectory.objects.visible_to(administrator).exists()


@pytest.mark.django_db
def test_the_visible_parts_are_disjoint_and_add_up_to_what_visible_to_answers(
    centre, other_centre, administrator
):
    """`visible_parts` (issue 14: counts over index ranges) is `visible_to` cut in pieces, for a
    coach, centre staff, staff who also guide (with trajectories of their own elsewhere and one
    whose access ended), an administrator and an inactive user."""
    from django.utils import timezone

    both = staff_user(centre, Role.CENTRE_STAFF, Role.COACH, username="beide")
    both.memberships.create(organisation=other_centre, role=Role.COACH)
    coach = staff_user(centre, Role.COACH, username="alleen-coach")
    gone = staff_user(centre, Role.CENTRE_STAFF, username="weg")
    gone.is_active = False
    gone.save()
    for org, responsible in ((centre, coach), (centre, both), (other_centre, both)):
        for _ in range(2):
            TrajectoryFactory(
                client=ClientFactory(organisation=org), organisation=org, responsible=responsible
            )
    ended = Trajectory.objects.filter(organisation=other_centre).first()
    Trajectory.objects.filter(pk=ended.pk).update(access_until=timezone.now())
    for user in (both, coach, staff_user(centre, Role.CENTRE_STAFF), administrator, gone):
        parts = [
            set(p.values_list("pk", flat=True)) for p in Trajectory.objects.visible_parts(user)
        ]
        every = set(Trajectory.objects.visible_to(user).values_list("pk", flat=True))
        assert set().union(*parts) == every, user.username
        assert sum(len(p) for p in parts) == len(every), user.username  # no trajectory twice
    assert len(every) == 0  # the inactive user sees nothing
    both_parts = Trajectory.objects.visible_parts(both)
    assert [p.count() for p in both_parts] == [4, 1]  # the centre's, and theirs elsewhere
