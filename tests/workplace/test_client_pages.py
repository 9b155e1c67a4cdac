"""Keyset pagination of the client list and `GET /api/v1/clients` (issue 14): the next page is
"after this client", so a deep page is read without OFFSET; walking the pages gives every client
once, in order, also where names repeat."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.core.keyset import keyset_slice
from koers.core.models import Client
from koers.workplace.selectors import CLIENT_ORDER
from tests.api.conftest import Api
from tests.factories import ClientFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sixty(centre):
    """60 clients whose names repeat (ties broken by id), made in an order unlike the list's."""
    for n in range(60):
        ClientFactory(
            organisation=centre,
            last_name=["Peeters", "Maes", "Claes"][n % 3],
            first_name=f"K{n % 4}",
        )
    return list(Client.objects.filter(organisation=centre).order_by(*CLIENT_ORDER))


def _no_offset(queries) -> None:
    for query in queries:
        assert not re.search(r"\bOFFSET\b", query["sql"], re.IGNORECASE), query["sql"]


def test_the_pages_forward_and_back_give_every_client_once_in_order(sixty, centre_staff):
    queryset = Client.objects.visible_to(centre_staff)
    pages, after = [], None
    while True:
        rows, has_previous, has_next = keyset_slice(
            queryset, ordering=CLIENT_ORDER, size=25, after=after
        )
        assert has_previous == (after is not None)
        pages.append(rows)
        if not has_next:
            break
        after = rows[-1].pk
    assert [len(p) for p in pages] == [25, 25, 10]
    assert [c.pk for p in pages for c in p] == [c.pk for c in sixty]
    rows, has_previous, has_next = keyset_slice(
        queryset, ordering=CLIENT_ORDER, size=25, before=pages[2][0].pk
    )
    assert (rows, has_previous, has_next) == (pages[1], True, True)
    rows, has_previous, _ = keyset_slice(
        queryset, ordering=CLIENT_ORDER, size=25, before=pages[1][0].pk
    )
    assert (rows, has_previous) == (pages[0], False)


def test_descending_orderings_page_too(sixty, centre_staff):
    queryset = Client.objects.visible_to(centre_staff)
    ordering = ("-last_name", "first_name", "-pk")
    expected = list(queryset.order_by(*ordering))
    first, _, _ = keyset_slice(queryset, ordering=ordering, size=25)
    second, _, _ = keyset_slice(queryset, ordering=ordering, size=25, after=first[-1].pk)
    assert first + second == expected[:50]


def test_the_list_page_follows_its_links_without_offset(sixty, logged_in, centre_staff):
    web = logged_in(centre_staff)
    url, seen, numbers = reverse("client_list"), [], []
    while url:
        with CaptureQueriesContext(connection) as queries:
            response = web.get(url)
        page = response.context["page"]
        seen += [c.pk for c in page.object_list]
        numbers.append((page.number, page.start_index, page.end_index, page.count))
        if len(numbers) > 1:
            _no_offset(queries.captured_queries)
        link = re.search(r'href="([^"]*)"[^>]*>Volgende', response.content.decode())
        assert bool(link) == page.has_next
        url = link and reverse("client_list") + link[1].replace("&amp;", "&")
    assert seen == [c.pk for c in sixty]
    assert numbers == [(1, 1, 25, 60), (2, 26, 50, 60), (3, 51, 60, 60)]


def test_the_previous_link_goes_back_by_cursor(sixty, logged_in, centre_staff):
    web = logged_in(centre_staff)
    response = web.get(reverse("client_list"), {"after": sixty[49].pk, "page": 3})
    assert [c.pk for c in response.context["page"].object_list] == [c.pk for c in sixty[50:]]
    link = re.search(r'href="([^"]*)"[^>]*>← Vorige', response.content.decode())[1]
    assert f"before={sixty[50].pk}" in link and "page=2" in link
    back = web.get(reverse("client_list") + link.replace("&amp;", "&")).context["page"]
    assert [c.pk for c in back.object_list] == [c.pk for c in sixty[25:50]]
    assert (back.number, back.has_previous, back.has_next) == (2, True, True)


def test_a_cursor_the_user_cannot_see_gives_the_first_page(sixty, logged_in, other_centre):
    hidden = ClientFactory(organisation=other_centre, last_name="Aaa")
    coach_trajectory = TrajectoryFactory(client=sixty[0])
    web = logged_in(coach_trajectory.responsible)
    page = web.get(reverse("client_list"), {"after": hidden.pk, "page": 9}).context["page"]
    assert ([c.pk for c in page.object_list], page.number) == ([sixty[0].pk], 1)
    assert web.get(reverse("client_list"), {"after": "x"}).status_code == 200


def test_the_search_pages_by_cursor_too(sixty, logged_in, centre_staff):
    web = logged_in(centre_staff)
    peeters = [c.pk for c in sixty if c.last_name == "Peeters"]
    page = web.get(reverse("client_list"), {"q": "peeters", "after": peeters[9]}).context["page"]
    assert [c.pk for c in page.object_list] == peeters[10:]


def test_the_api_walks_all_clients_by_next_without_offset(sixty, centre_staff):
    api, seen, after = Api(centre_staff), [], None
    while True:
        with CaptureQueriesContext(connection) as queries:
            body = api.get("/clients", {"limit": 25, **({"after": after} if after else {})}).json()
        if after:
            _no_offset(queries.captured_queries)
        assert body["count"] == 60
        seen += [c["id"] for c in body["items"]]
        after = body["next"]
        if after is None:
            break
        assert after == seen[-1]
    assert seen == [c.pk for c in sixty]


def test_the_api_keeps_offset_and_refuses_a_bad_cursor(sixty, centre_staff, other_centre):
    api = Api(centre_staff)
    body = api.get("/clients", {"limit": 25, "offset": 50}).json()
    assert ([c["id"] for c in body["items"]], body["next"]) == ([c.pk for c in sixty[50:]], None)
    assert api.get("/clients", {"limit": 25, "offset": 25}).json()["next"] == sixty[49].pk
    both = api.get("/clients", {"after": sixty[0].pk, "offset": 5})
    assert both.status_code == 422
    hidden = ClientFactory(organisation=other_centre)
    unknown = api.get("/clients", {"after": hidden.pk})
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "after"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_a_deep_page_seeks_in_the_name_index(sixty, centre_staff):
    queryset = Client.objects.visible_to(centre_staff)
    with CaptureQueriesContext(connection) as queries:
        keyset_slice(queryset, ordering=CLIENT_ORDER, size=25, after=sixty[40].pk)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + queries.captured_queries[-1]["sql"])
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING INDEX client_name_order (last_name>?)" in plan, plan
