"""Issue 16: the client's file on paper — the person without the full national number, every
trajectory the user may see and the timeline, bounded; the same access as the file, and logged."""

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.core.models import FileAccess, Role
from koers.workplace import printing
from koers.workplace.printing import client_print_context
from tests.factories import TrajectoryFactory, staff_user

pytestmark = pytest.mark.django_db

NATIONAL_NUMBER = "85073003328"


def test_client_print_shows_every_trajectory_beyond_the_file_page(client_record, coach, logged_in):
    for _ in range(12):  # the file shows 10 per page
        TrajectoryFactory(client=client_record, responsible=coach, organisation=coach_org(coach))
    response = logged_in(coach).get(reverse("client_print", args=[client_record.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-testid="print-trajectory-row"') == 12
    assert "Afgedrukt op" in html


def coach_org(coach):
    return coach.memberships.get().organisation


def test_client_print_masks_the_national_number_for_centre_staff(
    client_record, centre_staff, logged_in
):
    client_record.set_national_number(NATIONAL_NUMBER)
    client_record.save()
    html = logged_in(centre_staff).get(reverse("client_print", args=[client_record.pk]))
    html = html.content.decode()
    assert client_record.national_number_masked() in html
    assert NATIONAL_NUMBER not in html
    assert client_record.national_number_formatted() not in html


def test_client_print_says_when_the_trajectories_were_cut(client_record, coach, monkeypatch):
    monkeypatch.setattr(printing, "PRINT_TRAJECTORIES", 3)
    for _ in range(5):
        TrajectoryFactory(client=client_record, responsible=coach, organisation=coach_org(coach))
    context = client_print_context(user=coach, client=client_record, now=timezone.localtime())
    assert len(context["trajectories"]) == 3
    assert context["trajectories_total"] == 5
    assert context["trajectories_cut"] is True


def test_client_print_is_a_404_for_a_coach_of_another_centre(
    client_record, other_centre, logged_in
):
    stranger = staff_user(other_centre, Role.COACH, username="vreemde-coach")
    response = logged_in(stranger).get(reverse("client_print", args=[client_record.pk]))
    assert response.status_code == 404


def test_client_print_is_logged_as_a_read_of_the_file(client_record, coach, logged_in):
    TrajectoryFactory(client=client_record, responsible=coach, organisation=coach_org(coach))
    logged_in(coach).get(reverse("client_print", args=[client_record.pk]))
    read = FileAccess.objects.filter(user=coach, client=client_record).latest("pk")
    assert "afdrukken" in read.path


def test_client_file_links_to_its_print_view(client_record, coach, logged_in):
    TrajectoryFactory(client=client_record, responsible=coach, organisation=coach_org(coach))
    response = logged_in(coach).get(reverse("client_detail", args=[client_record.pk]))
    assert reverse("client_print", args=[client_record.pk]) in response.content.decode()
