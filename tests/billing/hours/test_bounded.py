"""Issue 14: a coach's hours page shows a page of each list (to enter, entered) and the API a
limit/offset slice, in the same number of queries whatever the number of hours; the month list
("mark all of a month") and the counts stay over the whole year."""

from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.billing.selectors import hours as selectors
from koers.billing.services.hours import hour_mark_entered
from koers.core.models import Role
from tests.api.conftest import Api
from tests.billing.factories import held_contact, open_voucher, rate
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)
PAGE = 20


@pytest.fixture(autouse=True)
def june(monkeypatch):
    monkeypatch.setattr(selectors, "HOURS_PAGE_SIZE", PAGE)
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


def _coach(centre, name: str, contacts: int):
    """A coach with `contacts` held 30-minute contacts over five per voucher, from March to
    June: the older half entered at VDAB, the newer half still to enter."""
    coach = staff_user(centre, Role.COACH, username=name)
    rate(coach, centre)
    held = []
    for n in range(contacts):
        if n % 5 == 0:
            voucher = open_voucher(coach, centre)
        held.append(
            held_contact(voucher, date(2026, 3, 3) + timedelta(days=n * 100 // contacts), 30)
        )
    for contact in held[: contacts // 2]:
        hour_mark_entered(contact_id=contact.pk, entered_on=TODAY, acting_user=coach, today=TODAY)
    return coach, held


def _get(http, url, status=200):
    with CaptureQueriesContext(connection) as queries:
        response = http.get(url)
    assert response.status_code == status, response.content
    return response, len(queries)


def test_issue_14_hours_page_is_bounded_and_its_queries_do_not_grow(centre):
    small, _ = _coach(centre, "coach-small", 10)
    big, held = _coach(centre, "coach-big", 60)
    url = reverse("billing_hours")
    pages = {}
    for coach in (small, big):
        http = Client()
        http.force_login(coach)
        _get(http, url)  # warm caches (rule sets, sessions)
        pages[coach] = _get(http, url)
    (small_page, small_queries), (big_page, big_queries) = pages[small], pages[big]
    assert big_queries == small_queries
    html = big_page.content.decode()
    assert html.count('data-testid="hour-row"') == 2 * PAGE
    assert small_page.content.decode().count('data-testid="hour-row"') == 10
    assert 'data-testid="pager-to_enter"' in html and 'data-testid="pager-entered"' in html
    assert ">30</span>" in html  # the badge counts every hour to enter, not the page
    # Every month with hours to enter can be marked at once, also those not on this page.
    months = {f"{c.starts_at:%Y-%m}" for c in held[30:]}
    assert len(months) > 1
    for month in months:
        assert f'name="month" value="{month}"' in html
    http = Client()
    http.force_login(big)
    last, queries = _get(http, url + "?to_enter=2&entered=2")
    assert queries == small_queries
    assert last.content.decode().count('data-testid="hour-row"') == 2 * (30 - PAGE)


def test_issue_14_hours_api_is_a_bounded_slice_in_constant_queries(centre):
    small, few = _coach(centre, "coach-small", 10)
    big, held = _coach(centre, "coach-big", 60)
    answers = {}
    for coach in (small, big):
        api = Api(coach)
        api.get("/billing/hours")
        with CaptureQueriesContext(connection) as queries:
            answer = api.get("/billing/hours")
        answers[coach] = (answer.json(), len(queries))
    assert answers[big][1] == answers[small][1]
    listed = answers[big][0]
    assert listed["count"] == 60 and len(listed["items"]) == 25
    api = Api(big)
    assert [i["contact_id"] for i in listed["items"]] == [c.pk for c in reversed(held)][:25]
    rest = api.get("/billing/hours", {"offset": 50, "limit": 100}).json()
    assert rest["count"] == 60 and len(rest["items"]) == 10
    assert api.get("/billing/hours", {"limit": 101}).status_code == 422
    # A write answers with its own hour, in the same queries whatever the year holds.
    counts = []
    for coach, contact in ((small, few[-1]), (big, held[-1])):
        with CaptureQueriesContext(connection) as queries:
            answer = Api(coach).post(
                f"/billing/hours/{contact.pk}/entered", {"entered_on": "2026-06-15"}
            )
        assert answer.status_code == 200 and answer.json()["contact_id"] == contact.pk
        counts.append(len(queries))
    assert counts[0] == counts[1]
