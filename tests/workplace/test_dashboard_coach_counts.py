"""The staff dashboard's open trajectories per coach (issue 14): one grouped count from the
trajectories' side, the same figures as the old COUNT(DISTINCT) over the memberships join, the
same visibility, and a constant number of queries."""

import pytest
import time_machine
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext

from koers.core import selectors as core_selectors
from koers.core.access import trajectory_condition
from koers.core.models import GUIDING_ROLES, Role, User
from koers.trajectories.models import TrajectoryStatus
from koers.trajectories.rules import OPEN_STATUSES
from koers.workplace import selectors
from tests.factories import ClientFactory, OrganisationFactory, TrajectoryFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _a_fixed_day():
    """The dashboard is built for a given day: a frozen one, not the real date."""
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


def _old_counts(user) -> dict[str, int]:
    """The query the dashboard ran before issue 14, kept here as the reference for the figures."""
    org_ids = core_selectors.staff_organisation_ids(user)
    coaches = User.objects.filter(
        is_active=True, memberships__is_active=True, memberships__role__in=list(GUIDING_ROLES)
    )
    if org_ids is not None:
        coaches = coaches.filter(memberships__organisation_id__in=org_ids)
    counted = Q(trajectories__status__in=OPEN_STATUSES)
    seen = trajectory_condition(user, "trajectories__")
    if seen is not None:
        counted &= seen
    rows = coaches.annotate(open_count=Count("trajectories", filter=counted, distinct=True))
    return {c.username: c.open_count for c in rows.distinct()}


def _counts(user) -> dict[str, int]:
    context = selectors.centre_context(user=user)
    return {c.username: c.open_count for c in context["coaches"]}


def _open(coach, organisation, n, status=TrajectoryStatus.ACTIVE):
    for _ in range(n):
        TrajectoryFactory(
            client=ClientFactory(organisation=organisation),
            responsible=coach,
            organisation=organisation,
            status=status,
        )


@pytest.fixture
def known(centre):
    """Two coaches of the centre (one also a mediator there: two memberships), a coach of another
    centre, and trajectories open, planned and closed, some in the other centre."""
    other = OrganisationFactory(name="Ander centrum")
    ann = staff_user(centre, Role.COACH, username="ann", first_name="Ann")
    ann.memberships.create(organisation=centre, role=Role.MEDIATOR)
    bert = staff_user(centre, Role.COACH, username="bert", first_name="Bert")
    staff_user(other, Role.COACH, username="carl", first_name="Carl")
    _open(ann, centre, 3)
    _open(ann, centre, 2, status=TrajectoryStatus.PLANNED)
    _open(ann, centre, 4, status=TrajectoryStatus.CLOSED)
    _open(ann, other, 5)  # open, but in an organisation the centre's staff do not see
    _open(bert, centre, 1)
    return centre


def test_centre_staff_see_the_open_trajectories_of_their_coaches(known, centre_staff):
    counts = _counts(centre_staff)
    assert counts == {"ann": 5, "bert": 1}
    assert counts == _old_counts(centre_staff)


def test_an_administrator_counts_every_open_trajectory(known, administrator):
    counts = _counts(administrator)
    assert counts["ann"] == 10 and counts["bert"] == 1 and counts["carl"] == 0
    assert counts == _old_counts(administrator)


def test_the_coaches_come_in_name_order_with_zero_for_none_open(known, centre_staff):
    staff_user(known, Role.COACH, username="aaron", first_name="Aaron")
    context = selectors.centre_context(user=centre_staff)
    assert [(c.username, c.open_count) for c in context["coaches"]] == [
        ("aaron", 0),
        ("ann", 5),
        ("bert", 1),
    ]


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        _counts(user)
    return len(captured)


def test_the_counts_take_a_constant_number_of_queries(known, centre_staff):
    _counts(centre_staff)  # the first call caches the user's organisations
    small = _queries(centre_staff)
    for i in range(6):
        coach = staff_user(known, Role.COACH, username=f"coach-{i}")
        _open(coach, known, 3)
    assert _queries(centre_staff) == small


def _reference_rows(user) -> dict[tuple[str, str], int]:
    """Trajectories per programme and status as one grouped read of `visible_to`."""
    from koers.trajectories.models import Trajectory

    rows = Trajectory.objects.visible_to(user).values_list("programme", "status")
    counts: dict[tuple[str, str], int] = {}
    for key in rows:
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_the_programme_table_counts_what_visible_to_counts_also_the_staffs_own_elsewhere(
    known, centre_staff
):
    """The two disjoint reads (the organisations' trajectories, the user's own elsewhere) add up
    to `visible_to`, with a trajectory of the staff member's own in another organisation."""
    from koers.trajectories.models import Programme

    elsewhere = OrganisationFactory(name="Derde centrum")
    centre_staff.memberships.create(organisation=elsewhere, role=Role.COACH)
    _open(centre_staff, elsewhere, 2)
    rows = selectors.centre_context(user=centre_staff)["programme_rows"]
    statuses = [s for s, _label in TrajectoryStatus.choices]
    shown = {
        (programme, status): n
        for (programme, _label), row in zip(Programme.choices, rows, strict=True)
        for status, n in zip(statuses, row["cells"], strict=True)
        if n
    }
    assert shown == _reference_rows(centre_staff)
    assert sum(row["total"] for row in rows) == 12  # 10 of the centre, 2 of their own elsewhere
