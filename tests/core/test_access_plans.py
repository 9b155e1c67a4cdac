"""Access is planned from the user's side (issue 14): a coach's client list reads the coach's
trajectories through an index and their clients by key, it does not walk every client."""

import re

import pytest
from django.db import connection
from django.utils import timezone

from koers.core.models import Client, Role
from koers.trajectories.models import Programme, Trajectory, TrajectoryStatus
from koers.workplace.selectors import client_list
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def _centre_with_clients(centre, coach, *, clients: int, own: int) -> None:
    """`clients` clients of the centre with a trajectory of another coach; `own` of them also
    with one of `coach`."""
    other = staff_user(centre, Role.COACH)
    rows = Client.objects.bulk_create(
        Client(organisation=centre, first_name=f"Voornaam{n}", last_name=f"Naam{n:04d}")
        for n in range(clients)
    )
    today = timezone.localdate()

    def trajectory(client, responsible):
        return Trajectory(
            client=client,
            responsible=responsible,
            organisation=centre,
            programme=Programme.VOUCHER,
            status=TrajectoryStatus.ACTIVE,
            start_date=today,
        )

    Trajectory.objects.bulk_create(
        [trajectory(c, other) for c in rows] + [trajectory(c, coach) for c in rows[:own]]
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_sqlite_coach_list_reads_clients_by_key(centre, coach):
    _centre_with_clients(centre, coach, clients=60, own=3)
    queryset = client_list(user=coach, query="")
    plan = _plan(queryset[:25])
    assert "SEARCH core_client USING INTEGER PRIMARY KEY" in plan, plan
    assert not re.search(r"SCAN core_client\b", plan), plan
    assert "CORRELATED" not in plan, plan
    assert not re.search(r"SCAN core_client\b", _plan(queryset.values("pk"))), "the count"
    assert len(queryset) == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's EXPLAIN")
def test_postgresql_coach_list_reads_clients_by_key(centre, coach):
    """With statistics (ANALYZE) on a few hundred rows the planner picks the index on the
    trajectory's responsible and reads the clients by primary key. The structure asserted is
    what matters: the old correlated EXISTS could not read `core_client` by key at all."""
    _centre_with_clients(centre, coach, clients=2000, own=3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_client")
        cursor.execute("ANALYZE trajectories_trajectory")
    plan = _plan(client_list(user=coach, query="")[:25])
    assert "Seq Scan on core_client" not in plan, plan
    assert "core_client_pkey on core_client" in plan, plan
    assert re.search(r"Index (Only )?Scan using \w+ on trajectories_trajectory", plan), plan
    assert "SubPlan" not in plan, plan


def test_a_user_without_a_role_sees_no_client(centre, coach):
    _centre_with_clients(centre, coach, clients=5, own=2)
    nobody = staff_user(centre)
    assert not Client.objects.visible_to(nobody).exists()
    assert Client.objects.visible_to(coach).count() == 2
