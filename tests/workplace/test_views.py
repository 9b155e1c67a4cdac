"""The working pages: dashboard, client list, new client, client file and its history: roles,
access, bad input, audit."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from koers.core.models import Client, FileAccess, Role
from koers.trajectories.models import Trajectory, TrajectoryStatus
from tests.core.client_form_data import VALID_NN, client_post
from tests.dashboard_html import dashboard_html
from tests.factories import ClientFactory, ContactFactory, TrajectoryFactory, staff_user

pytestmark = pytest.mark.django_db


def test_pages_need_login(client):
    response = client.get(reverse("client_list"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_coach_dashboard_shows_own_work(logged_in, coach, trajectory):
    ContactFactory(trajectory=trajectory, starts_at=timezone.now() + timedelta(hours=2))
    body = dashboard_html(logged_in(coach))
    assert "Ann Peeters" in body
    assert "lopende trajecten" in body


def test_staff_dashboard_shows_counts_and_coaches(logged_in, centre_staff, trajectory, coach):
    body = dashboard_html(logged_in(centre_staff))
    assert "Trajecten per programma en status" in body
    assert escape(coach.get_full_name()) in body


def test_dashboard_query_count_is_constant(logged_in, coach, centre):
    """The page and its panels together: the same queries for 3 trajectories as for 23."""
    web = logged_in(coach)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            dashboard_html(web)
        return len(captured)

    for _ in range(3):
        t = TrajectoryFactory(client=ClientFactory(organisation=centre), responsible=coach)
        ContactFactory(trajectory=t, starts_at=timezone.now() + timedelta(days=1))
    dashboard_html(web)  # warm the per-process caches
    few = queries()
    for _ in range(20):
        t = TrajectoryFactory(client=ClientFactory(organisation=centre), responsible=coach)
        ContactFactory(trajectory=t, starts_at=timezone.now() + timedelta(days=2))
    assert queries() == few


def test_client_list_shows_only_visible_clients(logged_in, coach, trajectory, centre):
    ClientFactory(organisation=centre, first_name="Verborgen", last_name="Persoon")
    response = logged_in(coach).get(reverse("client_list"))
    body = response.content.decode()
    assert "Peeters" in body
    assert "Verborgen" not in body


def test_client_list_search_and_htmx_partial(logged_in, centre_staff, centre):
    ClientFactory(organisation=centre, first_name="Zoë", last_name="Zoekmans")
    ClientFactory(organisation=centre, first_name="Anders", last_name="Iemand")
    web = logged_in(centre_staff)
    response = web.get(reverse("client_list"), {"q": "zoekmans"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Zoekmans" in body and "Iemand" not in body
    assert "<html" not in body  # the partial only


def test_client_list_empty_state(logged_in, centre_staff):
    response = logged_in(centre_staff).get(reverse("client_list"), {"q": "niemand"})
    assert "Geen cliënten gevonden" in response.content.decode()


@pytest.mark.parametrize("count", [10, 40])
def test_client_list_query_count_is_constant(
    count, logged_in, centre_staff, centre, django_assert_max_num_queries
):
    ClientFactory.create_batch(count, organisation=centre, phone="+32470123456")
    web = logged_in(centre_staff)
    with django_assert_max_num_queries(8):
        response = web.get(reverse("client_list"))
    assert response.status_code == 200


def test_client_list_paginates_by_25(logged_in, centre_staff, centre):
    ClientFactory.create_batch(30, organisation=centre)
    web = logged_in(centre_staff)
    assert len(web.get(reverse("client_list")).context["page"].object_list) == 25
    assert len(web.get(reverse("client_list"), {"page": 2}).context["page"].object_list) == 5


@pytest.mark.usefixtures("voucher_rules_in_force")
def test_coach_creates_client_with_trajectory(logged_in, coach):
    response = logged_in(coach).post(reverse("client_create"), client_post())
    client = Client.objects.get(last_name="Verhoeven")
    assert response.status_code == 302
    assert response["Location"] == reverse("client_detail", args=[client.pk])
    assert client.phone == "+32470123456"
    trajectory = Trajectory.objects.get(client=client)
    assert trajectory.responsible == coach
    assert logged_in(coach).get(response["Location"]).status_code == 200


def test_centre_staff_creates_client_without_trajectory(logged_in, centre_staff):
    data = client_post()
    del data["programme"]
    response = logged_in(centre_staff).post(reverse("client_create"), data)
    assert response.status_code == 302
    assert not Trajectory.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("national_number", "85073003329", "geen geldig rijksregisternummer"),
        ("phone", "12345", "geen geldig telefoonnummer"),
        ("postal_code", "0123", "vier cijfers"),
        ("email", "niet-een-adres", "e-mailadres"),
        ("birth_date", "01/01/2999", "in de toekomst"),
        ("first_name", "", "Vul een voornaam in"),
    ],
)
def test_client_form_rejects_bad_input(logged_in, coach, field, value, message):
    response = logged_in(coach).post(reverse("client_create"), client_post(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Client.objects.exists()
    assert not Trajectory.objects.exists()


def test_coach_must_choose_a_programme(logged_in, coach):
    response = logged_in(coach).post(reverse("client_create"), client_post(programme=""))
    assert "Kies het programma" in response.content.decode()
    assert not Client.objects.exists()


def test_client_detail_masks_national_number_for_coach(logged_in, coach, client_record, trajectory):
    client_record.set_national_number(VALID_NN)
    client_record.save()
    body = logged_in(coach).get(reverse("client_detail", args=[client_record.pk])).content.decode()
    assert "85.07.30-033.28" not in body
    assert client_record.national_number_masked() in body


def test_client_detail_shows_national_number_to_centre_staff(
    logged_in, centre_staff, client_record
):
    client_record.set_national_number(VALID_NN)
    client_record.save()
    response = logged_in(centre_staff).get(reverse("client_detail", args=[client_record.pk]))
    assert "85.07.30-033.28" in response.content.decode()


def test_opening_a_client_file_is_logged(logged_in, coach, client_record, trajectory):
    logged_in(coach).get(reverse("client_detail", args=[client_record.pk]))
    access = FileAccess.objects.get()
    assert access.user == coach and access.client == client_record


@pytest.mark.parametrize("count", [10, 40])
def test_client_detail_query_count_is_constant(
    count, logged_in, coach, client_record, trajectory, django_assert_max_num_queries
):
    start = timezone.now() - timedelta(days=count + 1)
    for i in range(count):
        ContactFactory(trajectory=trajectory, starts_at=start + timedelta(days=i))
    web = logged_in(coach)
    # 19: one of them reads the published voucher rule-set versions for the "+ Loopbaancheque" offer,
    # one counts the trajectories for their pager, one looks for recovery codes (the second
    # factor, issue 15), one records the read (the access log).
    with django_assert_max_num_queries(19):
        response = web.get(reverse("client_detail", args=[client_record.pk]))
    assert response.status_code == 200


def test_issue_14_client_file_with_100_trajectories_shows_a_page_in_constant_queries(
    logged_in, coach, client_record
):
    from koers.trajectories.selectors import TIMELINE_LIMIT
    from koers.workplace.selectors import CLIENT_FILE_TRAJECTORIES

    web = logged_in(coach)
    url = reverse("client_detail", args=[client_record.pk])

    def trajectories(n: int, status=TrajectoryStatus.CLOSED) -> list[Trajectory]:
        made = Trajectory.objects.bulk_create(
            Trajectory(
                client=client_record,
                programme="voucher",
                responsible=coach,
                organisation=client_record.organisation,
                status=status,
                start_date=timezone.localdate() - timedelta(days=500 - i),
            )
            for i in range(n)
        )
        for t in made:
            ContactFactory(trajectory=t)
        return made

    trajectories(1)
    web.get(url)
    with CaptureQueriesContext(connection) as one:
        web.get(url)
    trajectories(98)
    (active,) = trajectories(1, status=TrajectoryStatus.ACTIVE)
    with CaptureQueriesContext(connection) as hundred:
        page = web.get(url).content.decode()
    assert len(hundred) == len(one)
    assert page.count('data-testid="trajectory-row"') == CLIENT_FILE_TRAJECTORIES
    timeline = page.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert 0 < timeline.count("<li>") <= TIMELINE_LIMIT  # the timeline keeps its limit
    first = page.split('data-testid="trajectory-row"')[1]
    assert "Lopend" in first.split("</tr>")[0]  # the open trajectory first, however old
    assert 'data-testid="pager-trajectories"' in page
    last = web.get(url + "?trajectories=10").content.decode()
    assert last.count('data-testid="trajectory-row"') == CLIENT_FILE_TRAJECTORIES


CLIENT_URLS = ["client_detail", "client_update"]


@pytest.mark.parametrize("name", CLIENT_URLS)
def test_client_pages_render_for_owner(name, logged_in, coach, client_record, trajectory):
    assert logged_in(coach).get(reverse(name, args=[client_record.pk])).status_code == 200


@pytest.mark.parametrize("name", [*CLIENT_URLS, "client_history"])
def test_client_pages_404_for_another_coach(
    name, logged_in, other_coach, client_record, trajectory
):
    assert logged_in(other_coach).get(reverse(name, args=[client_record.pk])).status_code == 404


def test_client_pages_404_for_staff_of_another_centre(logged_in, other_centre, client_record):
    stranger = staff_user(other_centre, Role.CENTRE_STAFF, username="elders")
    web = logged_in(stranger)
    assert web.get(reverse("client_detail", args=[client_record.pk])).status_code == 404
    assert web.get(reverse("client_history", args=[client_record.pk])).status_code == 404


def test_history_is_for_centre_staff_only(
    logged_in, coach, centre_staff, client_record, trajectory
):
    assert (
        logged_in(coach).get(reverse("client_history", args=[client_record.pk])).status_code == 404
    )
    body = logged_in(centre_staff).get(reverse("client_detail", args=[client_record.pk]))
    assert reverse("client_history", args=[client_record.pk]) in body.content.decode()


def test_history_shows_who_changed_what(logged_in, coach, centre_staff, client_record, trajectory):
    logged_in(coach).post(
        reverse("client_update", args=[client_record.pk]),
        client_post(first_name="Annelies", last_name="Peeters"),
    )
    logged_in(coach).get(reverse("client_detail", args=[client_record.pk]))
    response = logged_in(centre_staff).get(reverse("client_history", args=[client_record.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Annelies" in body and "Ann" in body
    assert escape(coach.get_full_name()) in body  # a random name may hold an apostrophe
    assert len(response.context["accesses"]) >= 1


def test_english_interface(logged_in, coach):
    web = logged_in(coach)
    web.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = web.get(reverse("client_list")).content.decode()
    assert "Clients" in body


def test_coach_form_shows_all_errors_at_once(logged_in, coach):
    response = logged_in(coach).post(
        reverse("client_create"), client_post(programme="", phone="12", postal_code="12")
    )
    body = response.content.decode()
    assert "Kies het programma" in body
    assert "geen geldig telefoonnummer" in body
    assert "vier cijfers" in body
    assert not Client.objects.exists()


def test_english_keeps_belgian_dates(logged_in, coach, client_record, trajectory):
    web = logged_in(coach)
    web.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = web.get(reverse("client_detail", args=[client_record.pk])).content.decode()
    assert "30/07/1985" in body
    response = web.post(
        reverse("client_update", args=[client_record.pk]),
        client_post(birth_date="25/12/1980", first_name="Ann", last_name="Peeters"),
    )
    assert response.status_code == 302
    client_record.refresh_from_db()
    assert client_record.birth_date.isoformat() == "1980-12-25"
