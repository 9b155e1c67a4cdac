"""BIL-02: aftercare is registered at VDAB but never billable — the coach marks it entered on the
hours page ("nazorg — niet factureerbaar") and no settlement puts it on a statement."""

from datetime import date

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse

from koers.billing.models import HourEntry, Statement, StatementHour
from koers.billing.rules.periods import Month
from koers.billing.services.aftercare import aftercare_mark_entered, aftercare_unmark
from koers.billing.services.hours import hour_mark_entered, statement_settle
from koers.trajectories.billable import aftercare_hours, billable_hours
from koers.vouchers.models import AftercareEntry
from tests.billing.factories import held_contact, open_voucher, rate

TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def june():
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


@pytest.fixture
def voucher(coach, centre):
    return open_voucher(coach, centre)


def _aftercare(voucher, coach, day=date(2026, 5, 12), minutes=30):
    return AftercareEntry.objects.create(
        voucher=voucher, on=day, minutes=minutes, form="phone", recorded_by=coach
    )


def test_bil_02_aftercare_hours_are_reported_never_billable(voucher, coach):
    entry = _aftercare(voucher, coach)
    [hour] = aftercare_hours(coach_ids=[coach.pk], since=date(2026, 5, 1), until=TODAY)
    assert (hour.aftercare_id, hour.minutes, hour.billable) == (entry.pk, 30, False)
    assert hour.client_name == voucher.client.full_name and hour.voucher == "1"
    assert billable_hours(coach_ids=[coach.pk], since=date(2026, 5, 1), until=TODAY) == []
    assert aftercare_hours(coach_ids=[coach.pk], since=date(2026, 5, 13), until=TODAY) == []


def test_bil_02_aftercare_marked_entered_and_taken_back(voucher, coach, other_coach):
    after = _aftercare(voucher, coach)
    entry = aftercare_mark_entered(
        aftercare_id=after.pk, entered_on=date(2026, 5, 14), acting_user=coach, today=TODAY
    )
    assert (entry.aftercare_id, entry.contact_id, entry.day) == (after.pk, None, date(2026, 5, 12))
    with pytest.raises(Exception, match="al op 14/05/2026"):
        aftercare_mark_entered(
            aftercare_id=after.pk, entered_on=date(2026, 5, 15), acting_user=coach, today=TODAY
        )
    with pytest.raises(Http404):  # only the coach who recorded it
        aftercare_mark_entered(
            aftercare_id=after.pk, entered_on=TODAY, acting_user=other_coach, today=TODAY
        )
    aftercare_unmark(aftercare_id=after.pk, acting_user=coach)
    assert not HourEntry.objects.exists()


def test_bil_02_aftercare_entered_before_it_happened_is_refused(voucher, coach):
    after = _aftercare(voucher, coach)
    with pytest.raises(Exception, match="niet eerder ingegeven"):
        aftercare_mark_entered(
            aftercare_id=after.pk, entered_on=date(2026, 5, 11), acting_user=coach, today=TODAY
        )


def test_bil_02_aftercare_entry_is_a_contact_or_aftercare_never_both(voucher, coach):
    contact = held_contact(voucher, date(2026, 5, 4))
    after = _aftercare(voucher, coach)
    common = {"coach": coach, "day": date(2026, 5, 12), "entered_on": TODAY, "entered_by": coach}
    for links in ({}, {"contact": contact, "aftercare": after}):
        with pytest.raises(IntegrityError), transaction.atomic():
            HourEntry.objects.create(**common, **links)


def test_bil_02_aftercare_is_never_on_a_statement(voucher, coach, centre, centre_staff):
    rate(coach, centre)
    contact = held_contact(voucher, date(2026, 5, 4), 60)
    hour_mark_entered(
        contact_id=contact.pk, entered_on=date(2026, 5, 10), acting_user=coach, today=TODAY
    )
    after = _aftercare(voucher, coach)
    aftercare_mark_entered(
        aftercare_id=after.pk, entered_on=date(2026, 5, 14), acting_user=coach, today=TODAY
    )
    [statement] = statement_settle(
        centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY
    )
    assert statement.total == 90 and [x.minutes for x in statement.lines.all()] == [60]
    assert not StatementHour.objects.filter(entry__aftercare=after).exists()
    statement_settle(centre=centre, month=Month(2026, 6), acting_user=None, today=date(2026, 7, 5))
    assert Statement.objects.count() == 1  # June: only the aftercare, so no statement


def test_bil_02_aftercare_on_the_hours_page(voucher, coach, logged_in):
    after = _aftercare(voucher, coach)
    client = logged_in(coach)
    page = client.get(reverse("billing_hours")).content.decode()
    assert "Nazorg — niet factureerbaar" in page
    assert reverse("billing_aftercare_entered", args=[after.pk]) in page
    bad = client.post(
        reverse("billing_aftercare_entered", args=[after.pk]), {"entered_on": "01/05/2026"}
    )
    assert bad.status_code == 422
    body = bad.content.decode()
    assert 'value="01/05/2026"' in body and "niet eerder ingegeven" in body
    done = client.post(
        reverse("billing_aftercare_entered", args=[after.pk]), {"entered_on": "14/05/2026"}
    )
    assert done.status_code == 302
    page = client.get(reverse("billing_hours")).content.decode()
    assert "nazorg — niet factureerbaar" in page and "14/05/2026" in page
    assert client.post(reverse("billing_aftercare_unmark", args=[after.pk])).status_code == 302
    assert not HourEntry.objects.exists()


def test_bil_02_aftercare_of_another_coach_cannot_be_marked(voucher, coach, other_coach, logged_in):
    after = _aftercare(voucher, coach)
    other = logged_in(other_coach)
    url = reverse("billing_aftercare_entered", args=[after.pk])
    assert other.post(url, {"entered_on": "14/05/2026"}).status_code == 404
    assert not HourEntry.objects.exists()


def test_bil_02_aftercare_every_url_with_an_id_is_walked():
    from tests.test_url_access import _object_urls

    mine = {n for n in _object_urls() if n.startswith("billing_aftercare_")}
    assert mine == {"billing_aftercare_entered", "billing_aftercare_unmark"}


@pytest.mark.parametrize("name", ["billing_aftercare_entered", "billing_aftercare_unmark"])
def test_bil_02_aftercare_urls_are_404_for_another_coach_and_centre(
    name, voucher, coach, other_coach, other_centre, logged_in, client
):
    from koers.core.models import Role
    from tests.factories import staff_user

    after = _aftercare(voucher, coach)
    aftercare_mark_entered(aftercare_id=after.pk, entered_on=TODAY, acting_user=coach, today=TODAY)
    url = reverse(name, args=[after.pk])
    for user in (other_coach, staff_user(other_centre, Role.CENTRE_STAFF)):
        c = logged_in(user)
        assert c.get(url).status_code == 405
        assert c.post(url, {"entered_on": "14/05/2026"}).status_code == 404
        client.logout()
    assert HourEntry.objects.get().entered_on == TODAY


def test_bil_02_aftercare_through_the_api(voucher, coach, other_coach):
    from tests.api.conftest import Api

    after = _aftercare(voucher, coach)
    api = Api(coach)
    listed = api.get("/billing/aftercare").json()
    assert listed["count"] == 1 and listed["items"][0]["billable"] is False
    assert Api(other_coach).get("/billing/aftercare").json()["count"] == 0
    url = f"/billing/aftercare/{after.pk}/entered"
    assert Api(other_coach).post(url, {"entered_on": "2026-05-14"}).status_code == 404
    answer = api.post(url, {"entered_on": "2026-05-14"})
    assert answer.status_code == 200, answer.content
    assert answer.json()["entered_on"] == "2026-05-14" and answer.json()["to_enter"] is False
    refused = api.post(url, {"entered_on": "2026-05-14"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "entered_on"
    assert api.http.delete(api.url(url), headers=api.headers).status_code == 204
    assert not HourEntry.objects.exists()
