"""The trajectory list (`/trajecten/`) and the contact list (`/trajecten/contacten/`): their
filters, keyset pages, and a fixed number of queries whatever the data, for the pages and for
every export (issue 16)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from koers.trajectories.lists import PAGE_SIZE
from koers.trajectories.models import Programme, TrajectoryStatus
from tests.factories import ClientFactory, ContactFactory, TrajectoryFactory
from tests.listexports.conftest import query_count
from tests.mediation.conftest import at
from tests.privacy.conftest import make_lead

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("voucher_rules_in_force")]


def _trajectories(coach, centre, n, **kwargs):
    return [
        TrajectoryFactory(
            client=ClientFactory(organisation=centre, last_name=f"Naam{i:03}"),
            responsible=coach,
            organisation=centre,
            **kwargs,
        )
        for i in range(n)
    ]


def test_the_trajectory_list_pages_by_cursor(coach, centre, logged_in):
    _trajectories(coach, centre, PAGE_SIZE + 3)
    client = logged_in(coach)
    first = client.get("/trajecten/")
    assert first.content.decode().count('data-testid="trajectory-row"') == PAGE_SIZE
    last_id = first.context["page"].next_cursor
    second = client.get(f"/trajecten/?after={last_id}&page=2")
    assert second.content.decode().count('data-testid="trajectory-row"') == 3
    assert not {t.pk for t in first.context["page"].object_list} & {
        t.pk for t in second.context["page"].object_list
    }


def test_the_trajectory_list_filters_programme_status_and_mine(
    coach, other_coach, centre, centre_staff, logged_in
):
    _trajectories(coach, centre, 2)
    _trajectories(other_coach, centre, 1, status=TrajectoryStatus.CLOSED)
    _trajectories(coach, centre, 1, programme=Programme.TRANSITION)
    staff = logged_in(centre_staff)
    assert staff.get("/trajecten/").context["page"].count == 4
    assert staff.get("/trajecten/?programma=voucher").context["page"].count == 3
    assert staff.get("/trajecten/?status=closed").context["page"].count == 1
    coach_client = logged_in(coach)
    assert coach_client.get("/trajecten/").context["page"].count == 3  # not the other coach's
    assert coach_client.get("/trajecten/?mijn=1").context["page"].count == 3
    assert logged_in(centre_staff).get("/trajecten/?mijn=1").context["page"].count == 0


def test_the_dossier_filter_keeps_vouchers_with_open_points(coach, centre, open_voucher, logged_in):
    voucher = open_voucher(ClientFactory(organisation=centre), coach)
    _trajectories(coach, centre, 1, programme=Programme.TRANSITION)
    client = logged_in(coach)
    page = client.get("/trajecten/?dossier=open")
    assert [t.pk for t in page.context["page"].object_list] == [voucher.trajectory_id]
    assert "open punten" in page.content.decode()
    assert client.get("/trajecten/?dossier=volledig").context["page"].count == 0


def test_the_contact_list_shows_this_month_by_default_and_pages(
    coach, other_coach, centre, logged_in
):
    trajectory = _trajectories(coach, centre, 1)[0]
    now = timezone.now()
    for i in range(PAGE_SIZE + 1):
        ContactFactory(trajectory=trajectory, starts_at=now - timedelta(minutes=i))
    ContactFactory(trajectory=trajectory, starts_at=now - timedelta(days=70))
    ContactFactory(trajectory=_trajectories(other_coach, centre, 1)[0], starts_at=now)
    client = logged_in(coach)
    first = client.get("/trajecten/contacten/")
    assert first.context["page"].count == PAGE_SIZE + 1
    assert first.content.decode().count('data-testid="contact-row"') == PAGE_SIZE
    after = first.context["page"].next_cursor
    assert len(client.get(f"/trajecten/contacten/?after={after}").context["page"].object_list) == 1
    earlier = (now - timedelta(days=70)).date().isoformat()
    page = client.get(f"/trajecten/contacten/?van={earlier}&tot={earlier}")
    assert page.context["page"].count == 1


def test_the_contact_list_filters_mine(coach, other_coach, centre, centre_staff, logged_in):
    ContactFactory(trajectory=_trajectories(coach, centre, 1)[0], starts_at=timezone.now())
    ContactFactory(trajectory=_trajectories(other_coach, centre, 1)[0], starts_at=timezone.now())
    assert logged_in(centre_staff).get("/trajecten/contacten/").context["page"].count == 2
    assert logged_in(coach).get("/trajecten/contacten/?mijn=1").context["page"].count == 1


def _data(size, offset, coach, centre, open_voucher, mediator, partner, referral):
    from koers.mediation import services as mediation
    from koers.mediation.services import AppointmentData

    for trajectory in _trajectories(coach, centre, size):
        ContactFactory(trajectory=trajectory, starts_at=timezone.now())
    for i in range(size):
        voucher = open_voucher(ClientFactory(organisation=centre), coach)
        ContactFactory(trajectory=voucher.trajectory, starts_at=timezone.now())
        lead = make_lead(centre)
        lead.coach = coach
        lead.save()
        mediation.mediation_refer(
            client=ClientFactory(organisation=partner),
            responsible=mediator,
            organisation=partner,
            data=referral(),
            first_appointment=AppointmentData(starts_at=at(100 - offset - i), place="Kantoor"),
            acting_user=mediator,
        )


URLS = [
    ("coach", "/trajecten/"),
    ("coach", "/trajecten/?dossier=open"),
    ("coach", "/trajecten/contacten/"),
    ("coach", "/exporteren/clients/?formaat=xlsx"),
    ("coach", "/exporteren/leads/?formaat=csv&status=all"),
    ("coach", "/exporteren/trajectories/?formaat=xlsx"),
    ("coach", "/exporteren/trajectories/?formaat=csv&dossier=open"),
    ("coach", "/exporteren/contacts/?formaat=csv"),
    ("mediator", "/exporteren/mediation/?formaat=xlsx"),
]


@pytest.mark.parametrize(("who", "url"), URLS)
def test_queries_stay_the_same_with_more_data(
    who, url, coach, centre, open_voucher, mediator, partner, referral, logged_in
):
    user = {"coach": coach, "mediator": mediator}[who]
    client = logged_in(user)
    client.get(url)  # warm up: the session, the rule sets
    _data(2, 0, coach, centre, open_voucher, mediator, partner, referral)
    few = query_count(lambda: client.get(url))
    _data(6, 2, coach, centre, open_voucher, mediator, partner, referral)
    many = query_count(lambda: client.get(url))
    assert many == few
