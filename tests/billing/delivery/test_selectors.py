"""BIL-01 reads: what each user sees, the quarter reminder, the audit, constant query counts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koers.billing.selectors.delivery import batch_dossiers, delivery_page, dossiers_to_deliver
from koers.billing.selectors.worklist import undelivered_per_coach
from koers.billing.services.delivery import audit_set, batch_create, batch_set_state
from tests.factories import staff_user

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 20)


def test_bil_01_the_coach_sees_own_complete_undelivered_dossiers_and_the_quarter_reminder(
    fake_dossiers, coach, other_coach
):
    mine = fake_dossiers.dossier(coach)
    fake_dossiers.dossier(coach, name="Bart Claes", missing=("Kopie van het POP",))
    fake_dossiers.dossier(other_coach, name="Cor Dewit")
    page = delivery_page(user=coach, today=TODAY)
    assert not page.is_staff
    assert [d.trajectory_id for d in page.own.ready] == [mine.pk]
    assert [str(m) for m in page.own.incomplete[0].missing] == ["Kopie van het POP"]
    assert page.reminder.rule == "BIL-01" and "31/03/2026" in page.reminder.message
    batch_create(trajectory_ids=[mine.pk], acting_user=coach)
    page = delivery_page(user=coach, today=TODAY)
    assert page.own.ready == [] and page.reminder is None  # delivered this quarter
    assert [b.coach for b in page.batches] == [coach]


def test_bil_01_staff_see_per_coach_and_the_batches_awaiting_receipt(
    fake_dossiers, coach, other_coach, centre_staff, other_centre
):
    fake_dossiers.dossier(coach)
    fake_dossiers.dossier(other_coach, name="Cor Dewit")
    elsewhere = staff_user(other_centre, "coach")
    fake_dossiers.dossier(elsewhere, name="Dirk Elst")
    posted = batch_create(
        trajectory_ids=[fake_dossiers.dossier(coach, name="Eva Fis").pk], acting_user=coach
    )
    batch_set_state(batch=posted, state="posted", acting_user=coach)
    page = delivery_page(user=centre_staff, today=TODAY)
    assert page.is_staff and page.reminder is None
    assert {r.coach for r in page.coaches} == {coach, other_coach}
    assert [b.pk for b in page.awaiting] == [posted.pk]


def test_bil_01_in_an_audit_the_coach_sees_what_is_due_and_staff_see_who_is_late(
    fake_dossiers, coach, other_coach, centre, centre_staff
):
    due = fake_dossiers.dossier(coach, closed_on=date(2026, 3, 1))
    audit_set(organisation=centre, deadline=date(2026, 3, 25), acting_user=centre_staff)
    row = delivery_page(user=coach, today=TODAY).own
    assert [d.client_name for d in row.due] == [due.client.full_name]
    assert "ten laatste op 25/03/2026" in row.audit_reasons[0].message
    assert delivery_page(user=centre_staff, today=date(2026, 3, 26)).late == [coach]
    batch_create(trajectory_ids=[due.pk], acting_user=coach)
    assert delivery_page(user=centre_staff, today=date(2026, 3, 26)).late == []


def test_bil_01_the_page_and_the_api_list_use_a_constant_number_of_queries(
    fake_dossiers, centre, coach, other_coach, centre_staff, django_assert_max_num_queries
):
    audit_set(organisation=centre, deadline=date(2026, 4, 30), acting_user=centre_staff)

    def grow(n):
        for i in range(n):
            for c in (coach, other_coach):
                t = fake_dossiers.dossier(c, name=f"Klant {c.pk}x{i}")
                batch_create(trajectory_ids=[t.pk], acting_user=c)
                fake_dossiers.dossier(c, name=f"Wacht {c.pk}x{i}")

    grow(1)
    for user in (coach, centre_staff):
        user = type(user).objects.get(pk=user.pk)
        with django_assert_max_num_queries(12) as small:
            list(delivery_page(user=user, today=TODAY).batches)
        baseline = len(small.captured_queries)
        grow(3)
        user = type(user).objects.get(pk=user.pk)
        with django_assert_max_num_queries(baseline):
            page = delivery_page(user=user, today=TODAY)
            list(page.batches)
        with django_assert_max_num_queries(4):
            dossiers_to_deliver(user)
        batches = list(page.batches)
        with django_assert_max_num_queries(3):
            batch_dossiers(batches)


def test_bil_01_a_batch_keeps_showing_a_dossier_that_changed_hands(
    fake_dossiers, coach, other_coach
):
    t = fake_dossiers.dossier(coach)
    batch = batch_create(trajectory_ids=[t.pk], acting_user=coach)
    type(t).objects.filter(pk=t.pk).update(responsible=other_coach)
    (shown,) = batch_dossiers([batch])[batch.pk]
    assert shown.client_name == "An Peeters" and shown.pieces == ()


def _dashboard_row(user, coach):
    (row,) = [r for r in undelivered_per_coach(user) if r.coach == coach]
    return row


def test_bil_01_dashboard_counts_every_undelivered_dossier_and_names_the_longest_closed(
    fake_dossiers, coach
):
    for day in (3, 4):
        fake_dossiers.dossier(coach, closed_on=date(2026, 2, day), name=f"Klaar {day}")
    for day in (9, 5, 8, 6, 7):
        fake_dossiers.dossier(
            coach, closed_on=date(2026, 2, day), missing=("Kopie van het POP",), name=f"Open {day}"
        )
    delivered = fake_dossiers.dossier(coach, name="Al Bezorgd")
    batch_create(trajectory_ids=[delivered.pk], acting_user=coach)
    fake_dossiers.dossier(coach, closed_on=None, name="Loopt Nog")
    row = _dashboard_row(coach, coach)
    assert (row.ready, row.open_count) == (2, 5)
    assert [s.client_name for s in row.incomplete] == ["Open 5", "Open 6", "Open 7"]


def test_bil_01_dashboard_shows_staff_their_centres_coaches_only(
    fake_dossiers, coach, other_coach, centre_staff, other_centre
):
    fake_dossiers.dossier(coach)
    fake_dossiers.dossier(other_coach, name="Cor Dewit", missing=("Kopie van het POP",))
    fake_dossiers.dossier(staff_user(other_centre, "coach"), name="Dirk Elst")
    rows = undelivered_per_coach(centre_staff)
    assert {(r.coach, r.ready, r.open_count) for r in rows} == {(coach, 1, 0), (other_coach, 0, 1)}
    assert [r.coach for r in undelivered_per_coach(coach)] == [coach]


def test_bil_01_dashboard_deliveries_take_the_same_queries_for_more_dossiers(
    fake_dossiers, coach, other_coach, centre_staff
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            undelivered_per_coach(centre_staff)
        return len(captured)

    fake_dossiers.dossier(coach, missing=("Kopie van het POP",))
    queries()  # the first call also reads the user's memberships, kept on the user after
    few = queries()
    for n in range(6):
        fake_dossiers.dossier(coach, name=f"Meer {n}", missing=("Kopie van het POP",))
        fake_dossiers.dossier(other_coach, name=f"Ander {n}")
    assert queries() == few
