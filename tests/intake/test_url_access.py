"""Every intake URL with an id: the owner gets 200, another coach and staff of another centre 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.core.models import Role
from koers.intake.models import CallKind, CoachUnavailability
from koers.intake.services import IntroductionData, lead_record_call, lead_submit
from tests.factories import ContactFactory, staff_user
from tests.intake.conftest import lead_data
from tests.test_url_access import _object_urls

OBJECT_FOR_URL = {
    "intake_lead_detail": "lead",
    "intake_lead_acknowledge": "lead",
    "intake_lead_call": "lead",
    "intake_lead_feedback": "lead",
    "intake_lead_assign": "lead",
    "intake_lead_route": "lead",
    "intake_lead_convert": "lead",
    "intake_lead_introduction_ics": "lead",
    "intake_contact_ics": "contact",
    "intake_unavailability_delete": "unavailability",
}
# Public pages about a centre (the form, its logo) carry no client data.
NOT_CLIENT_BEARING = {
    "intake_public_form",
    "intake_public_thanks",
    "intake_public_logo",
    "intake_public_voucher_logo",
}
# Pages that only answer GET give 405 to a POST before looking at the id: that reveals nothing.
GET_ONLY = {"intake_lead_detail", "intake_lead_introduction_ics", "intake_contact_ics"}
POST_ONLY = {
    "intake_lead_acknowledge",
    "intake_lead_call",
    "intake_lead_feedback",
    "intake_lead_assign",
    "intake_lead_route",
    "intake_lead_convert",
    "intake_unavailability_delete",
}


def test_every_intake_url_with_an_id_is_walked():
    names = {n for n in _object_urls() if n.startswith("intake_")}
    assert names - set(OBJECT_FOR_URL) - NOT_CLIENT_BEARING == set()


@pytest.fixture
def objects(centre, coach, trajectory):
    now = timezone.now()
    lead, _ = lead_submit(
        organisation=centre,
        data=lead_data(windows=[(now + timedelta(hours=1), now + timedelta(hours=2))]),
        now=now,
    )
    lead_record_call(
        lead=lead,
        kind=CallKind.MATCH,
        now=now,
        acting_user=coach,
        introduction=IntroductionData(starts_at=now + timedelta(days=1)),
    )
    unavailable = CoachUnavailability.objects.create(
        organisation=centre,
        coach=coach,
        starts_at=now + timedelta(days=5),
        ends_at=now + timedelta(days=6),
        created_by=coach,
    )
    return {
        "lead": lead,
        "contact": ContactFactory(trajectory=trajectory),
        "unavailability": unavailable,
    }


def _url(name, obj):
    return reverse(name, kwargs={"pk": obj.pk})


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_owner_can_open(name, objects, coach, logged_in):
    response = logged_in(coach).get(_url(name, objects[OBJECT_FOR_URL[name]]))
    assert response.status_code == (405 if name in POST_ONLY else 200)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_other_coach_gets_404(name, objects, other_coach, logged_in):
    client = logged_in(other_coach)
    url = _url(name, objects[OBJECT_FOR_URL[name]])
    assert client.get(url).status_code == (405 if name in POST_ONLY else 404)
    assert client.post(url, {"kind": "no_match"}).status_code == (405 if name in GET_ONLY else 404)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_staff_of_another_centre_get_404(name, objects, other_centre, logged_in):
    client = logged_in(staff_user(other_centre, Role.CENTRE_STAFF))
    url = _url(name, objects[OBJECT_FOR_URL[name]])
    assert client.get(url).status_code == (405 if name in POST_ONLY else 404)
    assert client.post(url, {"kind": "no_match"}).status_code == (405 if name in GET_ONLY else 404)
