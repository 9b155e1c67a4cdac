"""The header's search (issue 16, `workplace/search.py`): every kind of match, what each role may
find, the bounded groups and their query count, the page and its empty states."""

import logging

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.core.models import FileAccess, Role
from koers.intake.models import Handover, Lead, LeadState
from koers.trajectories.models import Programme
from koers.workplace.search import GROUP_SIZE, read_terms, search
from tests.factories import ClientFactory, TrajectoryFactory, staff_user

pytestmark = pytest.mark.django_db

NATIONAL_NUMBER = "85073003328"


def found(user, query, kind="clients"):
    groups = {g.kind: g for g in search(user=user, query=query).groups}
    return sorted(i.full_name for i in groups[kind].items) if kind in groups else []


def make_lead(centre, *, coach=None, first_name="Nora", last_name="Peeters", **fields):
    now = timezone.now()
    defaults = {"email": "nora.peeters@example.org", "phone": "+32470999888"}
    return Lead.objects.create(
        organisation=centre,
        first_name=first_name,
        last_name=last_name,
        career_question="Iets anders doen.",
        arrived_at=now,
        clock_started_at=now,
        coach=coach,
        state=LeadState.NEW if coach else LeadState.UNASSIGNED,
        **(defaults | fields),
    )


@pytest.fixture
def people(centre):
    ozdemir = ClientFactory(
        organisation=centre,
        first_name="Ayşe",
        last_name="Özdemir",
        email="Ayse.Ozdemir@Example.be",
        phone="+32470123456",
    )
    ozdemir.set_national_number(NATIONAL_NUMBER)
    ozdemir.save()
    ClientFactory(organisation=centre, first_name="Jan", last_name="Peeters", phone="+3293001122")
    return ozdemir


def test_a_name_is_found_partially_and_without_accents(centre_staff, people):
    assert found(centre_staff, "ozdem") == ["Ayşe Özdemir"]
    assert found(centre_staff, "ÖZDEMİR"[:5]) == ["Ayşe Özdemir"]
    assert found(centre_staff, "ayse oz") == ["Ayşe Özdemir"]
    assert found(centre_staff, "eete") == ["Jan Peeters"]


def test_an_email_is_found_exactly_whatever_its_case(centre_staff, people):
    assert found(centre_staff, "ayse.ozdemir@example.be") == ["Ayşe Özdemir"]
    assert found(centre_staff, "AYSE.OZDEMIR@EXAMPLE.BE") == ["Ayşe Özdemir"]
    assert found(centre_staff, "ozdemir@example.be") == []  # a part of an address is not it


@pytest.mark.parametrize(
    "query", ["0470 12 34 56", "0470123456", "+32470123456", "+32 470 12 34 56", "0032470/12.34.56"]
)
def test_a_phone_number_is_found_in_any_spelling(centre_staff, people, query):
    assert found(centre_staff, query) == ["Ayşe Özdemir"]


def test_a_phone_number_of_another_country_is_read_as_such(centre_staff, people):
    assert read_terms("+31 6 12345678").phone == "+31612345678"
    assert found(centre_staff, "+31 6 12345678") == []


@pytest.mark.parametrize("query", [NATIONAL_NUMBER, "85.07.30-033.28", "85 07 30 033 28"])
def test_an_exact_national_number_is_found_through_the_blind_index(centre_staff, people, query):
    assert read_terms(query).national_number == NATIONAL_NUMBER
    assert found(centre_staff, query) == ["Ayşe Özdemir"]


@pytest.mark.parametrize("query", ["850730", "85.07.30-033", "85073003329"])
def test_a_part_or_a_wrong_national_number_finds_nobody(centre_staff, people, query):
    assert read_terms(query).national_number == ""
    assert found(centre_staff, query) == []


def test_a_trajectory_is_found_by_its_number(coach, trajectory):
    for query in (str(trajectory.pk), f"#{trajectory.pk}", f"# {trajectory.pk}"):
        groups = {g.kind: g for g in search(user=coach, query=query).groups}
        assert [t.pk for t in groups["trajectories"].items] == [trajectory.pk]


def test_a_coach_does_not_find_another_coachs_client_or_trajectory(centre, coach, other_coach):
    mine = TrajectoryFactory(
        client=ClientFactory(organisation=centre, last_name="Wouters"), responsible=coach
    )
    theirs = TrajectoryFactory(
        client=ClientFactory(organisation=centre, last_name="Wouterse"), responsible=other_coach
    )
    assert found(coach, "wouter") == [mine.client.full_name]
    assert found(other_coach, "wouter") == [theirs.client.full_name]
    assert search(user=coach, query=f"#{theirs.pk}").groups == []


def test_a_mediator_finds_mediation_clients_not_voucher_clients(centre, coach):
    mediator = staff_user(centre, Role.MEDIATOR, username="bemiddelaar")
    voucher = TrajectoryFactory(
        client=ClientFactory(organisation=centre, last_name="Claes", phone="+32470111222"),
        responsible=coach,
    )
    mediation = TrajectoryFactory(
        client=ClientFactory(organisation=centre, last_name="Claessens"),
        responsible=mediator,
        programme=Programme.MEDIATION,
    )
    assert found(mediator, "claes") == [mediation.client.full_name]
    assert found(mediator, "0470 11 12 22") == []
    assert search(user=mediator, query=str(voucher.pk)).groups == []
    assert found(centre_staff_of(centre), "claes") == sorted(
        [voucher.client.full_name, mediation.client.full_name]
    )


def centre_staff_of(centre):
    return staff_user(centre, Role.CENTRE_STAFF)


def test_leads_are_found_by_name_email_and_phone(centre_staff, centre):
    make_lead(centre)
    for query in ("nora", "peet", "NORA.PEETERS@example.org", "0470 99 98 88"):
        assert found(centre_staff, query, "leads") == ["Nora Peeters"], query


def test_a_lead_name_is_found_without_accents_on_every_database(centre_staff, centre):
    make_lead(centre, first_name="Céline", last_name="Özdemir", email="c@example.be")
    for query in ("celine", "CÉLINE", "ozdem", "céline özdemir"):
        assert found(centre_staff, query, "leads") == ["Céline Özdemir"], query


def test_a_coach_finds_their_own_and_handed_over_leads_only(centre, coach, other_coach):
    make_lead(centre, coach=coach, first_name="Eigen")
    handed = make_lead(centre, coach=other_coach, first_name="Doorgegeven")
    Handover.objects.create(
        lead=handed,
        from_coach=coach,
        to_coach=other_coach,
        note="Past beter bij jou.",
        at=timezone.now(),
        original_deadline=timezone.now(),
    )
    make_lead(centre, coach=other_coach, first_name="Vreemd")
    make_lead(centre, first_name="Onverdeeld")
    assert found(coach, "peeters", "leads") == ["Doorgegeven Peeters", "Eigen Peeters"]
    assert found(other_coach, "peeters", "leads") == ["Doorgegeven Peeters", "Vreemd Peeters"]


def test_centre_staff_do_not_find_another_centres_people(centre, other_centre, people):
    outsider = staff_user(other_centre, Role.CENTRE_STAFF)
    make_lead(centre)
    assert search(user=outsider, query="ozdem").groups == []
    assert search(user=outsider, query="nora").groups == []
    assert search(user=outsider, query=NATIONAL_NUMBER).groups == []


def test_a_group_shows_at_most_eight_and_counts_all(centre, centre_staff):
    for n in range(GROUP_SIZE + 3):
        ClientFactory(organisation=centre, first_name=f"Lid{n:02d}", last_name="Vermeulen")
    (group,) = search(user=centre_staff, query="vermeul").groups
    assert len(group.items) == GROUP_SIZE
    assert group.count == GROUP_SIZE + 3
    assert group.more_url == reverse("client_list") + "?q=vermeul"


def test_a_query_under_two_characters_searches_nothing(
    centre_staff, people, django_assert_num_queries
):
    with django_assert_num_queries(0):
        result = search(user=centre_staff, query=" o ")
    assert result.too_short and result.groups == []
    assert not search(user=centre_staff, query="#7").too_short  # a trajectory number


def _fill(centre, coach, start, count):
    for n in range(start, start + count):
        client = ClientFactory(organisation=centre, first_name=f"Kim{n}", last_name="Janssens")
        TrajectoryFactory(client=client, responsible=coach)
        make_lead(centre, coach=coach, first_name=f"Kim{n}", last_name="Janssens")


@pytest.mark.parametrize("role", [Role.COACH, Role.CENTRE_STAFF])
def test_the_query_count_does_not_grow_with_the_data(centre, role, django_assert_max_num_queries):
    coach = staff_user(centre, Role.COACH)
    user = coach if role == Role.COACH else staff_user(centre, Role.CENTRE_STAFF)
    _fill(centre, coach, 0, GROUP_SIZE + 1)  # more than a group shows: the counts are read too
    user = type(user).objects.get(pk=user.pk)
    with django_assert_max_num_queries(10) as small:
        search(user=user, query="janssens")
    _fill(centre, coach, GROUP_SIZE + 1, 18)
    user = type(user).objects.get(pk=user.pk)
    with django_assert_max_num_queries(len(small.captured_queries)):
        result = search(user=user, query="janssens")
    assert [g.count for g in result.groups] == [27, 27]


# The page


def test_the_page_shows_the_groups_with_links(logged_in, centre_staff, centre, people):
    make_lead(centre, first_name="Ayse", last_name="Ozkan")
    response = logged_in(centre_staff).get(reverse("search"), {"q": "ayse"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cliënten" in html and "Aanvragen" in html
    assert reverse("client_detail", args=[people.pk]) in html
    assert "Ozkan" in html


def test_the_page_says_when_nothing_is_found_and_when_the_query_is_too_short(
    logged_in, centre_staff
):
    http = logged_in(centre_staff)
    assert (
        "Geen resultaten voor “niemand”"
        in http.get(reverse("search"), {"q": "niemand"}).content.decode()
    )
    assert "minstens twee tekens" in http.get(reverse("search"), {"q": "x"}).content.decode()


def test_the_live_results_are_a_list_of_links_without_the_layout(logged_in, centre_staff, people):
    response = logged_in(centre_staff).get(
        reverse("search"), {"q": "ozdem", "live": "1"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<header" not in html
    assert f'href="{reverse("client_detail", args=[people.pk])}"' in html


def test_alle_resultaten_lists_all_leads_by_page(logged_in, centre, centre_staff):
    for n in range(GROUP_SIZE + 2):
        make_lead(centre, first_name=f"Lid{n:02d}", last_name="Goossens")
    http = logged_in(centre_staff)
    (group,) = search(user=centre_staff, query="goossens").groups
    response = http.get(group.more_url)
    assert response.status_code == 200
    assert response.content.decode().count('class="search-hit"') == GROUP_SIZE + 2


def test_a_search_writes_no_file_read_and_logs_no_query(logged_in, centre_staff, people, caplog):
    caplog.set_level(logging.DEBUG)
    logged_in(centre_staff).get(reverse("search"), {"q": NATIONAL_NUMBER})
    assert not FileAccess.objects.exists()
    assert NATIONAL_NUMBER not in caplog.text


def test_the_header_search_is_on_staff_pages(logged_in, coach):
    html = logged_in(coach).get(reverse("dashboard")).content.decode()
    assert 'role="search"' in html and 'id="top-search"' in html
    assert '<label for="top-search" class="visually-hidden">' in html


def test_the_header_search_is_not_on_the_login_page(client):
    assert 'id="top-search"' not in client.get(reverse("login")).content.decode()


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("search"), {"q": "peeters"})
    assert response.status_code == 302


def test_the_header_search_is_not_in_the_client_portal(logged_in, coach):
    """The portal has its own layout: even a signed-in coach sees no staff search there."""
    response = logged_in(coach).get(reverse("portal_login"))
    assert response.status_code == 200
    assert 'id="top-search"' not in response.content.decode()
