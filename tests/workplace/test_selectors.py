"""`koers.workplace.selectors`: what the working pages show, each part for the roles it is for."""

import pytest
from django.utils import timezone

from koers.workplace import selectors

pytestmark = pytest.mark.django_db


def _dashboard(user) -> dict:
    return selectors.dashboard_context(user=user, today=timezone.localdate(), now=timezone.now())


def test_a_coach_sees_their_own_work_and_leads_not_the_centre_overview(coach, trajectory):
    context = _dashboard(coach)
    assert context["show_coach"] and context["show_leads"]
    assert "show_staff" not in context
    assert list(context["active_trajectories"]) == [trajectory]
    assert selectors.centre_context(user=coach) is None


def test_centre_staff_see_the_overview_per_programme(centre_staff, trajectory):
    context = _dashboard(centre_staff)
    assert context["show_staff"] and "show_coach" not in context
    assert "programme_rows" not in context  # the centre's panel reads it, not the page
    context = selectors.centre_context(user=centre_staff)
    voucher_row = next(r for r in context["programme_rows"] if r["total"])
    assert voucher_row["total"] == 1 == sum(voucher_row["cells"])


def test_the_client_file_history_includes_the_trajectories(centre_staff, client_record, trajectory):
    entries, total = selectors.client_history(user=centre_staff, client=client_record)
    labels = {e.model_label for e in entries}
    assert total == len(entries) >= 2
    assert str(client_record._meta.verbose_name) in labels
    assert str(trajectory._meta.verbose_name) in labels
    assert f"#{trajectory.pk}" in {e.object_label.split(" ")[-1] for e in entries}


def test_the_client_file_offers_only_what_the_user_may_open(coach, client_record, trajectory):
    context = selectors.client_file_context(
        user=coach, client=client_record, today=timezone.localdate()
    )
    assert context["trajectories"] == [trajectory]
    assert context["can_view_history"] is False
