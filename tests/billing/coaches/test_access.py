"""Every billing_ coaches URL with an id: the owner (or their centre's staff) gets through,
another coach and staff of another centre get 404 (tests/test_url_access.py sends billing_ here)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# URL name -> (the object its id refers to, who owns it).
COACH_URLS = {
    "billing_location_end": "location",
    "billing_change_passed_on": "change",
    "billing_plan_receive": "coach",
    "billing_plan_download": "plan",
}
GET_PAGES = {"billing_plan_download"}


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def objects(coach, started, centre_staff):
    from datetime import date

    from django.core.files.uploadedfile import SimpleUploadedFile

    from koers.billing.services import coaches as services

    plan = services.development_plan_receive(
        coach=coach,
        year=2026,
        received_on=date(2026, 6, 1),
        file=SimpleUploadedFile("pop.png", PNG),
        acting_user=centre_staff,
    )
    return {"location": started, "change": started.changes.get(), "coach": coach, "plan": plan}


def test_bil_05_every_billing_url_with_an_id_is_listed_here():
    from tests.test_url_access import _object_urls

    ours = {name for name in _object_urls() if name.startswith("billing_")}
    coaches_part = {n for n in ours if n in COACH_URLS}
    assert coaches_part == set(COACH_URLS)


@pytest.mark.parametrize("name", sorted(COACH_URLS))
def test_bil_05_another_coach_and_another_centre_get_404(
    name, objects, other_coach, elsewhere_staff, logged_in
):
    url = reverse(name, kwargs={"pk": objects[COACH_URLS[name]].pk})
    for outsider in (other_coach, elsewhere_staff):
        client = logged_in(outsider)
        if name in GET_PAGES:
            assert client.get(url).status_code == 404
            continue
        assert client.get(url).status_code == 405  # POST-only actions
        posted = client.post(url, {"ended_on": "2026-06-30", "received_on": "2026-06-01"})
        assert posted.status_code == 404


def test_bil_05_anonymous_is_sent_to_login(client):
    for name in ("billing_coaches", "billing_my_details"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login" in response["Location"]


def test_bil_06_the_coach_and_their_centre_download_the_plan(
    objects, coach, centre_staff, logged_in
):
    url = reverse("billing_plan_download", kwargs={"pk": objects["plan"].pk})
    for owner in (coach, centre_staff):
        response = logged_in(owner).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert "ontwikkelingsplan-2026.png" in response["Content-Disposition"]
