"""Issue 14: the trajectory list's dossier filter counts its rows only up to a cap (a judgement
per row: an exact count read every open dossier of a centre for one page of 25) and then says
"meer dan"; its rows and cursors are those of the uncapped list. The centre's voucher list reads
its page from the partial index on (organisation, start date, id)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from koers.trajectories import lists
from koers.trajectories.lists import TrajectoryFilter
from koers.vouchers.services import voucher_open
from tests.factories import ClientFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("voucher_rules_in_force")]


def _open_vouchers(centre, coach, n):
    today = timezone.localdate()
    return [
        voucher_open(
            client=ClientFactory(organisation=centre, last_name=f"Open{i:02}"),
            responsible=coach,
            organisation=centre,
            start_date=today - timedelta(days=30 - i),
            acting_user=coach,
        )
        for i in range(n)
    ]


def test_issue_14_dossier_filter_counts_up_to_its_cap_and_says_more(
    coach, centre, centre_staff, logged_in, monkeypatch
):
    _open_vouchers(centre, coach, 5)
    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    monkeypatch.setattr(lists, "DOSSIER_COUNT_CAP", 3)
    client = logged_in(centre_staff)
    first = client.get("/trajecten/?dossier=open")
    page = first.context["page"]
    assert (page.count, page.capped, len(page.object_list)) == (3, True, 2)
    html = first.content.decode()
    assert "1–2 van meer dan 3 trajecten" in html
    assert "Pagina 1 van meer dan 2" in html
    seen = [t.pk for t in page.object_list]
    while page.has_next:  # the cursors walk every row, past the cap
        after = f"after={page.next_cursor}&page={page.number + 1}"
        page = client.get(f"/trajecten/?dossier=open&{after}").context["page"]
        seen += [t.pk for t in page.object_list]
    everyone = lists.trajectory_list(user=centre_staff, chosen=TrajectoryFilter(dossier="open"))
    assert seen == list(everyone.order_by(*lists.TRAJECTORY_ORDER).values_list("pk", flat=True))
    assert len(seen) == 5 and page.number == 3


def test_issue_14_dossier_filter_under_its_cap_counts_exactly(
    coach, centre, centre_staff, logged_in
):
    _open_vouchers(centre, coach, 2)
    response = logged_in(centre_staff).get("/trajecten/?dossier=open")
    page = response.context["page"]
    assert (page.count, page.capped) == (2, False)
    assert "2 trajecten" in response.content.decode()
    assert "meer dan" not in response.content.decode()


def test_issue_14_the_centre_voucher_list_reads_its_order_from_the_partial_index(
    coach, centre, centre_staff
):
    if connection.vendor != "sqlite":
        pytest.skip("the query plan asserted is SQLite's")
    _open_vouchers(centre, coach, 3)
    chosen = TrajectoryFilter(programme="voucher", dossier="open")
    rows = lists.trajectory_list(user=centre_staff, chosen=chosen).order_by(
        *lists.TRAJECTORY_ORDER
    )[:26]
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        plan = " ".join(str(r) for r in cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "trajectory_voucher_order" in plan
    assert "TEMP B-TREE" not in plan
