"""BIL-02/03: every hours and statement URL with an id — the owner gets 200 (or the action),
another coach and centre staff of another centre 404, never the data."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from koers.billing.models import HourEntry, StatementCorrection
from koers.billing.rules.periods import Month
from koers.billing.services.hours import hour_mark_entered, statement_settle
from koers.core.models import Role
from tests.billing.factories import held_contact, open_voucher, rate
from tests.factories import staff_user

TODAY = date(2026, 6, 15)


@pytest.fixture
def objects(coach, centre, centre_staff):
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        voucher = open_voucher(coach, centre)
        rate(coach, centre)
        settled = held_contact(voucher, date(2026, 5, 4))
        hour_mark_entered(
            contact_id=settled.pk, entered_on=date(2026, 5, 10), acting_user=coach, today=TODAY
        )
        [statement] = statement_settle(
            centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY
        )
        open_hour = held_contact(voucher, date(2026, 6, 1))
        hour_mark_entered(
            contact_id=open_hour.pk, entered_on=date(2026, 6, 2), acting_user=coach, today=TODAY
        )
    return {"statement": statement, "contact": open_hour}


# URL name -> (object, an owner, the POST body)
URLS = {
    "billing_hour_entered": ("contact", "coach", {"entered_on": "10/06/2026"}),
    "billing_hour_unmark": ("contact", "coach", {}),
    "billing_statement": ("statement", "coach", None),
    "billing_statement_pdf": ("statement", "coach", None),
    "billing_statement_correct": ("statement", "centre_staff", {"minutes": 30, "note": "x"}),
}


def test_bil_03_every_billing_url_with_an_id_is_walked():
    from tests.test_url_access import _object_urls

    mine = {n for n in _object_urls() if n.startswith(("billing_hour", "billing_statement"))}
    assert mine == set(URLS)


@pytest.mark.parametrize("name", sorted(URLS))
def test_bil_03_other_coach_and_other_centre_get_404(
    name, objects, other_coach, other_centre, logged_in, client
):
    kind, _owner, body = URLS[name]
    url = reverse(name, args=[objects[kind].pk])
    outsider = staff_user(other_centre, Role.CENTRE_STAFF)
    for user in (other_coach, outsider):
        c = logged_in(user)
        if body is None:
            assert c.get(url).status_code == 404
        else:
            assert c.get(url).status_code == 405
            assert c.post(url, body).status_code == 404
        client.logout()
    assert HourEntry.objects.count() == 2 and not StatementCorrection.objects.exists()


def test_bil_03_owner_opens_the_statement_and_staff_their_centre(
    objects, coach, centre_staff, logged_in, client
):
    url = reverse("billing_statement", args=[objects["statement"].pk])
    assert logged_in(coach).get(url).status_code == 200
    client.logout()
    assert logged_in(centre_staff).get(url).status_code == 200
